// SPDX-License-Identifier: Apache-2.0
// v2::TrainingJob::wait and follow_logs: polling until a terminal phase,
// with cancellation, stall detection and the log window's delta tailing. wait() is detail::poll_until, the
// loop every wait() shares, with the v2 checks in its poll and progress hooks.
#include <modelarts/v2/training_job.hpp>

#include <algorithm>

#include "resources/validate.hpp"
#include "detail/poll_until.hpp"
#include "detail/retry_policy.hpp"
#include "v2/decode.hpp"
#include "v2/log_backfill.hpp"
#include "v2/log_tail.hpp"
#include "v2/request.hpp"

namespace modelarts::v2 {
using modelarts::detail::ErrorCategory;
using modelarts::detail::require_id;
using modelarts::detail::throw_error;
using modelarts::detail::throw_invalid_argument;
using modelarts::detail::try_call;
using namespace detail;
using std::chrono::milliseconds;

namespace {

milliseconds since(const std::shared_ptr<Clock>& clock, std::chrono::system_clock::time_point from) {
  return std::chrono::duration_cast<milliseconds>(clock->now() - from);
}

ErrorInfo timeout_error(const std::string& what, milliseconds timeout, Phase phase, const std::string& problem) {
  ErrorInfo error;
  error.category = ErrorCategory::wait_timeout;
  error.last_status = static_cast<int>(phase);
  error.message = what + " not finished after " + std::to_string(timeout.count()) + " ms (phase " + to_string(phase) +
                  ')' + (problem.empty() ? "" : "; last poll failed: " + problem);
  return error;
}

/// One poll of a call: the decoded value, nullopt after a transient failure (its text in `problem`), or
/// the failure thrown.
template <class T>
std::optional<T> poll(Result<T> result, std::string& problem) {
  if (result.ok()) {
    problem.clear();
    return std::move(result).value();
  }
  if (!modelarts::detail::is_transient(result.error())) throw_error(result.error());  // the pipeline's one rule
  problem = modelarts::detail::describe_problem(result.error());
  return std::nullopt;
}

Result<TrainingJobInfo> fetch_info(const Session& session, const ApiCall& call) {
  Result<ApiResponse> response = try_call(session, call);
  if (!response.ok()) return response.error();
  return decode_job(response.value().json, response.value().context);
}

Result<LogPreview> fetch_preview(const Session& session, const ApiCall& call) {
  Result<ApiResponse> response = try_call(session, call);
  if (!response.ok()) return response.error();
  return decode_log_preview(response.value().status, response.value().json, response.value().context);
}

}  // namespace

TrainingJobInfo TrainingJob::wait(const WaitOptions& options) const {
  require_id("job_id", job_id_);
  if (options.stall_timeout().count() < 0) throw_invalid_argument("wait: stall_timeout must be >= 0");
  std::shared_ptr<Clock> clock = modelarts::detail::session_clock(session_);
  const auto started = clock->now();
  const ApiCall info_call = v2_call(session_, "GET", {"training-jobs", job_id_});
  const bool watch_stall = options.stall_timeout().count() > 0;
  if (watch_stall) require_id("stall_task", options.stall_task());
  const ApiCall log_call =
      v2_call(session_, "GET", {"training-jobs", job_id_, "tasks", options.stall_task(), "logs", "preview"});

  Phase phase = info_ ? info_->status.phase : Phase::unknown;
  std::int64_t log_size = -1;
  auto last_change = started;
  bool stall_reported = false;
  bool last_poll_failed = false;

  auto check_cancelled = [&] {
    if (options.cancelled() && options.cancelled()()) {
      throw WaitCancelledError("waiting for training job " + job_id_ + " was cancelled (phase " + to_string(phase) + ')',
                               phase);
    }
  };
  // One poll: the job, and while it runs (with stall detection) the size of its log.
  auto poll_once = [&]() -> Result<TrainingJobInfo> {
    if (last_poll_failed) check_cancelled();  // after a success, on_progress below asked already
    Result<TrainingJobInfo> info = fetch_info(session_, info_call);
    last_poll_failed = !info.ok();
    if (!info.ok()) return info;
    if (info.value().status.phase != phase) {
      phase = info.value().status.phase;
      last_change = clock->now();
      stall_reported = false;
    }
    if (watch_stall && phase == Phase::running) {
      Result<LogPreview> preview = fetch_preview(session_, log_call);
      if (preview.ok()) {
        const std::int64_t size = preview.value().ready ? preview.value().full_size : 0;
        if (size != log_size) {
          log_size = size;
          last_change = clock->now();
          stall_reported = false;
        }
      } else if (!modelarts::detail::is_transient(preview.error())) {
        return preview.error();
      }
    }
    return info;
  };
  // After every successful poll: the caller's callback, then (while not ended) the stall and cancel checks.
  auto on_progress = [&](const TrainingJobInfo& info) {
    if (options.on_progress()) options.on_progress()(info);
    if (is_terminal(info.status.phase)) return;
    const milliseconds quiet = since(clock, last_change);
    if (watch_stall && !stall_reported && quiet >= options.stall_timeout()) {
      if (!options.on_stall()) {
        throw JobStalledError("training job " + job_id_ + " stalled: phase " + to_string(phase) +
                                  " and no new log bytes for " + std::to_string(quiet.count()) + " ms",
                              phase);
      }
      options.on_stall()(info, quiet);
      stall_reported = true;
    }
    check_cancelled();
  };
  auto on_timeout = [&](const TrainingJobInfo*, const std::string& last_problem) {
    return timeout_error("training job " + job_id_, options.timeout(), phase, last_problem);
  };
  const modelarts::detail::PollSchedule schedule{options.timeout(), options.initial_interval(), options.factor(),
                                                 options.max_interval()};
  return modelarts::detail::poll_until<TrainingJobInfo>(
             *clock, schedule, poll_once, [](const TrainingJobInfo& info) { return is_terminal(info.status.phase); },
             on_progress, on_timeout)
      .value_or_throw();
}

TrainingJobInfo TrainingJob::follow_logs(const std::string& task_id, const std::function<void(std::string_view)>& sink,
                                         const FollowOptions& options) const {
  require_id("job_id", job_id_);
  require_id("task_id", task_id);
  if (!sink) throw_invalid_argument("follow_logs: the sink is empty");
  if (options.poll_interval().count() <= 0) throw_invalid_argument("follow_logs: poll_interval must be > 0");
  std::shared_ptr<Clock> clock = modelarts::detail::session_clock(session_);
  const auto deadline = clock->now() + options.timeout();
  const ApiCall info_call = v2_call(session_, "GET", {"training-jobs", job_id_});
  const ApiCall log_call = v2_call(session_, "GET", {"training-jobs", job_id_, "tasks", task_id, "logs", "preview"});
  const Backfill backfill = options.backfill() ? options.backfill() : exported_log_backfill(session_, job_id_);
  LogTail tail;
  LineBuffer lines;
  Phase phase = Phase::unknown;
  std::string problem;

  auto write = [&](const std::string& text) {
    if (!text.empty()) sink(text);
  };
  // Reads the window once and writes what is new; false when the read failed transiently.
  auto read_window = [&]() {
    std::optional<LogPreview> preview = poll(fetch_preview(session_, log_call), problem);
    if (!preview) return false;
    LogTail::Delta delta = tail.next(*preview);
    if (delta.restarted) write(lines.finish());
    if (delta.gap_to > delta.gap_from) {
      std::optional<std::string> missing;
      missing = backfill(task_id, delta.gap_from, delta.gap_to);
      if (missing) {
        write(lines.push(*missing));
      } else {
        write(lines.finish());
        write("[modelarts: " + std::to_string(delta.gap_to - delta.gap_from) +
              " bytes of the log were not available]\n");
      }
    }
    write(lines.push(delta.text));
    return true;
  };

  for (;;) {
    const std::int64_t before = tail.position();
    const bool read = read_window();
    // The phase is read only when the window brought nothing new: a growing log means a live job.
    if (!read || tail.position() == before) {
      if (std::optional<TrainingJobInfo> info = poll(fetch_info(session_, info_call), problem)) {
        phase = info->status.phase;
        if (is_terminal(phase)) {
          // The last lines may have arrived after this loop's read: read once more, then flush.
          while (!read_window() && clock->now() < deadline) clock->sleep_for(options.poll_interval());
          write(lines.finish());
          return std::move(*info);
        }
      }
    }
    if (options.cancelled() && options.cancelled()()) {
      write(lines.finish());
      throw WaitCancelledError("following the log of training job " + job_id_ + " was cancelled", phase);
    }
    const auto now = clock->now();
    if (now >= deadline) {
      write(lines.finish());
      throw_error(timeout_error("following the log of training job " + job_id_, options.timeout(), phase, problem));
    }
    clock->sleep_for(std::min(options.poll_interval(), std::chrono::duration_cast<milliseconds>(deadline - now)));
  }
}

}  // namespace modelarts::v2
