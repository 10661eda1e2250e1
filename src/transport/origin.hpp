// SPDX-License-Identifier: Apache-2.0
// Origin: where a request goes (scheme, host, port); the key of the connection pool and the name in messages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace modelarts::transport {

struct Origin {
  std::string scheme;  ///< "http" or "https"
  std::string host;    ///< name or address, IPv6 without brackets
  std::uint16_t port = 0;

  bool tls() const { return scheme == "https"; }
  /// "host:port" ("[::1]:port" for IPv6), as used in messages, Host headers and CONNECT lines.
  std::string authority() const {
    const bool ipv6 = host.find(':') != std::string::npos;
    return (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
  }

  bool operator==(const Origin& other) const {
    return port == other.port && host == other.host && scheme == other.scheme;
  }
};

/// Origins key the connection pool directly: no "scheme://host:port" string built per call.
struct OriginHash {
  std::size_t operator()(const Origin& origin) const noexcept {
    return std::hash<std::string>{}(origin.host) ^ (std::size_t{origin.port} << 1) ^ (origin.tls() ? 1u : 0u);
  }
};

}  // namespace modelarts::transport
