// SPDX-License-Identifier: Apache-2.0
#include "detail/hashing.hpp"

#include <cstring>
#include <memory>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <modelarts/signer.hpp>

#include "detail/result.hpp"

namespace modelarts::detail {
namespace {

constexpr char kHexLower[] = "0123456789abcdef";

struct MdCtxDeleter {
  void operator()(EVP_MD_CTX* ctx) const noexcept { EVP_MD_CTX_free(ctx); }
};
struct MacCtxDeleter {
  void operator()(EVP_MAC_CTX* ctx) const noexcept { EVP_MAC_CTX_free(ctx); }
};

[[noreturn]] void crypto_failure(const char* what) {
  ErrorInfo error;
  error.category = ErrorCategory::configuration;
  error.message = std::string("OpenSSL failure: ") + what;
  throw_error(error);
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

}  // namespace

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

}  // namespace modelarts::detail

namespace modelarts {

std::string sha256_hex(std::string_view data) { return detail::to_hex(detail::sha256(data)); }

std::string hmac_sha256_hex(std::string_view key, std::string_view data) {
  return detail::to_hex(detail::hmac_sha256(key, data));
}

}  // namespace modelarts
