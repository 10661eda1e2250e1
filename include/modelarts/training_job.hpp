// SPDX-License-Identifier: Apache-2.0
// TrainingJob: a cheap handle on one training job (and, when known, one of its versions). Built from IDs
// without I/O, returned by Estimator::fit / create_job_version, or by list calls (holding the row the
// service returned). Methods carry the Python SDK's names (ModelArts SDK Reference, "Training Jobs" and "Training Job
// Versions").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <modelarts/job_info.hpp>
#include <modelarts/list_options.hpp>
#include <modelarts/paging.hpp>
#include <modelarts/session.hpp>
#include <modelarts/wait.hpp>

namespace modelarts {

/// Which part of a training log to read through /aom-log.
class LogQuery {
  /// Position to read from (a start_line/end_line of an earlier read); empty reads the newest lines.
  MODELARTS_OPTION(std::string, base_line);
  MODELARTS_OPTION(int, lines){50};          ///< 0..500
  MODELARTS_OPTION(std::string, order){"desc"};  ///< "desc" reads downward from base_line, "asc" upward
};

class TrainingJob {
 public:
  /// From IDs: no request. version_id is needed by the version-level calls (get_job_info, stop_job_version...).
  TrainingJob(Session session, std::string job_id, std::string version_id = {});
  /// From a create or list reply: keeps what the service returned.
  TrainingJob(Session session, JobInfo info);

  const std::string& job_id() const noexcept { return job_id_; }
  const std::string& version_id() const noexcept { return version_id_; }
  bool has_info() const noexcept { return info_.has_value(); }
  /// What the create or list call returned (no request); throws InvalidArgumentError on an object built from IDs.
  const JobInfo& info() const;
  const Session& session() const noexcept { return session_; }

  /// Python get_job_info(): GET .../training-jobs/{id}/versions/{version_id}.
  JobInfo get_job_info() const;
  /// Python update_job_description(description): PUT .../training-jobs/{id}.
  void update_job_description(const std::string& description) const;
  /// Python delete_job(): DELETE .../training-jobs/{id} (a retried attempt answering "not found" succeeded).
  void delete_job() const;
  /// Python get_job_version_info(): GET .../training-jobs/{id}/versions (all versions, page=0).
  JobVersionList get_job_version_info() const;
  /// Python get_job_version_object_list(): one TrainingJob per version, each holding its detail.
  std::vector<TrainingJob> get_job_version_object_list() const;
  /// Python stop_job_version(): POST .../versions/{version_id}/stop.
  void stop_job_version() const;
  /// Python delete_job_version(): DELETE .../versions/{version_id}.
  void delete_job_version() const;
  /// Python get_job_log_file_list(): GET .../versions/{version_id}/log/file-names.
  std::vector<std::string> get_job_log_file_list() const;
  /// Python get_job_log(log_file, start_byte=0, offset=2048): GET .../versions/{version_id}/log, the byte-range
  /// log the Python SDK reads. start_byte 0 reads from the start of the log, N >= 0 from byte N, -1 the newest
  /// |offset| bytes; offset is a byte count in [-2048, 2048], a negative one reading the bytes before
  /// start_byte. Out of those ranges: InvalidArgumentError, nothing sent.
  JobLogRange get_job_log(const std::string& log_file, std::int64_t start_byte = 0, std::int64_t offset = 2048) const;
  /// By lines: GET .../versions/{version_id}/aom-log, returning {content, lines, start_line, end_line}.
  JobLog get_job_log(const std::string& log_file, const LogQuery& query) const;

  /// Polls the version detail with growing pauses (session clock) until a terminal status; returns the final
  /// info even when the job failed. Rides through transport errors and 5xx/429 answers until the deadline,
  /// then throws WaitTimeoutError.
  JobInfo wait(const WaitOptions& options = {}) const;

  /// A lazy range over every training job (page by page; Python has no training-job object list).
  static Pager<TrainingJob> list(const Session& session, const ListOptions& options = {});

 private:
  Session session_;
  std::string job_id_;
  std::string version_id_;
  std::optional<JobInfo> info_;
};

}  // namespace modelarts
