// SPDX-License-Identifier: Apache-2.0
// SDK-HMAC-SHA256 signing (docs/architecture.md; Huawei Cloud "API Request Signing Guide"). Built for speed (it
// runs on every request): headers classified once, working lists reused per thread, every output written through a
// pointer into a buffer sized once (detail/url_writing.hpp), no hash of an empty body (hashing: detail/hashing.hpp).
#include <modelarts/signer.hpp>

#include <algorithm>
#include <ctime>

#include "detail/hashing.hpp"
#include "detail/http_syntax.hpp"
#include "detail/result.hpp"
#include "detail/signing.hpp"
#include "detail/text.hpp"
#include "detail/url_writing.hpp"

namespace modelarts {
namespace {
using namespace detail::codec;
using detail::Digest;
using detail::kHexDigestSize;
using detail::put_hex;
using detail::sha256;
using detail::hmac_sha256;
using detail::to_hex;
using detail::trim;
using detail::istarts_with;

constexpr std::string_view kUnsignedPayload = "UNSIGNED-PAYLOAD";

[[noreturn]] void invalid_argument(std::string message) {
  detail::ErrorInfo error;
  error.category = detail::ErrorCategory::invalid_argument;
  error.message = std::move(message);
  detail::throw_error(error);
}

// A header-name byte lower-cased, or '\0' where the byte is not a token character: validation and
// lower-casing in one look-up.
constexpr ByteMap<char> kLowerToken = [] {
  ByteMap<char> table{};
  for (unsigned c = 0; c < 256; ++c) {
    const auto byte = static_cast<unsigned char>(c);
    table.values[c] = detail::is_token_char(byte) ? detail::ascii_lower(static_cast<char>(byte)) : '\0';
  }
  return table;
}();

bool is_json_content_type(std::string_view content_type) noexcept {
  content_type = trim(content_type);
  return istarts_with(content_type, "application/json") || istarts_with(content_type, "application/bson");
}

// The headers the signer treats specially, recognised once per header from its lower-case name.
enum class Role : unsigned char {
  other,
  unsigned_header,  // names containing '_', Connection, Content-Length, Transfer-Encoding, User-Agent
  host,
  sdk_date,
  security_token,
  content_sha256,
  content_type,
  authorization,
};

Role role_of(std::string_view lower_name) noexcept {
  if (lower_name.find('_') != std::string_view::npos) return Role::unsigned_header;
  switch (lower_name.size()) {
    case 4: return lower_name == "host" ? Role::host : Role::other;
    case 10:
      if (lower_name == "x-sdk-date") return Role::sdk_date;
      return lower_name == "connection" || lower_name == "user-agent" ? Role::unsigned_header : Role::other;
    case 12: return lower_name == "content-type" ? Role::content_type : Role::other;
    case 13: return lower_name == "authorization" ? Role::authorization : Role::other;
    case 14: return lower_name == "content-length" ? Role::unsigned_header : Role::other;
    case 16: return lower_name == "x-security-token" ? Role::security_token : Role::other;
    case 17: return lower_name == "transfer-encoding" ? Role::unsigned_header : Role::other;
    case 20: return lower_name == "x-sdk-content-sha256" ? Role::content_sha256 : Role::other;
    default: return Role::other;
  }
}

struct Header {
  std::string_view lower_name;  // into the per-thread name buffer, or a constant
  std::string_view name;        // as the caller spelled it (views into request or constants)
  std::string_view value;       // trimmed
  Role role = Role::other;
};

constexpr std::size_t kNoHeader = static_cast<std::size_t>(-1);

// The header set to sign and send: the caller's (validated, trimmed, no duplicates), then what signing adds.
// Reused per thread, so a thread allocates for it only on its first calls.
class HeaderSet {
 public:
  void reset(const std::vector<std::pair<std::string, std::string>>& caller_headers) {
    headers_.clear();
    std::fill(std::begin(index_), std::end(index_), kNoHeader);
    std::size_t names_size = 0;
    for (const auto& header : caller_headers) names_size += header.first.size();
    // Reserved up front: the lower-case names are views into this buffer, which must not move.
    lower_names_.resize(names_size);
    headers_.reserve(caller_headers.size() + 4);
    char* names = lower_names_.data();
    for (const auto& [name, raw_value] : caller_headers) {
      if (name.empty()) invalid_argument("empty HTTP header name");
      for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = kLowerToken[static_cast<unsigned char>(name[i])];
        if (c == '\0') invalid_argument("invalid HTTP header name: " + name);
        names[i] = c;
      }
      if (detail::has_line_break_or_nul(raw_value)) invalid_argument("invalid value for HTTP header " + name);
      const std::string_view lower_name(names, name.size());
      names += name.size();
      for (const auto& seen : headers_) {
        if (seen.lower_name == lower_name) invalid_argument("duplicate HTTP header: " + name);
      }
      const Role role = role_of(lower_name);
      if (role == Role::authorization) invalid_argument("Authorization is computed by the signer");
      add(Header{lower_name, name, trim(raw_value), role});
    }
  }
  void add(const Header& header) {
    if (index_[static_cast<unsigned char>(header.role)] == kNoHeader) {
      index_[static_cast<unsigned char>(header.role)] = headers_.size();
    }
    headers_.push_back(header);
  }
  /// The header with a special role (not other/unsigned_header: several headers may have those), or null.
  const Header* find(Role role) const noexcept {
    const std::size_t index = index_[static_cast<unsigned char>(role)];
    return index == kNoHeader ? nullptr : &headers_[index];
  }
  const std::vector<Header>& headers() const noexcept { return headers_; }

