// SDK-HMAC-SHA256 signing (reference auth-and-transport.md section 1). Built for speed: no streams, strings
// reserved up front, OpenSSL algorithms fetched once, contexts (the HMAC one keyed) and working lists reused per
// thread.
#include <modelarts/signer.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <ctime>
#include <memory>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "detail/result.hpp"

namespace modelarts {
namespace {

constexpr char kHexUpper[] = "0123456789ABCDEF";
constexpr char kHexLower[] = "0123456789abcdef";
constexpr std::string_view kUnsignedPayload = "UNSIGNED-PAYLOAD";

// --- hashing -------------------------------------------------------------------------------------------

struct MdCtxDeleter {
  void operator()(EVP_MD_CTX* ctx) const noexcept { EVP_MD_CTX_free(ctx); }
};
struct MacCtxDeleter {
  void operator()(EVP_MAC_CTX* ctx) const noexcept { EVP_MAC_CTX_free(ctx); }
};

[[noreturn]] void crypto_failure(const char* what) {
  detail::ErrorInfo error;
  error.category = detail::ErrorCategory::configuration;
  error.message = std::string("OpenSSL failure: ") + what;
  detail::throw_error(error);
}

const EVP_MD* sha256_algorithm() {
  // Fetched once: implicit fetching (EVP_sha256()) costs a provider look-up on every init.
  static const EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  if (md == nullptr) crypto_failure("SHA256 unavailable");
  return md;
}

EVP_MAC* hmac_algorithm() {
  static EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  if (mac == nullptr) crypto_failure("HMAC unavailable");
  return mac;
}

using Digest = std::array<unsigned char, 32>;

Digest sha256(std::string_view data) {
  thread_local std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
  Digest out{};
  unsigned int length = 0;
  if (!ctx || EVP_DigestInit_ex2(ctx.get(), sha256_algorithm(), nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), out.data(), &length) != 1 || length != out.size()) {
    crypto_failure("SHA256");
  }
  return out;
}

// The context stays keyed with the last key it saw: one client signs every request with the same secret, and
// keying HMAC costs two SHA-256 blocks (ipad, opad) plus a cleanse. EVP_MAC_init with a null key restarts the
// MAC from the saved keyed state. (The context holds key-equivalent state anyway; the copy adds no exposure.)
Digest hmac_sha256(std::string_view key, std::string_view data) {
  struct KeyedMac {
    std::unique_ptr<EVP_MAC_CTX, MacCtxDeleter> ctx;
    std::string key;
    bool keyed = false;
  };
  thread_local KeyedMac mac = [] {
    KeyedMac made{std::unique_ptr<EVP_MAC_CTX, MacCtxDeleter>(EVP_MAC_CTX_new(hmac_algorithm())), {}, false};
    char digest_name[] = "SHA256";
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0),
                           OSSL_PARAM_construct_end()};
    if (made.ctx && EVP_MAC_CTX_set_params(made.ctx.get(), params) != 1) made.ctx.reset();
    return made;
  }();
  if (!mac.ctx) crypto_failure("HMAC-SHA256");
  const bool rekey = !mac.keyed || mac.key != key;
  // A zero-length key is legal for HMAC; OpenSSL wants a non-null pointer for it.
  static const unsigned char empty_key = 0;
  const auto* key_bytes = key.empty() ? &empty_key : reinterpret_cast<const unsigned char*>(key.data());
  if (rekey) mac.keyed = false;  // until the init below succeeded
  Digest out{};
  std::size_t length = 0;
  if (EVP_MAC_init(mac.ctx.get(), rekey ? key_bytes : nullptr, rekey ? key.size() : 0, nullptr) != 1 ||
      EVP_MAC_update(mac.ctx.get(), reinterpret_cast<const unsigned char*>(data.data()), data.size()) != 1 ||
      EVP_MAC_final(mac.ctx.get(), out.data(), &length, out.size()) != 1 || length != out.size()) {
    crypto_failure("HMAC-SHA256");
  }
  if (rekey) {
    mac.key.assign(key);
    mac.keyed = true;
  }
  return out;
}

