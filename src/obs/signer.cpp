// SPDX-License-Identifier: Apache-2.0
// OBS signing (OBS API Reference, "Authentication of Signature in a Header", docs/service-quirks.md, O1-O7): the
// string-to-sign, HMAC-SHA1 and Base64. Canonical resource = "/" + bucket + the path exactly as sent, plus the signed
// sub-resources.
#include <modelarts/obs_signer.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <ctime>
#include <cstdio>
#include <map>
#include <vector>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "detail/http_syntax.hpp"
#include "detail/result.hpp"
#include "detail/text.hpp"

namespace modelarts::obs {
namespace {

// The documented sub-resource list (OBS API Reference, "Authentication of Signature in a Header"); names keep their
// case.
constexpr std::array<std::string_view, 49> kSubResources = {
    "CDNNotifyConfiguration", "acl", "attname", "cors", "customdomain", "delete", "deletebucket", "encryption",
    "inventory", "length", "lifecycle", "location", "logging", "metadata", "modify", "name", "notification",
    "object-lock", "partNumber", "policy", "position", "quota", "rename", "replication", "requestPayment",
    "response-cache-control", "response-content-disposition", "response-content-encoding",
    "response-content-language", "response-content-type", "response-expires", "restore", "retention",
    "storageClass", "storagePolicy", "storageinfo", "tagging", "torrent", "truncate", "uploadId", "uploads",
    "versionId", "versioning", "versions", "website", "x-obs-security-token", "x-amz-security-token",
    "mirrorBackToSource", "append"};

[[noreturn]] void invalid(const std::string& message) {
  detail::ErrorInfo error;
  error.category = detail::ErrorCategory::invalid_argument;
  error.message = "OBS signing: " + message;
  detail::throw_error(error);
}

[[noreturn]] void crypto_failure(const char* what) {
  detail::ErrorInfo error;
  error.category = detail::ErrorCategory::configuration;
  error.message = std::string("OpenSSL failure: ") + what;
  detail::throw_error(error);
}

using detail::ascii_lowercase;
using detail::iequals;
using detail::trim;

const std::string* find_header(const Headers& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) return &value;
  }
  return nullptr;
}

std::string_view header_prefix(SignatureType type) { return type == SignatureType::obs ? "x-obs-" : "x-amz-"; }

void check_headers(const Headers& headers) {
  for (const auto& [name, value] : headers) {
    if (!detail::is_token(name)) invalid("header name '" + ascii_lowercase(name) + "' is not an HTTP token");
    if (detail::has_line_break_or_nul(value)) invalid("header " + ascii_lowercase(name) + " holds a line break or NUL");
  }
}

constexpr char kHexUpper[] = "0123456789ABCDEF";

bool keep_in_key(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.' || c == '~' || c == '/';
}

std::string query_string(const QueryParams& query) {
  std::string out;
  for (const auto& [name, value] : query) {
    out += out.empty() ? '?' : '&';
    out += percent_encode(name);
    if (!value.empty() || !is_sub_resource(name)) {
      // "?uploads" stays bare as the SDKs send it; other parameters keep their "=".
      out += '=';
      out += percent_encode(value);
    }
  }
  return out;
}

std::string bucket_resource_path(const ObsRequest& request) {
  // Everything after "/bucket" in the canonical resource, as sent (docs/service-quirks.md, O3 for the bucket-level
  // form).
  if (!request.key.empty()) return "/" + encode_object_key(request.key);
  return request.addressing == Addressing::virtual_hosted ? "/" : "";
}

}  // namespace

bool is_sub_resource(std::string_view name) {
  return std::find(kSubResources.begin(), kSubResources.end(), name) != kSubResources.end();
}

std::string encode_object_key(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (const char ch : key) {
    const auto c = static_cast<unsigned char>(ch);
    if (keep_in_key(c)) {
      out += ch;
    } else {
      out += '%';
      out += kHexUpper[c >> 4];
      out += kHexUpper[c & 0x0F];
    }
  }
  return out;
}

std::string request_path(std::string_view bucket, std::string_view key, Addressing addressing) {
  if (addressing == Addressing::virtual_hosted || bucket.empty()) return "/" + encode_object_key(key);
  std::string path = "/" + std::string(bucket);
  if (!key.empty()) path += "/" + encode_object_key(key);
  return path;
}

