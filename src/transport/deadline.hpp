// SPDX-License-Identifier: Apache-2.0
// Deadline: a point in time plus the timeout that set it, and run_until, which drives an io_context until an
// asynchronous operation completes or the deadline passes. Blocking Beast calls ignore timers; this is how the
// transport's timeouts really fire without a background thread.
#pragma once

#include <algorithm>
#include <chrono>
#include <string>

#include <boost/asio/io_context.hpp>

namespace modelarts::transport {

using Clock = std::chrono::steady_clock;

enum class TimeoutKind { connect, read, total, budget };  // budget: what was left of the call's max_total

struct Deadline {
  Clock::time_point at;
  TimeoutKind kind = TimeoutKind::total;
  std::chrono::milliseconds budget{0};  ///< the configured timeout, for the message

  /// `budget` from now, unless `outer` comes first.
  static Deadline within(TimeoutKind kind, std::chrono::milliseconds budget, const Deadline& outer) {
    const Deadline own{Clock::now() + budget, kind, budget};
    return own.at < outer.at ? own : outer;
  }
};

/// One line saying which timeout fired, e.g. "connect to 127.0.0.1:443 timed out after 10000 ms".
std::string describe_timeout(const Deadline& deadline, const std::string& authority);

/// Starts an operation with `start(done)` (the operation's handler must call `done()`), then runs `io` until
/// `done` was called or `deadline` passed. On expiry calls `cancel()` (which must make the operation complete,
/// e.g. by closing its socket), waits for the handler, and returns false.
template <class Start, class Cancel>
bool run_until(boost::asio::io_context& io, const Deadline& deadline, Start&& start, Cancel&& cancel) {
  bool done = false;
  io.restart();
  start([&done] { done = true; });
  while (!done) {
    if (io.run_one_until(deadline.at) > 0) continue;
    if (done) break;
    if (Clock::now() < deadline.at && !io.stopped()) continue;
    cancel();
    io.restart();
    while (!done && io.run_one() > 0) {
    }
    return false;
  }
  return true;
}

}  // namespace modelarts::transport
