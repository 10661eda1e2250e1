// SPDX-License-Identifier: Apache-2.0
// Signing for emulator tests, kept apart from the SDK's signer: the test writes the canonical request out
// literally and this only does the last two steps of the algorithm (string to sign, HMAC), so the emulator's
// verifier is checked against the documented algorithm rather than against our own signer.
#pragma once

#include <chrono>
#include <ctime>
#include <string>

#include <modelarts/signer.hpp>

namespace modelarts::test {

/// "YYYYMMDDTHHMMSSZ", formatted here rather than by the SDK.
inline std::string hand_sdk_date(std::chrono::system_clock::time_point time) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof(text), "%Y%m%dT%H%M%SZ", &utc);
  return text;
}

/// The Authorization header value for `canonical_request` (written out by the test).
inline std::string hand_authorization(const std::string& access_key, const std::string& secret_key,
                                      const std::string& sdk_date, const std::string& signed_headers,
                                      const std::string& canonical_request) {
  const std::string string_to_sign = "SDK-HMAC-SHA256\n" + sdk_date + "\n" + sha256_hex(canonical_request);
  return "SDK-HMAC-SHA256 Access=" + access_key + ", SignedHeaders=" + signed_headers +
         ", Signature=" + hmac_sha256_hex(secret_key, string_to_sign);
}

}  // namespace modelarts::test
