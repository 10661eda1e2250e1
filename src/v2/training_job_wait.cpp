// v2::TrainingJob::wait and follow_logs: polling until a terminal phase (design section 3, "Waiting"),
// with cancellation, stall detection and the log window's delta tailing.
#include <modelarts/v2/training_job.hpp>

#include <algorithm>

#include "api/validate.hpp"
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

std::shared_ptr<Clock> clock_of(const Session& session) {
  return session.options().clock() ? session.options().clock() : system_clock();
}

milliseconds since(const std::shared_ptr<Clock>& clock, std::chrono::system_clock::time_point from) {
  return std::chrono::duration_cast<milliseconds>(clock->now() - from);
}

std::string problem_text(const ErrorInfo& error) {
  return error.category == ErrorCategory::api ? ApiError(error.api).what() : error.message;
}

[[noreturn]] void throw_timeout(const std::string& what, milliseconds timeout, Phase phase, const std::string& problem) {
  ErrorInfo timeout_error;
  timeout_error.category = ErrorCategory::wait_timeout;
  timeout_error.last_status = static_cast<int>(phase);
  timeout_error.message = what + " not finished after " + std::to_string(timeout.count()) + " ms (phase " +
                          to_string(phase) + ')' + (problem.empty() ? "" : "; last poll failed: " + problem);
  throw_error(timeout_error);
}

/// One poll of a call: the decoded value, nullopt after a transient failure (its text in `problem`), or
/// the failure thrown.
template <class T>
std::optional<T> poll(Result<T> result, std::string& problem) {
  if (result.ok()) {
    problem.clear();
    return std::move(result).value();
  }
  if (!is_transient(result.error())) throw_error(result.error());
  problem = problem_text(result.error());
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
  if (options.initial_interval().count() <= 0 || options.factor() < 1.0 ||
      options.max_interval() < options.initial_interval()) {
    throw_invalid_argument("wait: initial_interval must be > 0, factor >= 1 and max_interval >= initial_interval");
  }
  if (options.stall_timeout().count() < 0) throw_invalid_argument("wait: stall_timeout must be >= 0");
  std::shared_ptr<Clock> clock = clock_of(session_);
  const auto started = clock->now();
  const auto deadline = started + options.timeout();
  const ApiCall info_call = v2_call(session_, "GET", {"training-jobs", job_id_});
  const bool watch_stall = options.stall_timeout().count() > 0;
  if (watch_stall) require_id("stall_task", options.stall_task());
  const ApiCall log_call =
      v2_call(session_, "GET", {"training-jobs", job_id_, "tasks", options.stall_task(), "logs", "preview"});

  milliseconds interval = options.initial_interval();
  Phase phase = info_ ? info_->status.phase : Phase::unknown;
  std::optional<TrainingJobInfo> last;
  std::int64_t log_size = -1;
  auto last_change = started;
  bool stall_reported = false;
  std::string problem;

  for (;;) {
    if (std::optional<TrainingJobInfo> info = poll(fetch_info(session_, info_call), problem)) {
      if (info->status.phase != phase) {
        phase = info->status.phase;
        last_change = clock->now();
        stall_reported = false;
      }
      if (options.on_progress()) options.on_progress()(*info);
      if (is_terminal(phase)) return std::move(*info);
      last = std::move(info);
      if (watch_stall && phase == Phase::running) {
        if (std::optional<LogPreview> preview = poll(fetch_preview(session_, log_call), problem)) {
          const std::int64_t size = preview->ready ? preview->full_size : 0;
          if (size != log_size) {
            log_size = size;
            last_change = clock->now();
            stall_reported = false;
          }
        }
      }
    }
    if (watch_stall && last && !stall_reported && since(clock, last_change) >= options.stall_timeout()) {
      const milliseconds quiet = since(clock, last_change);
      if (!options.on_stall()) {
        throw JobStalledError("training job " + job_id_ + " stalled: phase " + to_string(phase) +
                                  " and no new log bytes for " + std::to_string(quiet.count()) + " ms",
                              phase);
      }
      options.on_stall()(*last, quiet);
      stall_reported = true;
    }
    if (options.cancelled() && options.cancelled()()) {
      throw WaitCancelledError("waiting for training job " + job_id_ + " was cancelled (phase " +
                                   to_string(phase) + ')',
                               phase);
    }
    const auto now = clock->now();
    if (now >= deadline) throw_timeout("training job " + job_id_, options.timeout(), phase, problem);
    const auto remaining = std::chrono::duration_cast<milliseconds>(deadline - now);
    clock->sleep_for(std::max(milliseconds(1), std::min(interval, remaining)));
    interval = std::min(options.max_interval(),
                        milliseconds(static_cast<std::int64_t>(static_cast<double>(interval.count()) * options.factor())));
  }
}

TrainingJobInfo TrainingJob::follow_logs(const std::string& task_id, const std::function<void(std::string_view)>& sink,
                                         const FollowOptions& options) const {
  require_id("job_id", job_id_);
  require_id("task_id", task_id);
  if (!sink) throw_invalid_argument("follow_logs: the sink is empty");
  if (options.poll_interval().count() <= 0) throw_invalid_argument("follow_logs: poll_interval must be > 0");
  std::shared_ptr<Clock> clock = clock_of(session_);
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
      throw_timeout("following the log of training job " + job_id_, options.timeout(), phase, problem);
    }
    clock->sleep_for(std::min(options.poll_interval(), std::chrono::duration_cast<milliseconds>(deadline - now)));
  }
}

}  // namespace modelarts::v2