 private:
  std::string lower_names_;
  std::vector<Header> headers_;
  std::size_t index_[static_cast<unsigned char>(Role::authorization) + 1] = {};
};

// SHA-256 of the empty string: the payload hash of a request without a body, so it is not hashed per request.
constexpr std::string_view kEmptyBodyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

char* put_payload_hash(char* out, bool unsigned_payload, std::string_view body) {
  if (unsigned_payload) return put(out, kUnsignedPayload);
  if (body.empty()) return put(out, kEmptyBodyHash);
  return put_hex(out, sha256(body));
}

}  // namespace

std::string format_sdk_date(std::chrono::system_clock::time_point time) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  // Civil date from days since 1970-01-01 (H. Hinnant's days_from_civil inverse): what gmtime_r computes,
  // without its locking and strftime's locale machinery. Floor division keeps times before 1970 right.
  constexpr std::int64_t kSecondsPerDay = 86400;
  const auto total = static_cast<std::int64_t>(seconds);
  std::int64_t days = total / kSecondsPerDay;
  std::int64_t second_of_day = total % kSecondsPerDay;
  if (second_of_day < 0) {
    second_of_day += kSecondsPerDay;
    --days;
  }
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t day_of_era = z - era * 146097;                                                 // [0, 146096]
  const std::int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t shifted_month = (5 * day_of_year + 2) / 153;                                   // March = 0
  const std::int64_t day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
  const std::int64_t month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) {
    // Outside four-digit years: leave the spelling to strftime.
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char buffer[64];
    const std::size_t length = std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &utc);
    return std::string(buffer, length);
  }
  char text[16];
  const auto digits = [&text](std::size_t at, std::int64_t value, std::size_t count) {
    for (std::size_t i = count; i-- > 0; value /= 10) text[at + i] = static_cast<char>('0' + value % 10);
  };
  digits(0, year, 4);
  digits(4, month, 2);
  digits(6, day, 2);
  text[8] = 'T';
  digits(9, second_of_day / 3600, 2);
  digits(11, second_of_day / 60 % 60, 2);
  digits(13, second_of_day % 60, 2);
  text[15] = 'Z';
  return std::string(text, sizeof text);
}

SignedRequest sign_request(const SignableRequest& request, const SigningCredentials& credentials,
                           std::string_view sdk_date) {
  return detail::sign_request_with_body(request, request.body, credentials, sdk_date);
}

