// SPDX-License-Identifier: Apache-2.0
#include "testing/emulator/obs/auth.hpp"

#include <algorithm>

#include <openssl/crypto.h>

#include <modelarts/obs_signer.hpp>

#include "testing/emulator/obs/xml.hpp"

namespace modelarts::testing::detail::obs {
namespace {

namespace sign = modelarts::obs;

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

const std::string* query_value(const QueryParams& query, std::string_view name) {
  for (const auto& [key, value] : query) {
    if (key == name) return &value;
  }
  return nullptr;
}

bool same(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

ObsError denied(std::string message) { return ObsError{403, "AccessDenied", std::move(message), {}}; }

}  // namespace

ObsAuth::ObsAuth(const CredentialStore& credentials, std::chrono::seconds max_skew)
    : credentials_(credentials), max_skew_(max_skew) {}

ObsAuthOutcome ObsAuth::authenticate(const HttpRequestMessage& request, const RequestTarget& target,
                                     const std::string& bucket) const {
  sign::Headers headers;
  for (const auto& field : request) headers.emplace_back(std::string(field.name_string()), std::string(field.value()));

  // Which form: a header signature, or a pre-signed URL.
  sign::SignatureType type = sign::SignatureType::obs;
  std::string access_key;
  std::string signature;
  std::string expires;
  const auto authorization = request.find("Authorization");
  if (authorization != request.end()) {
    const std::string_view value = authorization->value();
    const std::size_t space = value.find(' ');
    const std::size_t colon = value.rfind(':');
    const std::string_view scheme = value.substr(0, space);
    if (space == std::string_view::npos || colon == std::string_view::npos || colon < space ||
        (scheme != "OBS" && scheme != "AWS")) {
      return ObsError{400, "InvalidArgument", "Unsupported Authorization Type", {}};
    }
    type = scheme == "OBS" ? sign::SignatureType::obs : sign::SignatureType::s3_v2;
    access_key = std::string(value.substr(space + 1, colon - space - 1));
    signature = std::string(value.substr(colon + 1));
  } else if (const std::string* obs_ak = query_value(target.query, "AccessKeyId")) {
    access_key = *obs_ak;
  } else if (const std::string* aws_ak = query_value(target.query, "AWSAccessKeyId")) {
    type = sign::SignatureType::s3_v2;
    access_key = *aws_ak;
  } else {
    return denied("Anonymous access is not allowed to this resource.");
  }
  const bool presigned = authorization == request.end();
  const std::string prefix = type == sign::SignatureType::obs ? "x-obs-" : "x-amz-";

  const auto secret = credentials_.find_access_key(access_key);
  if (!secret) {
    return ObsError{403, "InvalidAccessKeyId", "The access key ID you provided does not exist in our records.", {}};
  }
  const auto now = credentials_.now();
  if (presigned) {
    const std::string* sig = query_value(target.query, "Signature");
    const std::string* exp = query_value(target.query, "Expires");
    if (sig == nullptr || exp == nullptr || exp->empty() || exp->find_first_not_of("0123456789") != std::string::npos ||
        exp->size() > 12) {
      return denied("Query-string authentication requires the Signature, Expires and AccessKeyId parameters.");
    }
    signature = *sig;
    expires = *exp;
    if (std::chrono::system_clock::from_time_t(static_cast<std::time_t>(std::stoll(expires))) < now) {
      return denied("Request has expired.");
    }
  } else {
    // x-obs-date wins over Date (docs/service-quirks.md, O6); either is checked against the 15-minute window.
    std::string date_text;
    for (const auto& [name, value] : headers) {
      if (lower(name) == prefix + "date") date_text = value;
    }
    if (date_text.empty()) {
      if (auto date = request.find("Date"); date != request.end()) date_text = std::string(date->value());
    }
    std::chrono::system_clock::time_point date;
    if (date_text.empty() || !sign::parse_http_date(date_text, date)) {
      return denied("AWS authentication requires a valid Date or " + prefix + "date header.");
    }
    if (date > now + max_skew_ || date < now - max_skew_) {
      return ObsError{403, "RequestTimeTooSkewed",
                      "The difference between the request time and the server's time is too large.", {}};
    }
  }
  if (!secret->security_token.empty()) {
    // A temporary key must come with its security token (header, or query for pre-signed URLs).
    const std::string name = prefix + "security-token";
    std::string sent;
    if (presigned) {
      if (const std::string* token = query_value(target.query, name)) sent = *token;
    } else {
      for (const auto& [key, value] : headers) {
        if (lower(key) == name) sent = value;
      }
    }
    if (!same(sent, secret->security_token)) {
      return denied("The security token is missing, invalid or does not belong to the access key.");
    }
  }

  // Path-style: the raw path is "/" + bucket + the rest exactly as sent; a bucket-level request may be signed
  // as "/bucket" or "/bucket/" (docs/service-quirks.md, O3).
  const std::string& path = target.raw_path;
  const std::string after_bucket = bucket.empty() ? std::string() : path.substr(std::min(path.size(), bucket.size() + 1));
  std::vector<std::string> resources{sign::canonical_resource(bucket, after_bucket, target.query)};
  if (!bucket.empty() && (after_bucket.empty() || after_bucket == "/")) {
    resources.push_back(sign::canonical_resource(bucket, after_bucket.empty() ? "/" : "", target.query));
  }
  std::string string_to_sign;
  for (const auto& resource : resources) {
    const std::string text = sign::string_to_sign(request.method_string(), headers, resource, type, expires);
    if (string_to_sign.empty()) string_to_sign = text;
    if (same(sign::signature_of(secret->secret_key, text), signature)) return ObsCaller{access_key};
  }
  return ObsError{403, "SignatureDoesNotMatch",
                  "The request signature we calculated does not match the signature you provided. Check your key "
                  "and signing method.",
                  "<StringToSign>" + xml_escape(string_to_sign) + "</StringToSign>"};
}

}  // namespace modelarts::testing::detail::obs
