// SPDX-License-Identifier: Apache-2.0
// The API gateway's authentication of a request, as the real gateway does it: an IAM token in X-Auth-Token,
// or an SDK-HMAC-SHA256 signature whose canonical request is rebuilt from what was received.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <variant>

#include <modelarts/signer.hpp>

#include "testing/emulator/credential_store.hpp"
#include "testing/emulator/http_types.hpp"

namespace modelarts::testing::detail {

/// Who made an accepted request.
struct AuthenticatedCaller {
  bool by_token = false;
  std::string token_project_id;  ///< the project the token is scoped to (token auth only)
};

/// Why a request was refused: always 401 APIGW.0301; `message` is the whole error_msg.
struct AuthRefusal {
  std::string message;
};

using AuthOutcome = std::variant<AuthenticatedCaller, AuthRefusal>;

class GatewayAuth {
 public:
  /// `max_skew`: how far X-Sdk-Date may be from the server's clock (15 minutes on the real gateway).
  explicit GatewayAuth(const CredentialStore& credentials,
                       std::chrono::seconds max_skew = std::chrono::minutes(15));

  /// `raw_path` and `query` come from parse_request_target on the same request.
  AuthOutcome authenticate(const HttpRequestMessage& request, std::string_view raw_path,
                           const QueryParams& query) const;

 private:
  AuthOutcome verify_signature(const HttpRequestMessage& request, std::string_view authorization,
                               std::string_view raw_path, const QueryParams& query) const;

  const CredentialStore& credentials_;
  std::chrono::seconds max_skew_;
};

/// The parts of "SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex".
struct SignatureHeader {
  std::string access;
  std::string signed_headers;
  std::string signature;
};
/// Fails (returns false) on another algorithm or a missing part.
bool parse_signature_header(std::string_view authorization, SignatureHeader& out);

/// "YYYYMMDDTHHMMSSZ" -> time point; false when malformed.
bool parse_sdk_date(std::string_view text, std::chrono::system_clock::time_point& out);

}  // namespace modelarts::testing::detail
