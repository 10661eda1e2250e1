// SPDX-License-Identifier: Apache-2.0
#include "testing/emulator/gateway_auth.hpp"

#include <algorithm>
#include <cctype>
#include <ctime>

#include <openssl/crypto.h>

#include "detail/text.hpp"

namespace modelarts::testing::detail {
namespace {

constexpr std::string_view kAlgorithm = "SDK-HMAC-SHA256";
constexpr std::string_view kPrefix = "Incorrect IAM authentication information: ";

using ::modelarts::detail::trim;

AuthRefusal refuse(std::string_view reason) { return AuthRefusal{std::string(kPrefix) + std::string(reason)}; }

bool equal_in_constant_time(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

bool parse_signature_header(std::string_view authorization, SignatureHeader& out) {
  authorization = trim(authorization);
  if (authorization.substr(0, kAlgorithm.size()) != kAlgorithm) return false;
  std::string_view rest = authorization.substr(kAlgorithm.size());
  if (rest.empty() || rest.front() != ' ') return false;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::string_view part = trim(rest.substr(0, comma));
    const std::size_t eq = part.find('=');
    if (eq != std::string_view::npos) {
      const std::string_view key = part.substr(0, eq);
      const std::string value(part.substr(eq + 1));
      if (key == "Access") out.access = value;
      else if (key == "SignedHeaders") out.signed_headers = value;
      else if (key == "Signature") out.signature = value;
    }
    if (comma == std::string_view::npos) break;
    rest = rest.substr(comma + 1);
  }
  return !out.access.empty() && !out.signed_headers.empty() && !out.signature.empty();
}

bool parse_sdk_date(std::string_view text, std::chrono::system_clock::time_point& out) {
  if (text.size() != 16 || text[8] != 'T' || text[15] != 'Z') return false;
  for (std::size_t i = 0; i < 15; ++i) {
    if (i != 8 && !std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  const auto number = [&](std::size_t at, std::size_t length) {
    int value = 0;
    for (std::size_t i = at; i < at + length; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  std::tm utc{};
  utc.tm_year = number(0, 4) - 1900;
  utc.tm_mon = number(4, 2) - 1;
  utc.tm_mday = number(6, 2);
  utc.tm_hour = number(9, 2);
  utc.tm_min = number(11, 2);
  utc.tm_sec = number(13, 2);
  if (utc.tm_mon > 11 || utc.tm_mday < 1 || utc.tm_mday > 31 || utc.tm_hour > 23 || utc.tm_min > 59 ||
      utc.tm_sec > 60) {
    return false;
  }
  out = std::chrono::system_clock::from_time_t(timegm(&utc));
  return true;
}

GatewayAuth::GatewayAuth(const CredentialStore& credentials, std::chrono::seconds max_skew)
    : credentials_(credentials), max_skew_(max_skew) {}

AuthOutcome GatewayAuth::authenticate(const HttpRequestMessage& request, std::string_view raw_path,
                                      const QueryParams& query) const {
  const auto token = request.find("X-Auth-Token");
  if (token != request.end()) {
    auto issued = credentials_.find_token(trim(token->value()));
    if (!issued) return refuse("decrypt token fail");
    return AuthenticatedCaller{true, issued->project_id};
  }
  const auto authorization = request.find(boost::beast::http::field::authorization);
  if (authorization == request.end()) {
    return refuse("no X-Auth-Token or Authorization header found");
  }
  return verify_signature(request, authorization->value(), raw_path, query);
}

AuthOutcome GatewayAuth::verify_signature(const HttpRequestMessage& request, std::string_view authorization,
                                          std::string_view raw_path, const QueryParams& query) const {
  SignatureHeader header;
  if (!parse_signature_header(authorization, header)) {
    return refuse("Authorization header is not 'SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...'");
  }
  const auto secret = credentials_.find_access_key(header.access);
  if (!secret) return refuse("access key " + header.access + " does not exist or has expired");
  if (!secret->security_token.empty()) {
    const auto sent = request.find("X-Security-Token");
    if (sent == request.end() || !equal_in_constant_time(trim(sent->value()), secret->security_token)) {
      return refuse("security token is missing or does not match the temporary access key");
    }
  }

  // The signed header names, in the order the client listed them.
  std::vector<std::string> names;
  for (std::string_view list = header.signed_headers; !list.empty();) {
    const std::size_t semicolon = list.find(';');
    names.push_back(::modelarts::detail::ascii_lowercase(list.substr(0, semicolon)));
    if (semicolon == std::string_view::npos) break;
    list = list.substr(semicolon + 1);
  }
  if (std::find(names.begin(), names.end(), "host") == names.end() ||
      std::find(names.begin(), names.end(), "x-sdk-date") == names.end()) {
    return refuse("SignedHeaders must include host and x-sdk-date");
  }

  const auto date_field = request.find("X-Sdk-Date");
  const std::string_view date = date_field == request.end() ? std::string_view() : trim(date_field->value());
  std::chrono::system_clock::time_point signed_at;
  if (!parse_sdk_date(date, signed_at)) return refuse("X-Sdk-Date is missing or not in YYYYMMDDTHHMMSSZ format");
  const auto now = credentials_.now();
  if (signed_at > now + max_skew_ || signed_at < now - max_skew_) {
    return refuse("signature expired, signature time:" + std::string(date) +
                  ", server time:" + format_sdk_date(now));
  }

  std::string canonical;
  canonical.reserve(512 + request.body().size() / 64);
  canonical.append(std::string_view(request.method_string())).push_back('\n');
  canonical.append(canonical_uri(raw_path)).push_back('\n');
  canonical.append(canonical_query_string(query)).push_back('\n');
  for (const std::string& name : names) {
    const auto field = request.find(name);
    canonical.append(name).push_back(':');
    if (field != request.end()) canonical.append(trim(field->value()));
    canonical.push_back('\n');
  }
  canonical.push_back('\n');
  canonical.append(header.signed_headers).push_back('\n');
  const auto content_sha = request.find("X-Sdk-Content-Sha256");
  if (content_sha != request.end() && trim(content_sha->value()) == "UNSIGNED-PAYLOAD") {
    canonical.append("UNSIGNED-PAYLOAD");
  } else {
    canonical.append(sha256_hex(request.body()));
  }

  const std::string string_to_sign = std::string(kAlgorithm) + '\n' + std::string(date) + '\n' + sha256_hex(canonical);
  const std::string expected = hmac_sha256_hex(secret->secret_key, string_to_sign);
  if (!equal_in_constant_time(expected, header.signature)) {
    // Like the real gateway: echo the server's canonical request, newlines shown as '|', to help debugging.
    std::replace(canonical.begin(), canonical.end(), '\n', '|');
    return refuse("verify aksk signature fail, canonicalRequest:" + canonical);
  }
  return AuthenticatedCaller{};
}

}  // namespace modelarts::testing::detail
