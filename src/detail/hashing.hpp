// SPDX-License-Identifier: Apache-2.0
// SHA-256 and HMAC-SHA256 through OpenSSL 3, fast enough to run on every request: algorithms fetched once,
// contexts reused per thread, the HMAC context kept keyed with the last key. Used by the signer (and by the
// public sha256_hex / hmac_sha256_hex of modelarts/signer.hpp).
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace modelarts::detail {

using Digest = std::array<unsigned char, 32>;
inline constexpr std::size_t kHexDigestSize = 64;

/// Throw ConfigurationError when OpenSSL fails (it does not on a working installation).
Digest sha256(std::string_view data);
Digest hmac_sha256(std::string_view key, std::string_view data);

/// Writes the 64 lower-case hex digits of `digest` at `out`; returns the end.
char* put_hex(char* out, const Digest& digest) noexcept;
std::string to_hex(const Digest& digest);

}  // namespace modelarts::detail