std::string canonical_resource(std::string_view bucket, std::string_view encoded_path_after_bucket,
                               const QueryParams& query) {
  std::string out = "/";
  out += bucket;
  out += encoded_path_after_bucket;
  if (bucket.empty() && encoded_path_after_bucket.empty()) out = "/";
  std::map<std::string_view, const std::string*> signed_params;  // sorted by name; first of duplicates kept
  for (const auto& [name, value] : query) {
    if (is_sub_resource(name)) signed_params.emplace(name, &value);
  }
  char separator = '?';
  for (const auto& [name, value] : signed_params) {
    out += separator;
    separator = '&';
    out += name;
    if (!value->empty()) {
      out += '=';
      out += *value;
    }
  }
  return out;
}

std::string string_to_sign(std::string_view method, const Headers& headers, std::string_view resource,
                           SignatureType type, std::string_view date_override) {
  const std::string_view prefix = header_prefix(type);
  const std::string date_header = std::string(prefix) + "date";
  std::map<std::string, std::string> canonical;  // sorted by lower-cased name; repeated values joined by ','
  bool has_prefixed_date = false;
  for (const auto& [name, value] : headers) {
    std::string key = ascii_lowercase(trim(name));
    if (key.compare(0, prefix.size(), prefix) != 0) continue;
    if (key == date_header) has_prefixed_date = true;
    auto [it, inserted] = canonical.emplace(std::move(key), std::string(trim(value)));
    if (!inserted) it->second.append(",").append(trim(value));
  }
  std::string out = ascii_lowercase(method);
  for (char& c : out) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  out += '\n';
  if (const auto* md5 = find_header(headers, "Content-MD5")) out += trim(*md5);
  out += '\n';
  if (const auto* content_type = find_header(headers, "Content-Type")) out += trim(*content_type);
  out += '\n';
  if (!date_override.empty()) {
    out += date_override;
  } else if (!has_prefixed_date) {
    if (const auto* date = find_header(headers, "Date")) out += trim(*date);
  }
  out += '\n';
  for (const auto& [name, value] : canonical) {
    out += name;
    out += ':';
    out += value;
    out += '\n';
  }
  out += resource;
  return out;
}

std::string base64_encode(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                      reinterpret_cast<const unsigned char*>(bytes.data()),
                                      static_cast<int>(bytes.size()));
  if (written < 0) crypto_failure("Base64");
  out.resize(static_cast<std::size_t>(written));
  return out;
}

std::string signature_of(std::string_view secret_key, std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  static const unsigned char empty_key = 0;
  const void* key = secret_key.empty() ? &empty_key : static_cast<const void*>(secret_key.data());
  if (HMAC(EVP_sha1(), key, static_cast<int>(secret_key.size()), reinterpret_cast<const unsigned char*>(text.data()),
           text.size(), digest, &length) == nullptr) {
    crypto_failure("HMAC-SHA1");
  }
  return base64_encode(std::string_view(reinterpret_cast<const char*>(digest), length));
}

namespace {

std::string md5_raw(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_md5(), nullptr) != 1) crypto_failure("MD5");
  return std::string(reinterpret_cast<const char*>(digest), length);
}

}  // namespace

std::string md5_hex(std::string_view data) {
  static constexpr char kHexLower[] = "0123456789abcdef";
  std::string out;
  for (const char ch : md5_raw(data)) {
    const auto c = static_cast<unsigned char>(ch);
    out += kHexLower[c >> 4];
    out += kHexLower[c & 0x0F];
  }
  return out;
}

std::string md5_base64(std::string_view data) { return base64_encode(md5_raw(data)); }

ObsSignedRequest sign_obs_request(const ObsRequest& request, const SigningCredentials& credentials,
                                  std::string_view http_date, SignatureType type) {
  check_headers(request.headers);
  ObsSignedRequest out;
  out.headers = request.headers;
  const std::string prefix(header_prefix(type));
  if (find_header(out.headers, "Date") == nullptr && find_header(out.headers, prefix + "date") == nullptr) {
    out.headers.emplace_back("Date", std::string(http_date));
  }
  if (!credentials.security_token.empty() && find_header(out.headers, prefix + "security-token") == nullptr) {
    if (detail::has_line_break_or_nul(credentials.security_token)) invalid("the security token holds a line break");
    out.headers.emplace_back(prefix + "security-token", credentials.security_token);
  }
  const std::string resource = canonical_resource(request.bucket, bucket_resource_path(request), request.query);
  out.string_to_sign = string_to_sign(request.method, out.headers, resource, type);
  out.signature = signature_of(credentials.secret_key, out.string_to_sign);
  out.authorization = (type == SignatureType::obs ? "OBS " : "AWS ") + credentials.access_key + ":" + out.signature;
  out.headers.emplace_back("Authorization", out.authorization);
  out.target = request_path(request.bucket, request.key, request.addressing) + query_string(request.query);
  return out;
}

