// SPDX-License-Identifier: Apache-2.0
// v2::TrainingJob: a cheap handle on one new-version training job (/v2/{project_id}/training-jobs/{id}).
// Built from an ID without I/O, returned by Estimator::fit, or by a list call (holding the job the service
// returned). Methods carry the Python estimatorV2 names; wait, follow_logs, the object list and the lazy
// list are what Python lacks. Every call throws ApiError when the service refuses (v2 bodies: error_code,
// error_msg, error_solution), TransportError below HTTP, InvalidArgumentError before sending bad input.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <modelarts/paging.hpp>
#include <modelarts/session.hpp>
#include <modelarts/v2/options.hpp>
#include <modelarts/v2/training_job_info.hpp>

namespace modelarts::v2 {

class TrainingJob {
 public:
  /// From an ID: no request.
  TrainingJob(Session session, std::string job_id);
  /// From a create, terminate or list reply: keeps what the service returned.
  TrainingJob(Session session, TrainingJobInfo info);

  const std::string& job_id() const noexcept { return job_id_; }
  bool has_info() const noexcept { return info_.has_value(); }
  /// What the create or list call returned (no request); InvalidArgumentError on an object built from an ID.
  const TrainingJobInfo& info() const;
  const Session& session() const noexcept { return session_; }

  /// Python get_job_info(): GET /v2/{pid}/training-jobs/{id}. Not found is ApiError 400 ModelArts.2775.
  TrainingJobInfo get_job_info() const;
  /// Python update_job_configs(description=): PUT /training-jobs/{id} {"description"} (0..256 characters).
  void update_job_configs(const std::string& description) const;
  /// Python control_job(): POST /training-jobs/{id}/actions {"action_type":"terminate"}; returns the job
  /// (phase Terminating). A job that cannot be terminated (already ended) is ApiError 409 ModelArts.2796,
  /// except on a resent attempt when the job is Terminating or Terminated: our earlier attempt did it.
  TrainingJobInfo control_job() const;
  /// Python delete_job(): DELETE /training-jobs/{id} (202; the service deletes asynchronously). A resent
  /// attempt answered 2775 (not found) succeeded.
  void delete_job() const;

  /// Python get_job_log(task_id="worker-0"): GET .../tasks/{task_id}/logs/preview, the newest 5 MiB.
  /// A 204 (ModelArts.2776, nothing yet) gives ready == false.
  LogPreview get_job_log(const std::string& task_id = "worker-0") const;
  /// GET .../tasks/{task_id}/logs/url: a pre-signed OBS URL of the task's whole log, valid 5 minutes,
  /// fetched with a plain GET and no authentication (the preview link; the download variant needs a
  /// Content-Type request header the pipeline does not set per call yet).
  std::string get_job_log_url(const std::string& task_id = "worker-0") const;
  /// Python get_job_metrics(task_id="worker-0"): GET .../metrics/{task_id}; 204 gives ready == false.
  Metrics get_job_metrics(const std::string& task_id = "worker-0") const;
  /// GET .../events with the query's filters.
  EventList get_job_events(const EventQuery& query = {}) const;

  /// Polls get_job_info with growing pauses until the phase is terminal and returns that info. Completed
  /// is success; Failed, Terminated and Abnormal are failures, returned too (check info.status.phase or
  /// succeeded()): as v1 wait does, a job that ended badly is an answer, not an error. Rides through
  /// transport errors, 429 and 5xx until the deadline, then throws WaitTimeoutError; other API errors
  /// (e.g. 2775, the job was deleted) are thrown at once. See WaitOptions for cancellation and stalls.
  TrainingJobInfo wait(const WaitOptions& options = {}) const;

  /// Writes the task's log to `sink` as it grows, whole lines at a time, until the job reaches a terminal
  /// phase (then the rest, including a last line without newline), and returns the final info. Reads the
  /// logs/preview window (current_size/full_size): each byte is written once, in order, also when the
  /// window moves; bytes that left the window between two polls go through FollowOptions::backfill.
  /// A 204 (ModelArts.2776) means "not yet". WaitTimeoutError at the timeout, WaitCancelledError on cancel.
  TrainingJobInfo follow_logs(const std::string& task_id, const std::function<void(std::string_view)>& sink,
                              const FollowOptions& options = {}) const;

  /// Python Estimator.delete_job_by_id(session, job_id).
  static void delete_job_by_id(const Session& session, const std::string& job_id);
  /// Python Estimator.control_job_by_id(session, job_id).
  static TrainingJobInfo control_job_by_id(const Session& session, const std::string& job_id);
  /// Python Estimator.get_job_list(session, offset, limit, sort_by, order, group_by, filters):
  /// POST /v2/{pid}/training-job-searches, one page.
  static TrainingJobList get_job_list(const Session& session, const SearchOptions& options = {});
  /// One page of jobs as objects (Python has none).
  static std::vector<TrainingJob> get_job_object_list(const Session& session, const SearchOptions& options = {});
  /// A lazy range over every job matching the filters, page by page from options.offset (options.limit a
  /// page). Stops at a short page; works whether the service reads offset as a page index or a record
  /// offset (docs/service-quirks.md, Q1) and never yields one job twice.
  static Pager<TrainingJob> list(const Session& session, const SearchOptions& options = {});

 private:
  Session session_;
  std::string job_id_;
  std::optional<TrainingJobInfo> info_;
};

/// Completed: the one successful end.
inline bool succeeded(const TrainingJobInfo& info) noexcept { return info.status.phase == Phase::completed; }

}  // namespace modelarts::v2
