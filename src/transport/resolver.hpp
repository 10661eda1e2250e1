// SPDX-License-Identifier: Apache-2.0
// Name resolution that honours a deadline. getaddrinfo cannot be cancelled, and asio's resolver joins its
// lookup thread when the io_context goes away, so a hung DNS server would hold the caller past connect_timeout.
// Here the lookup runs on a detached thread that owns its state; the caller waits only until the deadline.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include <boost/asio/ip/tcp.hpp>
#include <boost/system/error_code.hpp>

#include "transport/deadline.hpp"

namespace modelarts::transport {

struct ResolveTimedOut {};

using ResolveResult = std::variant<std::vector<boost::asio::ip::tcp::endpoint>, boost::system::error_code, ResolveTimedOut>;

/// The endpoints of host:port. IP literals are returned without a lookup.
ResolveResult resolve_before(const std::string& host, std::uint16_t port, const Deadline& deadline);

}  // namespace modelarts::transport