void append_hex(std::string& out, const Digest& digest) {
  const std::size_t start = out.size();
  out.resize(start + digest.size() * 2);
  char* p = &out[start];
  for (unsigned char byte : digest) {
    *p++ = kHexLower[byte >> 4];
    *p++ = kHexLower[byte & 0x0F];
  }
}

std::string to_hex(const Digest& digest) {
  std::string out;
  append_hex(out, digest);
  return out;
}

// --- percent-encoding ----------------------------------------------------------------------------------

constexpr bool is_unreserved(unsigned char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.' || c == '~';
}

void append_encoded(std::string& out, std::string_view text) {
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_unreserved(c)) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHexUpper[c >> 4]);
      out.push_back(kHexUpper[c & 0x0F]);
    }
  }
}

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool needs_decoding(std::string_view text) noexcept { return text.find('%') != std::string_view::npos; }

void append_decoded(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out.push_back(static_cast<char>((high << 4) | low));
        i += 2;
        continue;
      }
    }
    out.push_back(text[i]);
  }
}

// Appends the segment decoded then encoded, so raw and already-encoded input give one encoding.
void append_canonical_segment(std::string& out, std::string_view segment, std::string& scratch) {
  if (!needs_decoding(segment)) {
    append_encoded(out, segment);
    return;
  }
  scratch.clear();
  append_decoded(scratch, segment);
  append_encoded(out, scratch);
}

// Encoded path without the trailing slash the canonical URI adds; always starts with '/'.
void append_wire_path(std::string& out, std::string_view path) {
  std::string scratch;
  out.push_back('/');
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (true) {
    const std::size_t slash = path.find('/');
    append_canonical_segment(out, path.substr(0, slash), scratch);
    if (slash == std::string_view::npos) break;
    out.push_back('/');
    path.remove_prefix(slash + 1);
  }
}

void append_canonical_query(std::string& out, const QueryParams& query) {
  if (query.empty()) return;
  std::vector<const std::pair<std::string, std::string>*> sorted;
  sorted.reserve(query.size());
  for (const auto& pair : query) sorted.push_back(&pair);
  // Raw (decoded) byte order, key then value: the order the gateway and Python/Go/Node use.
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return *a < *b; });
  bool first = true;
  for (const auto* pair : sorted) {
    if (!first) out.push_back('&');
    first = false;
    append_encoded(out, pair->first);
    out.push_back('=');
    append_encoded(out, pair->second);
  }
}

// --- headers -------------------------------------------------------------------------------------------

[[noreturn]] void invalid_argument(std::string message) {
  detail::ErrorInfo error;
  error.category = detail::ErrorCategory::invalid_argument;
  error.message = std::move(message);
  detail::throw_error(error);
}

bool is_token_char(unsigned char c) noexcept {
  // RFC 7230 tchar
  return is_unreserved(c) || c == '!' || c == '#' || c == '$' || c == '%' || c == '&' || c == '\'' || c == '*' ||
         c == '+' || c == '^' || c == '`' || c == '|';
}

std::string_view trim(std::string_view text) noexcept {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

bool istarts_with(std::string_view text, std::string_view prefix) noexcept {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

struct Header {
  std::string lower_name;
  std::string_view name;   // as the caller spelled it (views into request or constants)
  std::string_view value;  // trimmed
};

bool is_unsigned_header(std::string_view lower_name) noexcept {
  return lower_name.find('_') != std::string_view::npos || lower_name == "connection" ||
         lower_name == "content-length" || lower_name == "transfer-encoding" || lower_name == "user-agent";
}

bool is_json_content_type(std::string_view content_type) noexcept {
  content_type = trim(content_type);
  return istarts_with(content_type, "application/json") || istarts_with(content_type, "application/bson");
}

}  // namespace

std::string percent_encode(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 2);
  append_encoded(out, text);
  return out;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_decoded(out, text);
  return out;
}