SignedRequest detail::sign_request_with_body(const SignableRequest& request, std::string_view body,
                                             const SigningCredentials& credentials, std::string_view sdk_date) {
  thread_local HeaderSet header_set;
  thread_local std::vector<const Header*> signed_list;

  // 1. The header set: the caller's, then what signing adds.
  header_set.reset(request.headers);
  const std::string_view host = trim(request.host);
  if (const Header* given = header_set.find(Role::host)) {
    if (!host.empty() && given->value != host) invalid_argument("Host header contradicts the request host");
  } else if (!host.empty()) {
    header_set.add(Header{"host", "Host", host, Role::host});
  }
  if (header_set.find(Role::sdk_date) == nullptr) {
    header_set.add(Header{"x-sdk-date", "X-Sdk-Date", sdk_date, Role::sdk_date});
  }
  if (!credentials.security_token.empty() && header_set.find(Role::security_token) == nullptr) {
    header_set.add(Header{"x-security-token", "X-Security-Token", credentials.security_token, Role::security_token});
  }
  const Header* content_type = header_set.find(Role::content_type);
  const Header* given_content_sha = header_set.find(Role::content_sha256);
  const bool unsigned_payload = request.unsigned_payload ||
                                (content_type != nullptr && !is_json_content_type(content_type->value)) ||
                                (given_content_sha != nullptr && given_content_sha->value == kUnsignedPayload);
  if (unsigned_payload) {
    if (given_content_sha != nullptr) {
      if (given_content_sha->value != kUnsignedPayload) {
        invalid_argument("X-Sdk-Content-Sha256 must be UNSIGNED-PAYLOAD");
      }
    } else {
      header_set.add(Header{"x-sdk-content-sha256", "X-Sdk-Content-Sha256", kUnsignedPayload, Role::content_sha256});
    }
  }
  const bool multipart = content_type != nullptr && istarts_with(trim(content_type->value), "multipart/form-data");
  const std::vector<Header>& headers = header_set.headers();  // complete: no pointer into it moves any more

  // 2. Signed headers, sorted by lower-case name (bytes).
  signed_list.clear();
  std::size_t signed_size = 0;  // "name:value\n" lines plus "name;" list
  for (const auto& header : headers) {
    if (header.role == Role::unsigned_header) continue;
    if (multipart && header.role == Role::content_type) continue;
    signed_list.push_back(&header);
    signed_size += header.lower_name.size() * 2 + header.value.size() + 3;
  }
  std::sort(signed_list.begin(), signed_list.end(),
            [](const Header* a, const Header* b) { return a->lower_name < b->lower_name; });

  // 3. Canonical request; the target and the signed-header list are slices of it.
  SignedRequest result;
  const char* path_begin = nullptr;
  const char* path_end = nullptr;
  const char* query_begin = nullptr;
  const char* query_end = nullptr;
  const char* names_begin = nullptr;
  const char* names_end = nullptr;
  bool split = false;  // the canonical path split a "%2F": the wire path is not a slice of it
  std::string& canonical = result.canonical_request;
  write_sized(canonical,
              request.method.size() + 1 + wire_path_capacity(request.path) + 2 +
                  canonical_query_capacity(request.query) + 1 + signed_size + 2 + kHexDigestSize,
              [&](char* out) {
                for (char c : request.method) *out++ = detail::ascii_upper(c);
                *out++ = '\n';
                path_begin = out;
                out = put_path(out, request.path, PathForm::canonical, &split);
                path_end = out;
                if (out[-1] != '/') *out++ = '/';
                *out++ = '\n';
                query_begin = out;
                out = put_canonical_query(out, request.query);
                query_end = out;
                *out++ = '\n';
                for (const Header* header : signed_list) {
                  out = put(out, header->lower_name);
                  *out++ = ':';
                  out = put(out, header->value);
                  *out++ = '\n';
                }
                *out++ = '\n';
                names_begin = out;
                for (const Header* header : signed_list) {
                  if (out != names_begin) *out++ = ';';
                  out = put(out, header->lower_name);
                }
                names_end = out;
                *out++ = '\n';
                return put_payload_hash(out, unsigned_payload, body);
              });
  result.signed_headers.assign(names_begin, names_end);
  const auto path_size = static_cast<std::size_t>(path_end - path_begin);
  const auto query_size = static_cast<std::size_t>(query_end - query_begin);
  write_sized(result.target, (split ? wire_path_capacity(request.path) : path_size) + 1 + query_size, [&](char* out) {
    out = split ? put_wire_path(out, request.path) : put(out, std::string_view(path_begin, path_size));
    if (query_size > 0) {
      *out++ = '?';
      out = put(out, std::string_view(query_begin, query_size));
    }
    return out;
  });

  // 4. String to sign and signature.
  constexpr std::string_view kAlgorithmLine = "SDK-HMAC-SHA256\n";
  const std::string_view date = header_set.find(Role::sdk_date)->value;
  write_sized(result.string_to_sign, kAlgorithmLine.size() + date.size() + 1 + kHexDigestSize, [&](char* out) {
    out = put(out, kAlgorithmLine);
    out = put(out, date);
    *out++ = '\n';
    return put_hex(out, sha256(canonical));
  });
  result.signature = to_hex(hmac_sha256(credentials.secret_key, result.string_to_sign));

  // 5. Headers to send: everything above in the caller's order, then Authorization.
  result.headers.reserve(headers.size() + 1);
  for (const auto& header : headers) result.headers.emplace_back(header.name, header.value);
  constexpr std::string_view kAccess = "SDK-HMAC-SHA256 Access=";
  constexpr std::string_view kSignedHeaders = ", SignedHeaders=";
  constexpr std::string_view kSignature = ", Signature=";
  std::string authorization;
  write_sized(authorization,
              kAccess.size() + credentials.access_key.size() + kSignedHeaders.size() + result.signed_headers.size() +
                  kSignature.size() + result.signature.size(),
              [&](char* out) {
                out = put(out, kAccess);
                out = put(out, credentials.access_key);
                out = put(out, kSignedHeaders);
                out = put(out, result.signed_headers);
                out = put(out, kSignature);
                return put(out, result.signature);
              });
  result.headers.emplace_back("Authorization", std::move(authorization));
  return result;
}

}  // namespace modelarts
