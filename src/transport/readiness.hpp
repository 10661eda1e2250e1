// wait_until_ready: poll() one descriptor until it can be read or written, or a deadline passes. The plain-TCP
// exchange tries each send/recv directly on the non-blocking socket and only waits here when it would block:
// one poll() at most per wait instead of a round trip through the io_context's reactor (two epoll_wait calls).
#pragma once

#include "transport/deadline.hpp"

namespace modelarts::transport {

/// True once `fd` reports one of `events` (or an error/hang-up, which the next I/O call reports); false when
/// `deadline` passed first.
bool wait_until_ready(int fd, short events, const Deadline& deadline);

}  // namespace modelarts::transport
