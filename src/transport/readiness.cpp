#include "transport/readiness.hpp"

#include <poll.h>

#include <cerrno>
#include <climits>

namespace modelarts::transport {

bool wait_until_ready(int fd, short events, const Deadline& deadline) {
  for (;;) {
    const Clock::duration left = deadline.at - Clock::now();
    if (left <= Clock::duration::zero()) return false;
    // poll() counts whole milliseconds: round up so that the wait never ends before the deadline.
    const auto left_ms = std::chrono::ceil<std::chrono::milliseconds>(left).count();
    pollfd descriptor{fd, events, 0};
    const int ready = ::poll(&descriptor, 1, left_ms > INT_MAX ? INT_MAX : static_cast<int>(left_ms));
    if (ready > 0) return true;
    if (ready < 0 && errno != EINTR) return true;  // let the I/O call that follows report the error
  }
}

}  // namespace modelarts::transport
