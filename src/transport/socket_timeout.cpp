// SPDX-License-Identifier: Apache-2.0
#include "transport/socket_timeout.hpp"

#include <sys/time.h>

#include <cerrno>

namespace modelarts::transport {

std::chrono::microseconds time_left(const Deadline& deadline) {
  return std::chrono::ceil<std::chrono::microseconds>(deadline.at - Clock::now());
}

bool SocketTimeout::set(int fd, std::chrono::microseconds wait, boost::system::error_code& ec) {
  if (wait == current_) return true;
  constexpr long long per_second = 1'000'000;
  timeval value{};
  value.tv_sec = static_cast<time_t>(wait.count() / per_second);
  value.tv_usec = static_cast<suseconds_t>(wait.count() % per_second);
  if (::setsockopt(fd, SOL_SOCKET, option_, &value, sizeof value) != 0) {
    ec.assign(errno, boost::system::system_category());
    current_ = {};
    return false;
  }
  current_ = wait;
  return true;
}

}  // namespace modelarts::transport
