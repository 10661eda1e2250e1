// Origin: where a request goes (scheme, host, port); the key of the connection pool and the name in messages.
#pragma once

#include <cstdint>
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
  std::string pool_key() const { return scheme + "://" + authority(); }
};

}  // namespace modelarts::transport
