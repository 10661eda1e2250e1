// SPDX-License-Identifier: Apache-2.0
// Which endpoints go through a proxy: the proxy for the endpoint's scheme (TransportOptions::proxy, or
// https_proxy / http_proxy as read from HTTPS_PROXY / HTTP_PROXY), unless the host is listed in no_proxy.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include <modelarts/http.hpp>

namespace modelarts::detail {

/// Whether `host` (a name, or an address without brackets) on `port` is listed in `no_proxy`: entries are
/// separated by ',' or white space; "*" lists every host; an address ("10.1.2.3", "::1") or a CIDR range
/// ("10.0.0.0/8", "fd00::/8") lists addresses; a name ("example.com", ".example.com" or "*.example.com") lists
/// that name and every name under it (as curl reads NO_PROXY); ":port" after an entry limits it to that port.
/// Names compare without case and without a trailing dot.
bool listed_in_no_proxy(std::string_view host, std::uint16_t port, std::string_view no_proxy);

/// The transport a Session uses: the default transport when no proxy is configured; otherwise one that sends
/// each request direct or through the proxy for its scheme, as `options` decide per host.
std::shared_ptr<HttpTransport> make_session_transport(const TransportOptions& options);

}  // namespace modelarts::detail