std::string presign_target(const ObsRequest& request, const SigningCredentials& credentials,
                           std::int64_t expires_unix_seconds, SignatureType type) {
  check_headers(request.headers);
  const std::string expires = std::to_string(expires_unix_seconds);
  QueryParams query = request.query;
  const std::string token_name = std::string(header_prefix(type)) + "security-token";
  // The token rides in the query and is signed as a sub-resource.
  if (!credentials.security_token.empty()) query.emplace_back(token_name, credentials.security_token);
  const std::string resource = canonical_resource(request.bucket, bucket_resource_path(request), query);
  const std::string text = string_to_sign(request.method, request.headers, resource, type, expires);
  query.emplace_back(type == SignatureType::obs ? "AccessKeyId" : "AWSAccessKeyId", credentials.access_key);
  query.emplace_back("Expires", expires);
  query.emplace_back("Signature", signature_of(credentials.secret_key, text));
  return request_path(request.bucket, request.key, request.addressing) + query_string(query);
}

// --- dates -----------------------------------------------------------------------------------------------

namespace {

constexpr std::array<std::string_view, 7> kDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

int month_of(std::string_view name) {
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (iequals(kMonths[i], name)) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

std::string format_http_date(std::chrono::system_clock::time_point time) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[40];
  std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[static_cast<std::size_t>(utc.tm_wday)].data(),
                utc.tm_mday, kMonths[static_cast<std::size_t>(utc.tm_mon)].data(), utc.tm_year + 1900, utc.tm_hour,
                utc.tm_min, utc.tm_sec);
  return text;
}

bool parse_http_date(std::string_view text, std::chrono::system_clock::time_point& out) {
  // "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 1123), "Sunday, 06-Nov-94 08:49:37 GMT" (RFC 850) and
  // "Sun Nov  6 08:49:37 1994" (asctime), in any case, with GMT, UTC or +0000 (docs/service-quirks.md, O7).
  std::vector<std::string> parts;
  std::string current;
  for (const char c : text) {
    if (c == ' ' || c == ',' || c == '-' || c == '\t') {
      if (!current.empty()) parts.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) parts.push_back(std::move(current));
  const auto is_number = [](const std::string& s) {
    return !s.empty() && s.size() <= 4 && s.find_first_not_of("0123456789") == std::string::npos;
  };
  if (!parts.empty() && !parts[0].empty() && !(parts[0][0] >= '0' && parts[0][0] <= '9') && month_of(parts[0]) < 0) {
    parts.erase(parts.begin());  // the weekday, not checked
  }
  std::string day_text, month_text, year_text, time_text, zone = "gmt";
  if (parts.size() == 5 && is_number(parts[0])) {
    day_text = parts[0], month_text = parts[1], year_text = parts[2], time_text = parts[3], zone = ascii_lowercase(parts[4]);
  } else if (parts.size() == 4 && month_of(parts[0]) >= 0) {
    month_text = parts[0], day_text = parts[1], time_text = parts[2], year_text = parts[3];
  } else {
    return false;
  }
  int hour = -1, minute = -1, second = -1;
  char extra = 0;
  if (!is_number(day_text) || !is_number(year_text) || month_of(month_text) < 0 ||
      std::sscanf(time_text.c_str(), "%2d:%2d:%2d%c", &hour, &minute, &second, &extra) != 3 ||
      !(zone == "gmt" || zone == "utc" || zone == "+0000")) {
    return false;
  }
  const int day = std::stoi(day_text);
  int year = std::stoi(year_text);
  if (year_text.size() == 2) year += year < 70 ? 2000 : 1900;
  if (day < 1 || day > 31 || year < 1970 || hour > 23 || minute > 59 || second > 60 || hour < 0 || minute < 0 ||
      second < 0) {
    return false;
  }
  std::tm utc{};
  utc.tm_year = year - 1900;
  utc.tm_mon = month_of(month_text);
  utc.tm_mday = day;
  utc.tm_hour = hour;
  utc.tm_min = minute;
  utc.tm_sec = second;
  out = std::chrono::system_clock::from_time_t(timegm(&utc));
  return true;
}

}  // namespace modelarts::obs
