// SPDX-License-Identifier: Apache-2.0
// Everything the emulated IAM knows and hands out: the permanent AK/SK, the IAM tokens it issued and the
// temporary AK/SK (with security tokens) it issued. Shared by the IAM endpoints and the gateway's auth check.
// Thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace modelarts::testing::detail {

using WallClock = std::function<std::chrono::system_clock::time_point()>;

struct IssuedToken {
  std::string token;  ///< the X-Subject-Token value
  std::string project_id;
  std::chrono::system_clock::time_point issued_at;
  std::chrono::system_clock::time_point expires_at;
};

struct TemporaryCredential {
  std::string access;
  std::string secret;
  std::string security_token;
  std::chrono::system_clock::time_point expires_at;
};

/// The secret behind an access key, and the security token that must come with it (temporary keys only).
struct AccessKeySecret {
  std::string secret_key;
  std::string security_token;
};

class CredentialStore {
 public:
  CredentialStore(std::string access_key, std::string secret_key, WallClock clock);

  std::chrono::system_clock::time_point now() const { return clock_(); }

  /// A new random token of realistic size (about 9 KB, like IAM's PKI tokens), valid for 24 hours.
  IssuedToken issue_token(const std::string& project_id);
  /// The token's record while it is valid.
  std::optional<IssuedToken> find_token(std::string_view token) const;

  TemporaryCredential issue_temporary_credential(std::chrono::seconds duration);
  /// The permanent key's secret, or an unexpired temporary key's secret and security token.
  std::optional<AccessKeySecret> find_access_key(std::string_view access_key) const;

 private:
  const std::string access_key_;
  const std::string secret_key_;
  const WallClock clock_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, IssuedToken> tokens_;
  std::unordered_map<std::string, TemporaryCredential> temporary_;
};

/// `size` random bytes in base64 with '+' and '/' replaced by '-' and '_' (header- and URL-safe).
std::string random_base64(std::size_t size, std::string_view prefix_bytes = {});

/// "2020-01-04T09:05:22.701000Z": ISO-8601 UTC with microseconds, as IAM writes expires_at.
std::string format_iam_time(std::chrono::system_clock::time_point time);

}  // namespace modelarts::testing::detail
