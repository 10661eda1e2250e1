// SPDX-License-Identifier: Apache-2.0
// OBS request signing (OBS API Reference, "Authentication of Signature in a Header"): the OBS native header signature
// ("Authorization: OBS AK:sig"), its S3 V2 variant ("AWS AK:sig") and the pre-signed URL (query) form.
// Public so that callers can sign OBS requests the SDK does not wrap; the SDK and the emulator use these same
// functions. Pure functions: no clock, no I/O.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <modelarts/signer.hpp>

namespace modelarts::obs {

using Headers = std::vector<std::pair<std::string, std::string>>;

/// "OBS" (canonical headers x-obs-*) or the S3 V2 variant "AWS" (canonical headers x-amz-*).
enum class SignatureType { obs, s3_v2 };

/// Where the bucket is named: in the host (bucket.obs.region...) or as the first path segment.
enum class Addressing { virtual_hosted, path_style };

struct ObsRequest {
  std::string method;  ///< upper-cased by the signer
  std::string bucket;  ///< empty: a service-level request ("/")
  std::string key;     ///< decoded object key; empty for bucket-level requests
  QueryParams query;   ///< decoded pairs, sent in this order; only sub-resources are signed
  /// Content-MD5, Content-Type, x-obs-* ... as sent; names in any case, a name may repeat.
  /// A Date or x-obs-date (x-amz-date) header given here is used instead of `http_date`.
  Headers headers;
  Addressing addressing = Addressing::virtual_hosted;
};

struct ObsSignedRequest {
  std::string target;          ///< path + "?" + query, percent-encoded: send exactly this
  Headers headers;             ///< the caller's, plus Date, the security token and Authorization
  std::string string_to_sign;  ///< for debugging mismatches; contains no secret
  std::string signature;       ///< Base64(HMAC-SHA1(SK, string_to_sign))
  std::string authorization;   ///< "OBS AK:signature" / "AWS AK:signature"
};

/// Signs `request` with the Date value `http_date` (RFC 1123, see format_http_date) unless the request carries
/// a Date or x-obs-date header. A non-empty `credentials.security_token` is sent and signed as
/// x-obs-security-token (x-amz-security-token for S3 V2). Throws modelarts::InvalidArgumentError on a header
/// name or value with control bytes, or a header name that is not ASCII.
ObsSignedRequest sign_obs_request(const ObsRequest& request, const SigningCredentials& credentials,
                                  std::string_view http_date, SignatureType type = SignatureType::obs);

/// The object key as it appears in a request path: UTF-8 bytes outside A-Z a-z 0-9 - _ . ~ / as %XY.
std::string encode_object_key(std::string_view key);

/// The request path: "/" + encoded key (virtual-hosted) or "/" + bucket + "/" + encoded key (path-style);
/// a bucket-level path-style request is "/" + bucket.
std::string request_path(std::string_view bucket, std::string_view key, Addressing addressing);

/// Whether a query parameter is a signed sub-resource (the documented list: uploads, uploadId, partNumber,
/// versionId, response-*, acl, ...). Case-sensitive, like the service.
bool is_sub_resource(std::string_view name);

/// "/" + bucket + encoded_path_after_bucket, then "?" + the sub-resources of `query` sorted by name (first of
/// duplicates; values decoded; no "=" without a value). `encoded_path_after_bucket` is the request path after
/// the bucket exactly as sent ("/key" or "/" or empty), never decoded and re-encoded.
std::string canonical_resource(std::string_view bucket, std::string_view encoded_path_after_bucket,
                               const QueryParams& query);

/// VERB \n Content-MD5 \n Content-Type \n Date \n canonical headers canonical_resource. The Date line is empty
/// when an x-obs-date (x-amz-date) header is present; `date_override` (non-empty) replaces the Date line (the
/// pre-signed form puts Expires there).
std::string string_to_sign(std::string_view method, const Headers& headers, std::string_view resource,
                           SignatureType type, std::string_view date_override = {});

/// Base64(HMAC-SHA1(secret_key, text)).
std::string signature_of(std::string_view secret_key, std::string_view text);

/// IMF-fixdate: "Sun, 29 Nov 2026 08:30:00 GMT".
std::string format_http_date(std::chrono::system_clock::time_point time);
/// RFC 1123 dates, leniently (any case, "GMT" or "+0000", RFC 850 and asctime forms); false when malformed.
bool parse_http_date(std::string_view text, std::chrono::system_clock::time_point& out);

/// A pre-signed URL's path and query (query authentication, OBS API Reference, "Authentication of Signature in a
/// Header"): the request target plus AccessKeyId (AWSAccessKeyId for S3 V2), Expires (unix seconds), Signature, and the
/// security token for temporary credentials. Prefix it with the scheme and host.
std::string presign_target(const ObsRequest& request, const SigningCredentials& credentials,
                           std::int64_t expires_unix_seconds, SignatureType type = SignatureType::obs);

/// Lower-case hex MD5 and Base64 MD5 (the Content-MD5 form) of `data`.
std::string md5_hex(std::string_view data);
std::string md5_base64(std::string_view data);
std::string base64_encode(std::string_view bytes);

}  // namespace modelarts::obs
