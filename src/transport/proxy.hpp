// SPDX-License-Identifier: Apache-2.0
// The HTTP proxy setting: parsed once from TransportOptions::proxy ("http://[user:password@]host:port").
// https targets go through a CONNECT tunnel; plain http targets are sent to the proxy in absolute form.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "transport/origin.hpp"

namespace modelarts::transport {

struct ProxySettings {
  Origin address;              ///< the proxy itself (scheme "http")
  std::string authorization;   ///< "Basic ..." for Proxy-Authorization, empty without credentials
};

/// Parses the proxy URL; returns an error message (naming the proxy without its credentials) when invalid.
std::variant<ProxySettings, std::string> parse_proxy_url(const std::string& url);

/// The CONNECT request that opens a tunnel to `target` through `proxy`.
std::string connect_request(const Origin& target, const ProxySettings& proxy);

}  // namespace modelarts::transport
