// SPDX-License-Identifier: Apache-2.0
// A service endpoint split into what the transport needs (scheme, host, port) and what requests need
// (the Host header value, a path prefix).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "detail/result.hpp"

namespace modelarts::detail {

struct Endpoint {
  std::string url;        ///< as configured (normalised: no trailing '/')
  std::string scheme;     ///< "http" or "https"
  std::string host;       ///< host name or address, no port, no IPv6 brackets
  std::uint16_t port = 0;
  std::string authority;  ///< Host header value: host, plus ":port" when the port is not the scheme default
  std::string base_path;  ///< encoded path prefix without trailing '/' ("" or "/prefix")
};

/// Parses "https://host[:port][/prefix]" with Boost.URL; a missing scheme means https.
Result<Endpoint> parse_endpoint(std::string_view url, std::string_view setting_name);

/// https://modelarts.{region}.myhuaweicloud.com (ap-southeast-1: .myhuaweicloud.cn)
std::string default_modelarts_endpoint(std::string_view region);
/// https://iam.{region}.myhuaweicloud.com
std::string default_iam_endpoint(std::string_view region);

}  // namespace modelarts::detail
