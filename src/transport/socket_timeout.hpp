// SPDX-License-Identifier: Apache-2.0
// SocketTimeout: SO_RCVTIMEO or SO_SNDTIMEO of one blocking socket, set only when the wanted value changes. The
// plain-TCP exchange blocks in recv/sendmsg and lets the kernel end the wait at the deadline; a keep-alive
// connection asks for the same read timeout call after call, so the common case costs no setsockopt.
#pragma once

#include <sys/socket.h>

#include <chrono>

#include <boost/system/error_code.hpp>

#include "transport/deadline.hpp"

namespace modelarts::transport {

/// What is left until `deadline`, rounded up to whole microseconds so that a wait never ends before it.
std::chrono::microseconds time_left(const Deadline& deadline);

class SocketTimeout {
 public:
  explicit SocketTimeout(int option) : option_(option) {}

  /// Makes the socket's blocking calls give up after `wait` (> 0). False (with `ec`) when setsockopt failed.
  bool set(int fd, std::chrono::microseconds wait, boost::system::error_code& ec);

 private:
  int option_;
  std::chrono::microseconds current_{0};  ///< the value last set; zero: never set (the kernel waits forever)
};

}  // namespace modelarts::transport
