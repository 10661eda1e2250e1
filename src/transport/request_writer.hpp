// SPDX-License-Identifier: Apache-2.0
// Serializes an HttpRequest's head (request line and fields) so that head and body go out in one gather write.
#pragma once

#include <optional>
#include <string>

#include <modelarts/http.hpp>

#include "transport/origin.hpp"

namespace modelarts::transport {

struct RequestForm {
  bool absolute_target = false;   ///< plain http through a proxy: "GET http://host:port/path HTTP/1.1"
  std::string proxy_authorization;  ///< added as Proxy-Authorization when non-empty (absolute form only)
};

/// Why the request cannot be sent as is (CR/LF in a field, bad method or target); nullopt when it can.
std::optional<std::string> validate_request(const HttpRequest& request);

/// Request line, the caller's fields (Host and "Accept-Encoding: identity" added when missing; Content-Length set
/// by us), and the blank line.
std::string serialize_request_head(const HttpRequest& request, const Origin& origin, const RequestForm& form);

}  // namespace modelarts::transport
