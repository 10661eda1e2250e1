// SPDX-License-Identifier: Apache-2.0
// Options of the v2 list, event, wait and log-following calls, as fluent structs (Python keyword arguments).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <modelarts/error.hpp>
#include <modelarts/options.hpp>
#include <modelarts/v2/training_job_info.hpp>

namespace modelarts::v2 {

/// One search filter: {"key", "operator", "value": [...]}. Keys the service documents: name, phase,
/// create_time (between two ms-epoch strings), kind, algorithm_name, user_id, runtime_type; operators
/// between, like, in, not.
struct Filter {
  std::string key;
  std::string op{"in"};  ///< "operator" on the wire; always sent (docs/service-quirks.md, Q25)
  std::vector<std::string> value;
};

/// Python Estimator.get_job_list(session, offset, limit, sort_by, order, group_by, filters).
class SearchOptions {
  /// Page index, 0 = first page (the API reference's reading, docs/service-quirks.md, Q1). TrainingJob::list detects a
  /// service that reads it as a record offset and follows either.
  MODELARTS_OPTION(std::int64_t, offset){0};
  MODELARTS_OPTION(int, limit){10};         ///< 1..50
  MODELARTS_OPTION(std::string, sort_by);   ///< service default create_time
  MODELARTS_OPTION(std::string, order);     ///< "asc" | "desc" (service default desc)
  MODELARTS_OPTION(std::string, group_by);
  MODELARTS_OPTION(std::vector<Filter>, filters);

 public:
  /// Adds one filter, e.g. .filter("phase", "in", {"Running", "Pending"}).
  SearchOptions& filter(std::string key, std::string op, std::vector<std::string> value) {
    filters_.push_back(Filter{std::move(key), std::move(op), std::move(value)});
    return *this;
  }
};

/// Query of GET .../events (ModelArts API Reference, "Training Management").
class EventQuery {
  MODELARTS_OPTION(std::int64_t, offset){0};  ///< record offset
  MODELARTS_OPTION(int, limit){50};           ///< 1..100
  MODELARTS_OPTION(std::string, order);       ///< "asc" | "desc"
  MODELARTS_OPTION(std::optional<std::int64_t>, start_time);  ///< ms since the epoch; with end_time
  MODELARTS_OPTION(std::optional<std::int64_t>, end_time);
  MODELARTS_OPTION(std::string, level);       ///< Info | Error | Warning
  MODELARTS_OPTION(std::string, pattern);     ///< substring, at most 256 characters
};

/// wait() was cancelled through WaitOptions::cancelled or FollowOptions::cancelled.
class WaitCancelledError : public Error {
 public:
  WaitCancelledError(const std::string& what, Phase last_phase)
      : Error(what, ErrorKind::cancelled), last_phase_(last_phase) {}
  Phase last_phase() const noexcept { return last_phase_; }

 private:
  Phase last_phase_;
};

/// wait() saw neither a phase change nor new log bytes for WaitOptions::stall_timeout, and no on_stall
/// callback was set.
class JobStalledError : public Error {
 public:
  JobStalledError(const std::string& what, Phase last_phase)
      : Error(what, ErrorKind::stalled), last_phase_(last_phase) {}
  Phase last_phase() const noexcept { return last_phase_; }

 private:
  Phase last_phase_;
};

/// Called with the last info and how long nothing has moved.
using StallCallback = std::function<void(const TrainingJobInfo&, std::chrono::milliseconds)>;
/// Returns bytes [from, to) of the task's log, or nullopt when it cannot.
using Backfill = std::function<std::optional<std::string>(const std::string& task_id, std::int64_t from, std::int64_t to)>;

/// How TrainingJob::wait polls GET /training-jobs/{id}. Times are on the session's clock.
class WaitOptions {
  /// Give up (WaitTimeoutError) when the job is still not terminal this long after wait() began.
  MODELARTS_OPTION(std::chrono::milliseconds, timeout){std::chrono::hours(24)};
  /// First pause between polls; each later pause is the previous one times `factor`, at most max_interval.
  MODELARTS_OPTION(std::chrono::milliseconds, initial_interval){std::chrono::seconds(5)};
  MODELARTS_OPTION(double, factor){1.5};
  MODELARTS_OPTION(std::chrono::milliseconds, max_interval){std::chrono::seconds(60)};
  /// Called after every successful poll (also the final, terminal one).
  MODELARTS_OPTION(std::function<void(const TrainingJobInfo&)>, on_progress);
  /// Asked before every pause; true stops the wait with WaitCancelledError.
  MODELARTS_OPTION(std::function<bool()>, cancelled);
  /// Stall detection, off when zero: no phase change and no new bytes in the log of `stall_task` (while
  /// Running; an extra logs/preview request a poll) for this long. Then on_stall is called once per stall
  /// (and waiting goes on), or, without on_stall, JobStalledError is thrown.
  MODELARTS_OPTION(std::chrono::milliseconds, stall_timeout){0};
  MODELARTS_OPTION(std::string, stall_task){"worker-0"};
  MODELARTS_OPTION(StallCallback, on_stall);
};

/// How TrainingJob::follow_logs polls the log preview.
class FollowOptions {
  MODELARTS_OPTION(std::chrono::milliseconds, poll_interval){std::chrono::seconds(3)};
  /// Give up (WaitTimeoutError) after this long; the lines read so far have been written.
  MODELARTS_OPTION(std::chrono::milliseconds, timeout){std::chrono::hours(24)};
  MODELARTS_OPTION(std::function<bool()>, cancelled);
  /// Bytes [from, to) of the log left the 5 MiB preview window between two polls: return them if you can
  /// fetch them, nullopt otherwise. Without it, they are read from the log the job exports to OBS
  /// ({spec.log_export_path}modelarts-job-{job_id}-{task_id}.log: GET the job, then a ranged GET of the object
  /// through session.obs()). When neither has them, one marker line "[modelarts: N bytes of the log were not
  /// available]" is written.
  MODELARTS_OPTION(Backfill, backfill);
};

}  // namespace modelarts::v2
