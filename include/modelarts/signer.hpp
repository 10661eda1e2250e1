// SPDX-License-Identifier: Apache-2.0
// AK/SK request signing (SDK-HMAC-SHA256), as the Huawei Cloud API gateway verifies it. Public so that
// callers can sign requests the SDK does not wrap; the SDK and the emulator use these same functions. The URL
// codec it builds on (percent-encoding, canonical URI and query) is modelarts/url_codec.hpp.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <modelarts/url_codec.hpp>

namespace modelarts {

struct SigningCredentials {
  std::string access_key;
  std::string secret_key;
  std::string security_token;  ///< temporary AK/SK: sent and signed as X-Security-Token; empty otherwise
};

struct SignableRequest {
  std::string method;       ///< upper-cased by the signer
  /// Host header value as sent, with a non-default port ("127.0.0.1:8443"). Added and signed as `host`;
  /// empty: no Host header is added (e.g. to reproduce signers that do not sign the host).
  std::string host;
  /// The path. Percent-decoded, then encoded again (RFC 3986, upper-case hex), so a raw ("/a b") or an already
  /// encoded ("/a%20b") path signs and sends the same. An encoded slash is sent as "%2F" but signed, as the
  /// documented algorithm and the official signers do, as a separator ("/a%2Fb" signs as "/a/b/").
  std::string path;
  QueryParams query;        ///< decoded pairs
  std::vector<std::pair<std::string, std::string>> headers;  ///< e.g. Content-Type, X-Project-Id
  std::string body;
  /// Sign the literal UNSIGNED-PAYLOAD (and send X-Sdk-Content-Sha256). Set automatically when a
  /// Content-Type is given that is not application/json or application/bson (any parameters), or when the
  /// caller sends X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD itself.
  bool unsigned_payload = false;
};

struct SignedRequest {
  std::string target;  ///< canonical path (no added trailing slash) + "?" + canonical query: send exactly this
  /// Every header to send: the caller's (trimmed, duplicates refused), Host, X-Sdk-Date, X-Security-Token,
  /// X-Sdk-Content-Sha256 when unsigned, and Authorization.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string canonical_request;  ///< for debugging signature mismatches; contains no secret
  std::string string_to_sign;
  std::string signed_headers;     ///< "content-type;host;x-sdk-date"
  std::string signature;          ///< lower-case hex
};

/// Signs `request` with the X-Sdk-Date value `sdk_date` ("YYYYMMDDTHHMMSSZ"); an X-Sdk-Date header the caller
/// supplied is reused instead. Signed: every header except names containing '_' and Connection,
/// Content-Length, Transfer-Encoding, User-Agent (sent, not signed); Content-Type is not signed for
/// multipart/form-data. Throws modelarts::InvalidArgumentError on a malformed header name/value, a
/// duplicate header name (case-insensitive), or a Host header that contradicts `host`.
SignedRequest sign_request(const SignableRequest& request, const SigningCredentials& credentials,
                           std::string_view sdk_date);

/// "YYYYMMDDTHHMMSSZ" in UTC.
std::string format_sdk_date(std::chrono::system_clock::time_point time);

/// Lower-case hex SHA-256 / HMAC-SHA256.
std::string sha256_hex(std::string_view data);
std::string hmac_sha256_hex(std::string_view key, std::string_view data);

}  // namespace modelarts
