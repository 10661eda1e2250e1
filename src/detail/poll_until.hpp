// SPDX-License-Identifier: Apache-2.0
// poll_until: the one polling loop behind every wait() (v1 training and visualization jobs, v2 training jobs).
// It polls, reports each successful poll, stops at a done value, rides through transient failures (the
// network, throttling, 5xx) and gives up at the deadline; pauses grow geometrically on the session's clock,
// so tests with a fake clock take no real time.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include <modelarts/error.hpp>
#include <modelarts/session.hpp>
#include <modelarts/wait.hpp>

#include "detail/result.hpp"
#include "detail/retry_policy.hpp"

namespace modelarts::detail {

/// When and how long to poll: the schedule part of WaitOptions.
struct PollSchedule {
  std::chrono::milliseconds timeout{};
  std::chrono::milliseconds initial_interval{};
  double factor = 1.0;
  std::chrono::milliseconds max_interval{};
};

template <class Info>
PollSchedule poll_schedule(const BasicWaitOptions<Info>& options) {
  return PollSchedule{options.timeout(), options.initial_interval(), options.factor(), options.max_interval()};
}

/// initial_interval > 0, factor >= 1, max_interval >= initial_interval; an invalid_argument error otherwise.
inline std::optional<ErrorInfo> check_schedule(const PollSchedule& schedule) {
  if (schedule.initial_interval.count() > 0 && schedule.factor >= 1.0 &&
      schedule.max_interval >= schedule.initial_interval) {
    return std::nullopt;
  }
  ErrorInfo error;
  error.category = ErrorCategory::invalid_argument;
  error.message = "wait: initial_interval must be > 0, factor >= 1 and max_interval >= initial_interval";
  return error;
}

/// One line for the last failed poll, for the timeout message.
inline std::string describe_problem(const ErrorInfo& error) {
  return error.category == ErrorCategory::api ? ApiError(error.api).what() : error.message;
}

/// The session's clock (the system clock unless the options replaced it).
inline std::shared_ptr<Clock> session_clock(const Session& session) {
  return session.options().clock() ? session.options().clock() : system_clock();
}

/// Calls `poll()` (-> Result<Info>) until `done(info)`, with pauses from `schedule`, and returns that info.
/// `on_progress(info)` follows every successful poll (the final one too). A non-transient failure is returned
/// at once; at the deadline, `on_timeout(last, last_problem)` builds the error returned, where `last` is the
/// latest successful poll (null when none succeeded) and `last_problem` describes the latest failed one ("" when
/// the latest poll succeeded).
template <class Info, class Poll, class Done, class Progress, class Timeout>
Result<Info> poll_until(Clock& clock, const PollSchedule& schedule, Poll&& poll, Done&& done, Progress&& on_progress,
                        Timeout&& on_timeout) {
  if (auto invalid = check_schedule(schedule)) return *invalid;
  const auto deadline = clock.now() + schedule.timeout;
  std::chrono::milliseconds interval = schedule.initial_interval;
  std::optional<Info> last;
  std::string last_problem;
  for (;;) {
    Result<Info> polled = poll();
    if (polled.ok()) {
      on_progress(polled.value());
      if (done(polled.value())) return polled;
      last = std::move(polled).value();
      last_problem.clear();
    } else if (is_transient(polled.error())) {
      last_problem = describe_problem(polled.error());
    } else {
      return polled.error();
    }

    const auto now = clock.now();
    if (now >= deadline) {
      ErrorInfo timeout = on_timeout(last ? &*last : static_cast<const Info*>(nullptr), last_problem);
      timeout.category = ErrorCategory::wait_timeout;
      return timeout;
    }
    const auto remaining = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
    clock.sleep_for(std::max(std::chrono::milliseconds(1), std::min(interval, remaining)));
    const auto grown = std::chrono::milliseconds(
        static_cast<std::int64_t>(static_cast<double>(interval.count()) * schedule.factor));
    interval = std::min(grown, schedule.max_interval);
  }
}

}  // namespace modelarts::detail
