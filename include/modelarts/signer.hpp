// AK/SK request signing (SDK-HMAC-SHA256), as the Huawei Cloud API gateway verifies it. Public so that
// callers can sign requests the SDK does not wrap; the SDK and the emulator use these same functions.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace modelarts {

using QueryParams = std::vector<std::pair<std::string, std::string>>;  ///< decoded key/value pairs, in any order

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

/// RFC 3986 percent-encoding: every byte outside A-Z a-z 0-9 - _ . ~ becomes %XY with upper-case hex.
std::string percent_encode(std::string_view text);
/// Inverse of percent_encode; malformed escapes are kept literally. '+' stays '+'.
std::string percent_decode(std::string_view text);
/// Canonical URI, the documented way: the whole path decoded, split on '/', each segment encoded, joined by '/',
/// with a trailing '/' appended ("/v1/a%2Fb" -> "/v1/a/b/").
std::string canonical_uri(std::string_view path);
/// Pairs sorted by raw key then raw value (byte order), each encoded, "k=v" joined by '&'.
std::string canonical_query_string(const QueryParams& query);
/// The path as sent on the wire: each escape decoded and each byte encoded again, an encoded slash kept as
/// "%2F" inside its segment, no trailing '/' added ("" -> "/"; "/v1/a%2fb" -> "/v1/a%2Fb").
std::string wire_path(std::string_view path);
/// wire_path(path), then "?" + canonical_query_string(query) when there is a query: the request target
/// sign_request returns, also used for token-authenticated requests.
std::string wire_target(std::string_view path, const QueryParams& query);
/// Lower-case hex SHA-256 / HMAC-SHA256.
std::string sha256_hex(std::string_view data);
std::string hmac_sha256_hex(std::string_view key, std::string_view data);

}  // namespace modelarts
