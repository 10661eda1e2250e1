// SPDX-License-Identifier: Apache-2.0
// The emulated OBS's authentication (OBS API Reference, "Authentication of Signature in a Header",
// docs/service-quirks.md, O1, O3, O6, O7, O9, O17): the OBS native and S3 V2 header signatures and the pre-signed query
// form, with the documented 403 errors. Path-style only: the canonical resource is the raw request path (never decoded
// and re-encoded) plus the sub-resources.
#pragma once

#include <chrono>
#include <string>
#include <variant>

#include <modelarts/signer.hpp>

#include "testing/emulator/credential_store.hpp"
#include "testing/emulator/http_types.hpp"
#include "testing/emulator/request_target.hpp"

namespace modelarts::testing::detail::obs {

/// An OBS error reply: HTTP status, Code, Message, and extra elements (XML) for the body.
struct ObsError {
  int status = 400;
  std::string code;
  std::string message;
  /// E.g. <StringToSign> on SignatureDoesNotMatch (a debugging extension, docs/service-quirks.md, O16).
  std::string extra;
};

struct ObsCaller {
  std::string access_key;
};

using ObsAuthOutcome = std::variant<ObsCaller, ObsError>;

class ObsAuth {
 public:
  explicit ObsAuth(const CredentialStore& credentials, std::chrono::seconds max_skew = std::chrono::minutes(15));

  /// `bucket` is the first path segment (empty for the service root).
  ObsAuthOutcome authenticate(const HttpRequestMessage& request, const RequestTarget& target,
                              const std::string& bucket) const;

 private:
  const CredentialStore& credentials_;
  std::chrono::seconds max_skew_;
};

}  // namespace modelarts::testing::detail::obs