std::string wire_path(std::string_view path) {
  std::string out;
  out.reserve(path.size() + 16);
  append_wire_path(out, path);
  return out;
}

std::string canonical_uri(std::string_view path) {
  std::string out = wire_path(path);
  if (out.back() != '/') out.push_back('/');
  return out;
}

std::string canonical_query_string(const QueryParams& query) {
  std::string out;
  append_canonical_query(out, query);
  return out;
}

std::string wire_target(std::string_view path, const QueryParams& query) {
  std::string out = wire_path(path);
  if (!query.empty()) {
    out.push_back('?');
    append_canonical_query(out, query);
  }
  return out;
}

std::string sha256_hex(std::string_view data) { return to_hex(sha256(data)); }

std::string hmac_sha256_hex(std::string_view key, std::string_view data) { return to_hex(hmac_sha256(key, data)); }

std::string format_sdk_date(std::chrono::system_clock::time_point time) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[32];
  const std::size_t length = std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &utc);
  return std::string(buffer, length);
}

SignedRequest sign_request(const SignableRequest& request, const SigningCredentials& credentials,
                           std::string_view sdk_date) {
  // Working lists reused per thread: no allocation for them after a thread's first call.
  struct Scratch {
    std::vector<Header> headers;
    std::vector<const Header*> signed_list;
  };
  thread_local Scratch scratch;
  std::vector<Header>& headers = scratch.headers;
  std::vector<const Header*>& signed_list = scratch.signed_list;
  headers.clear();
  signed_list.clear();

  // 1. The header set: the caller's (validated, trimmed, no duplicates), then what signing adds.
  headers.reserve(request.headers.size() + 4);
  std::string_view content_type;
  bool has_content_type = false;
  for (const auto& [name, raw_value] : request.headers) {
    if (name.empty()) invalid_argument("empty HTTP header name");
    Header header;
    header.lower_name.reserve(name.size());
    for (char c : name) {
      if (!is_token_char(static_cast<unsigned char>(c))) invalid_argument("invalid HTTP header name: " + name);
      header.lower_name.push_back(lower(c));
    }
    for (char c : raw_value) {
      if (c == '\r' || c == '\n' || c == '\0') invalid_argument("invalid value for HTTP header " + name);
    }
    for (const auto& seen : headers) {
      if (seen.lower_name == header.lower_name) invalid_argument("duplicate HTTP header: " + name);
    }
    if (header.lower_name == "authorization") invalid_argument("Authorization is computed by the signer");
    header.name = name;
    header.value = trim(raw_value);
    if (header.lower_name == "content-type") {
      content_type = header.value;
      has_content_type = true;
    }
    headers.push_back(std::move(header));
  }
  const auto find = [&headers](std::string_view lower_name) -> Header* {
    for (auto& header : headers) {
      if (header.lower_name == lower_name) return &header;
    }
    return nullptr;
  };
  const auto add = [&headers](std::string_view lower_name, std::string_view name, std::string_view value) {
    headers.push_back(Header{std::string(lower_name), name, value});
  };

  const std::string_view host = trim(request.host);
  if (Header* given = find("host")) {
    if (!host.empty() && given->value != host) invalid_argument("Host header contradicts the request host");
  } else if (!host.empty()) {
    add("host", "Host", host);
  }
  if (find("x-sdk-date") == nullptr) add("x-sdk-date", "X-Sdk-Date", sdk_date);
  if (!credentials.security_token.empty() && find("x-security-token") == nullptr) {
    add("x-security-token", "X-Security-Token", credentials.security_token);
  }
  const Header* given_content_sha = find("x-sdk-content-sha256");
  const bool unsigned_payload = request.unsigned_payload ||
                                (has_content_type && !is_json_content_type(content_type)) ||
                                (given_content_sha != nullptr && given_content_sha->value == kUnsignedPayload);
  if (unsigned_payload) {
    if (Header* given = find("x-sdk-content-sha256")) {
      if (given->value != kUnsignedPayload) invalid_argument("X-Sdk-Content-Sha256 must be UNSIGNED-PAYLOAD");
    } else {
      add("x-sdk-content-sha256", "X-Sdk-Content-Sha256", kUnsignedPayload);
    }
  }
  const bool multipart = has_content_type && istarts_with(trim(content_type), "multipart/form-data");

  // 2. Signed headers, sorted by lower-case name (bytes).
  signed_list.reserve(headers.size());
  for (const auto& header : headers) {
    if (is_unsigned_header(header.lower_name)) continue;
    if (multipart && header.lower_name == "content-type") continue;
    signed_list.push_back(&header);
  }
  std::sort(signed_list.begin(), signed_list.end(),
            [](const Header* a, const Header* b) { return a->lower_name < b->lower_name; });

  SignedRequest result;
  std::size_t signed_names_size = 0;
  for (const Header* header : signed_list) signed_names_size += header->lower_name.size() + 1;
  result.signed_headers.reserve(signed_names_size);
  for (const Header* header : signed_list) {
    if (!result.signed_headers.empty()) result.signed_headers.push_back(';');
    result.signed_headers += header->lower_name;
  }

  // 3. Canonical request.
  std::string& canonical = result.canonical_request;
  canonical.reserve(256 + request.path.size() * 2 + signed_names_size * 2 + request.query.size() * 32);
  for (char c : request.method) canonical.push_back((c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c);
  canonical.push_back('\n');
  const std::size_t path_start = canonical.size();
  append_wire_path(canonical, request.path);
  const std::size_t path_end = canonical.size();
  if (canonical.back() != '/') canonical.push_back('/');
  canonical.push_back('\n');
  const std::size_t query_start = canonical.size();
  append_canonical_query(canonical, request.query);
  const std::size_t query_end = canonical.size();
  canonical.push_back('\n');
  for (const Header* header : signed_list) {
    canonical += header->lower_name;
    canonical.push_back(':');
    canonical += header->value;
    canonical.push_back('\n');
  }
  canonical.push_back('\n');
  canonical += result.signed_headers;
  canonical.push_back('\n');
  if (unsigned_payload) canonical += kUnsignedPayload;
  else append_hex(canonical, sha256(request.body));

  result.target.reserve(path_end - path_start + 1 + query_end - query_start);
  result.target.append(canonical, path_start, path_end - path_start);
  if (query_end > query_start) {
    result.target.push_back('?');
    result.target.append(canonical, query_start, query_end - query_start);
  }

  // 4. String to sign and signature.
  const std::string_view date = find("x-sdk-date")->value;
  result.string_to_sign.reserve(16 + 1 + date.size() + 1 + 64);
  result.string_to_sign += "SDK-HMAC-SHA256\n";
  result.string_to_sign += date;
  result.string_to_sign.push_back('\n');
  append_hex(result.string_to_sign, sha256(canonical));
  result.signature = to_hex(hmac_sha256(credentials.secret_key, result.string_to_sign));

  // 5. Headers to send: everything above in the caller's order, then Authorization.
  result.headers.reserve(headers.size() + 1);
  for (const auto& header : headers) result.headers.emplace_back(std::string(header.name), std::string(header.value));
  std::string authorization;
  authorization.reserve(40 + credentials.access_key.size() + result.signed_headers.size() + 64);
  authorization += "SDK-HMAC-SHA256 Access=";
  authorization += credentials.access_key;
  authorization += ", SignedHeaders=";
  authorization += result.signed_headers;
  authorization += ", Signature=";
  authorization += result.signature;
  result.headers.emplace_back("Authorization", std::move(authorization));
  return result;
}

}  // namespace modelarts
