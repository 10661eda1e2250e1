// SPDX-License-Identifier: Apache-2.0
#include "testing/emulator/credential_store.hpp"

#include <ctime>
#include <stdexcept>
#include <vector>

#include <openssl/evp.h>
#include <openssl/rand.h>

namespace modelarts::testing::detail {
namespace {

constexpr auto kTokenLifetime = std::chrono::hours(24);
// IAM tokens are base64 of a ~6.8 KB DER blob: "MIIatAYJ..." (IAM API Reference, "Obtaining a User Token Through
// Password Authentication"); about 9.1 KB of text.
constexpr std::size_t kTokenBytes = 6840;
constexpr char kTokenDerPrefix[] = {'\x30', '\x82', '\x1a', '\xb4', '\x06', '\x09'};

std::string random_upper_alnum(std::size_t size) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::vector<unsigned char> bytes(size);
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) throw std::runtime_error("RAND_bytes failed");
  std::string text;
  text.reserve(size);
  for (unsigned char byte : bytes) text.push_back(kAlphabet[byte % (sizeof(kAlphabet) - 1)]);
  return text;
}

}  // namespace

std::string random_base64(std::size_t size, std::string_view prefix_bytes) {
  std::vector<unsigned char> bytes(size);
  const std::size_t prefix = std::min(prefix_bytes.size(), size);
  for (std::size_t i = 0; i < prefix; ++i) bytes[i] = static_cast<unsigned char>(prefix_bytes[i]);
  if (RAND_bytes(bytes.data() + prefix, static_cast<int>(size - prefix)) != 1) {
    throw std::runtime_error("RAND_bytes failed");
  }
  std::string text(4 * ((size + 2) / 3) + 1, '\0');
  const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(text.data()), bytes.data(),
                                      static_cast<int>(size));
  text.resize(static_cast<std::size_t>(written));
  for (char& c : text) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  return text;
}

std::string format_iam_time(std::chrono::system_clock::time_point time) {
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(time.time_since_epoch()).count();
  std::time_t seconds = static_cast<std::time_t>(micros / 1000000);
  long fraction = static_cast<long>(micros % 1000000);
  if (fraction < 0) {
    fraction += 1000000;
    --seconds;
  }
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[40];
  const std::size_t length = std::strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%S", &utc);
  char micro_text[16];
  std::snprintf(micro_text, sizeof(micro_text), ".%06ldZ", fraction);
  return std::string(text, length) + micro_text;
}

CredentialStore::CredentialStore(std::string access_key, std::string secret_key, WallClock clock)
    : access_key_(std::move(access_key)), secret_key_(std::move(secret_key)), clock_(std::move(clock)) {}

IssuedToken CredentialStore::issue_token(const std::string& project_id) {
  IssuedToken issued;
  issued.token = random_base64(kTokenBytes, std::string_view(kTokenDerPrefix, sizeof(kTokenDerPrefix)));
  issued.project_id = project_id;
  issued.issued_at = now();
  issued.expires_at = issued.issued_at + kTokenLifetime;
  std::lock_guard<std::mutex> lock(mutex_);
  tokens_.emplace(issued.token, issued);
  return issued;
}

std::optional<IssuedToken> CredentialStore::find_token(std::string_view token) const {
  const auto time = now();
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = tokens_.find(std::string(token));
  if (found == tokens_.end() || found->second.expires_at <= time) return std::nullopt;
  return found->second;
}

TemporaryCredential CredentialStore::issue_temporary_credential(std::chrono::seconds duration) {
  TemporaryCredential credential;
  credential.access = random_upper_alnum(20);
  credential.secret = random_upper_alnum(40);
  credential.security_token = random_base64(1536);
  credential.expires_at = now() + duration;
  std::lock_guard<std::mutex> lock(mutex_);
  temporary_.emplace(credential.access, credential);
  return credential;
}

std::optional<AccessKeySecret> CredentialStore::find_access_key(std::string_view access_key) const {
  if (access_key == access_key_) return AccessKeySecret{secret_key_, {}};
  const auto time = now();
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = temporary_.find(std::string(access_key));
  if (found == temporary_.end() || found->second.expires_at <= time) return std::nullopt;
  return AccessKeySecret{found->second.secret, found->second.security_token};
}

}  // namespace modelarts::testing::detail
