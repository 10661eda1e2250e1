// SDK-HMAC-SHA256 signing (reference auth-and-transport.md section 1). Built for speed (it runs on every
// request): OpenSSL algorithms fetched once, contexts (the HMAC one keyed) and working lists reused per thread,
// headers classified once, every output written through a pointer into a buffer sized once, no hash of an
// empty body.
#include <modelarts/signer.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <ctime>
#include <memory>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "detail/http_syntax.hpp"
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

constexpr std::size_t kHexDigestSize = 64;

// "000102...ff": the two lower-case hex digits of every byte, so a digest is written two characters per copy.
struct HexPairs {
  char digits[512];
};
constexpr HexPairs kHexPairs = [] {
  HexPairs pairs{};
  for (unsigned byte = 0; byte < 256; ++byte) {
    pairs.digits[2 * byte] = kHexLower[byte >> 4];
    pairs.digits[2 * byte + 1] = kHexLower[byte & 0x0F];
  }
  return pairs;
}();

char* put_hex(char* out, const Digest& digest) noexcept {
  for (unsigned char byte : digest) {
    std::memcpy(out, &kHexPairs.digits[2 * byte], 2);
    out += 2;
  }
  return out;
}

std::string to_hex(const Digest& digest) {
  std::string out(kHexDigestSize, '\0');
  put_hex(out.data(), digest);
  return out;
}

// --- writing ---------------------------------------------------------------------------------------------
// Outputs are sized once for their longest possible form, written through a pointer, then cut to the length
// written: one allocation each and no per-append capacity checks.

char* put(char* out, std::string_view text) noexcept {
  if (!text.empty()) std::memcpy(out, text.data(), text.size());
  return out + text.size();
}

// Resizes `out` to `capacity`, lets `write` fill it from the start and returns where it stopped, then cuts it.
template <class Write>
void write_sized(std::string& out, std::size_t capacity, Write&& write) {
  out.resize(capacity);
  char* const begin = out.data();
  const char* const end = write(begin);
  out.resize(static_cast<std::size_t>(end - begin));
}

// --- percent-encoding ----------------------------------------------------------------------------------

constexpr bool is_unreserved(unsigned char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.' || c == '~';
}

// A value per byte, built at compile time: one look-up instead of a chain of comparisons.
template <class Value>
struct ByteMap {
  Value values[256];
  constexpr Value operator[](unsigned char c) const noexcept { return values[c]; }
};

constexpr ByteMap<bool> kUnreserved = [] {
  ByteMap<bool> table{};
  for (unsigned c = 0; c < 256; ++c) table.values[c] = is_unreserved(static_cast<unsigned char>(c));
  return table;
}();

constexpr std::size_t kMaxEncodedPerByte = 3;  // "%XY"

char* put_encoded_byte(char* out, unsigned char c) noexcept {
  if (kUnreserved[c]) {
    *out++ = static_cast<char>(c);
  } else {
    *out++ = '%';
    *out++ = kHexUpper[c >> 4];
    *out++ = kHexUpper[c & 0x0F];
  }
  return out;
}

char* put_encoded(char* out, std::string_view text) noexcept {
  for (char ch : text) out = put_encoded_byte(out, static_cast<unsigned char>(ch));
  return out;
}

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The byte at text[i], or the byte a well-formed "%XY" there stands for; `i` moves past what was read. A
// malformed escape is kept literally.
unsigned char next_decoded(std::string_view text, std::size_t& i) noexcept {
  if (text[i] == '%' && i + 2 < text.size()) {
    const int high = hex_value(text[i + 1]);
    const int low = hex_value(text[i + 2]);
    if (high >= 0 && low >= 0) {
      i += 3;
      return static_cast<unsigned char>((high << 4) | low);
    }
  }
  return static_cast<unsigned char>(text[i++]);
}

char* put_decoded(char* out, std::string_view text) noexcept {
  for (std::size_t i = 0; i < text.size();) *out++ = static_cast<char>(next_decoded(text, i));
  return out;
}

// Encoded path without the trailing slash the canonical URI adds; always starts with '/'. Every escape is
// decoded and every byte encoded again, so raw and already-encoded input give one encoding. On the wire ('wire')
// an escape that stands for '/' stays "%2F", inside its segment. The canonical URI follows the documented
// algorithm and the official signers (Python: unquote the whole path, split it on '/', quote each segment), so
// there that '/' becomes a separator: ".../a%2Fb" signs as ".../a/b/". Both in one pass: an escape never spans
// a '/', so decoding escape by escape is decoding the whole path.
constexpr std::size_t wire_path_capacity(std::string_view path) noexcept {
  return 1 + path.size() * kMaxEncodedPerByte;
}

