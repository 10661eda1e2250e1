// SPDX-License-Identifier: Apache-2.0
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/params.h>

#include <stdexcept>

#include <modelarts/signer.hpp>

#include "measurements.hpp"
#include "result_line.hpp"
#include "stats.hpp"

namespace bench {

namespace {

std::string to_hex(const unsigned char* bytes, unsigned int size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex(size * 2u, '\0');
  for (unsigned int i = 0; i < size; ++i) {
    hex[2 * i] = kDigits[bytes[i] >> 4];
    hex[2 * i + 1] = kDigits[bytes[i] & 0xf];
  }
  return hex;
}

// The crypto of one signature: SHA-256 of the canonical request, then HMAC-SHA256 of the string to sign, both
// hex-encoded, with OpenSSL's one-shot calls (EVP_Digest, HMAC) on bytes prepared in advance.
std::string bare_signature(const std::string& canonical_request, const std::string& string_to_sign_prefix,
                           const std::string& secret_key) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_size = 0;
  EVP_Digest(canonical_request.data(), canonical_request.size(), digest, &digest_size, EVP_sha256(), nullptr);
  const std::string string_to_sign = string_to_sign_prefix + to_hex(digest, digest_size);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_size = 0;
  HMAC(EVP_sha256(), secret_key.data(), static_cast<int>(secret_key.size()),
       reinterpret_cast<const unsigned char*>(string_to_sign.data()), string_to_sign.size(), mac, &mac_size);
  return to_hex(mac, mac_size);
}

// Signatures per second of this thread's CPU time: "on one core", and unaffected by other load on the machine.
// The same crypto at its cheapest: SHA-256 and HMAC fetched once, contexts reused, the HMAC key set once
// (EVP_MAC_init with a null key keeps it). The floor no signer that takes the key per call can go below.
class PreparedBareSigner {
 public:
  explicit PreparedBareSigner(const std::string& secret_key)
      : sha256_(EVP_MD_fetch(nullptr, "SHA256", nullptr)), digest_(EVP_MD_CTX_new()),
        hmac_(EVP_MAC_fetch(nullptr, "HMAC", nullptr)), mac_(EVP_MAC_CTX_new(hmac_)) {
    char digest_name[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0),
                                 OSSL_PARAM_construct_end()};
    if (!sha256_ || !digest_ || !mac_ ||
        EVP_MAC_init(mac_, reinterpret_cast<const unsigned char*>(secret_key.data()), secret_key.size(), params) != 1)
      throw std::runtime_error("OpenSSL set-up failed");
  }
  ~PreparedBareSigner() {
    EVP_MAC_CTX_free(mac_);
    EVP_MAC_free(hmac_);
    EVP_MD_CTX_free(digest_);
    EVP_MD_free(sha256_);
  }
  PreparedBareSigner(const PreparedBareSigner&) = delete;
  PreparedBareSigner& operator=(const PreparedBareSigner&) = delete;

  std::string sign(const std::string& canonical_request, std::string& string_to_sign, std::size_t prefix_size) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digest_size = 0;
    EVP_DigestInit_ex2(digest_, sha256_, nullptr);
    EVP_DigestUpdate(digest_, canonical_request.data(), canonical_request.size());
    EVP_DigestFinal_ex(digest_, digest, &digest_size);
    string_to_sign.resize(prefix_size);
    string_to_sign += to_hex(digest, digest_size);
    unsigned char mac[EVP_MAX_MD_SIZE];
    std::size_t mac_size = 0;
    EVP_MAC_init(mac_, nullptr, 0, nullptr);
    EVP_MAC_update(mac_, reinterpret_cast<const unsigned char*>(string_to_sign.data()), string_to_sign.size());
    EVP_MAC_final(mac_, mac, &mac_size, sizeof mac);
    return to_hex(mac, static_cast<unsigned int>(mac_size));
  }

 private:
  EVP_MD* sha256_;
  EVP_MD_CTX* digest_;
  EVP_MAC* hmac_;
  EVP_MAC_CTX* mac_;
};

template <class Sign>
double signatures_per_second(double seconds, Sign&& sign) {
  std::int64_t count = 0;
  const double start = thread_cpu_seconds();
  double elapsed = 0;
  do {
    for (int i = 0; i < 256; ++i) sign();
    count += 256;
    elapsed = thread_cpu_seconds() - start;
  } while (elapsed < seconds);
  return static_cast<double>(count) / elapsed;
}

}  // namespace

void measure_signing(const BenchTarget& target, const std::string& job_id, double seconds) {
  modelarts::SignableRequest request;
  request.method = "GET";
  request.host = target.host + ":" + std::to_string(target.port);
  request.path = "/v1/" + target.project_id + "/visualization-jobs/" + job_id;
  request.headers = {{"Content-Type", "application/json"},
                     {"X-Project-Id", target.project_id},
                     {"User-Agent", "modelarts-bench"}};
  const modelarts::SigningCredentials credentials{target.access_key, target.secret_key, {}};
  const std::string date = modelarts::format_sdk_date(std::chrono::system_clock::now());

  const auto reference = modelarts::sign_request(request, credentials, date);
  const std::string prefix = "SDK-HMAC-SHA256\n" + date + "\n";
  PreparedBareSigner prepared(target.secret_key);
  std::string string_to_sign = prefix;
  if (bare_signature(reference.canonical_request, prefix, target.secret_key) != reference.signature ||
      prepared.sign(reference.canonical_request, string_to_sign, prefix.size()) != reference.signature)
    throw std::runtime_error("a bare signature differs from sign_request's: not the same bytes");

  std::size_t sink = 0;
  double best_sdk = 0, best_bare = 0, best_prepared = 0;
  for (int round = 0; round < 3; ++round) {
    best_prepared = std::max(best_prepared, signatures_per_second(seconds, [&] {
      sink += prepared.sign(reference.canonical_request, string_to_sign, prefix.size()).size();
    }));
    best_bare = std::max(best_bare, signatures_per_second(seconds, [&] {
      sink += bare_signature(reference.canonical_request, prefix, target.secret_key).size();
    }));
    best_sdk = std::max(best_sdk, signatures_per_second(seconds, [&] {
      sink += modelarts::sign_request(request, credentials, date).signature.size();
    }));
  }
  if (sink == 0) throw std::runtime_error("no signatures");
  print_result("sign.sdk.per_s", best_sdk, "signatures/s");
  print_result("sign.bare_openssl.per_s", best_bare, "signatures/s");
  print_result("sign.bare_prepared.per_s", best_prepared, "signatures/s");
  print_result("sign.canonical_request_bytes", static_cast<double>(reference.canonical_request.size()), "bytes");
}

}  // namespace bench