enum class PathForm { wire, canonical };

/// `split` (when given) is set when an escape stood for '/', i.e. the two forms differ.
char* put_path(char* out, std::string_view path, PathForm form, bool* split = nullptr) noexcept {
  *out++ = '/';
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  for (std::size_t i = 0; i < path.size();) {
    const char c = path[i];
    if (c == '/') {
      *out++ = '/';
      ++i;
    } else if (c != '%') {
      out = put_encoded_byte(out, static_cast<unsigned char>(c));
      ++i;
    } else {
      const unsigned char decoded = next_decoded(path, i);
      if (decoded == '/' && form == PathForm::canonical) {
        *out++ = '/';
        if (split != nullptr) *split = true;
      } else {
        out = put_encoded_byte(out, decoded);
      }
    }
  }
  return out;
}

char* put_wire_path(char* out, std::string_view path) noexcept { return put_path(out, path, PathForm::wire); }

using QueryPair = std::pair<std::string, std::string>;

std::size_t canonical_query_capacity(const QueryParams& query) noexcept {
  std::size_t size = 0;
  for (const auto& [key, value] : query) size += (key.size() + value.size()) * kMaxEncodedPerByte + 2;  // '=' '&'
  return size;
}

// Pairs sorted by raw (decoded) byte order, key then value: the order the gateway and Python/Go/Node use.
char* put_canonical_query(char* out, const QueryParams& query) {
  if (query.empty()) return out;
  thread_local std::vector<const QueryPair*> sorted;
  sorted.clear();
  for (const auto& pair : query) sorted.push_back(&pair);
  std::sort(sorted.begin(), sorted.end(), [](const QueryPair* a, const QueryPair* b) { return *a < *b; });
  bool first = true;
  for (const QueryPair* pair : sorted) {
    if (!first) *out++ = '&';
    first = false;
    out = put_encoded(out, pair->first);
    *out++ = '=';
    out = put_encoded(out, pair->second);
  }
  return out;
}

// --- headers -------------------------------------------------------------------------------------------

[[noreturn]] void invalid_argument(std::string message) {
  detail::ErrorInfo error;
  error.category = detail::ErrorCategory::invalid_argument;
  error.message = std::move(message);
  detail::throw_error(error);
}

constexpr char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
constexpr char upper(char c) noexcept { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// A header-name byte lower-cased, or '\0' where the byte is not a token character: validation and
// lower-casing in one look-up.
constexpr ByteMap<char> kLowerToken = [] {
  ByteMap<char> table{};
  for (unsigned c = 0; c < 256; ++c) {
    const auto byte = static_cast<unsigned char>(c);
    table.values[c] = detail::is_token_char(byte) ? lower(static_cast<char>(byte)) : '\0';
  }
  return table;
}();

std::string_view trim(std::string_view text) noexcept {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

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

std::string percent_encode(std::string_view text) {
  std::string out;
  write_sized(out, text.size() * kMaxEncodedPerByte, [&](char* p) { return put_encoded(p, text); });
  return out;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  write_sized(out, text.size(), [&](char* p) { return put_decoded(p, text); });
  return out;
}

std::string wire_path(std::string_view path) {
  std::string out;
  write_sized(out, wire_path_capacity(path), [&](char* p) { return put_wire_path(p, path); });
  return out;
}

std::string canonical_uri(std::string_view path) {
  std::string out;
  write_sized(out, wire_path_capacity(path) + 1, [&](char* p) {
    char* end = put_path(p, path, PathForm::canonical);
    if (end[-1] != '/') *end++ = '/';
    return end;
  });
  return out;
}

std::string canonical_query_string(const QueryParams& query) {
  std::string out;
  write_sized(out, canonical_query_capacity(query), [&](char* p) { return put_canonical_query(p, query); });
  return out;
}

std::string wire_target(std::string_view path, const QueryParams& query) {
  std::string out;
  write_sized(out, wire_path_capacity(path) + 1 + canonical_query_capacity(query), [&](char* p) {
    char* end = put_wire_path(p, path);
    if (!query.empty()) {
      *end++ = '?';
      end = put_canonical_query(end, query);
    }
    return end;
  });
  return out;
}

std::string sha256_hex(std::string_view data) { return to_hex(sha256(data)); }

std::string hmac_sha256_hex(std::string_view key, std::string_view data) { return to_hex(hmac_sha256(key, data)); }

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
                for (char c : request.method) *out++ = upper(c);
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
                return put_payload_hash(out, unsigned_payload, request.body);
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
