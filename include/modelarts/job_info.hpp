// SPDX-License-Identifier: Apache-2.0
// What the service says about training jobs and their versions (ModelArts API Reference, "Training Jobs"). Decoded
// leniently: numbers may arrive as strings, metric lists as objects or JSON-encoded strings, missing
// optional fields keep their defaults, and raw_json keeps the whole object so no field is lost.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <modelarts/list_page.hpp>
#include <modelarts/status.hpp>
#include <modelarts/training_config_info.hpp>

namespace modelarts {

/// A training job version as the version detail, the versions list, the jobs list (one row per job, its
/// latest version) and the create calls report it; each source fills the fields it has.
struct JobInfo : TrainingConfigInfo {
  std::string job_id;          ///< Long on the wire; kept as text because it is a path segment
  std::string job_name;
  std::string job_desc;
  std::string version_id;
  std::string version_name;
  std::string pre_version_id;
  JobStatus status = JobStatus::unknown;  ///< the code as sent (status_code()), also outside 0..22
  std::int64_t create_time = 0;  ///< ms since the epoch
  std::int64_t start_time = 0;   ///< ms since the epoch
  std::int64_t duration = 0;     ///< ms
  std::int64_t version_count = 0;  ///< jobs list only
  /// JSON object text ("" when absent), whether the service sent an object or a JSON-encoded string.
  std::string model_metric_list;
  std::string system_metric_list;
  std::string resource_id;
  std::string raw_json;        ///< the whole object as received

  /// The numeric status as the service sent it (ModelArts API Reference, "Job Statuses").
  int status_code() const noexcept { return static_cast<int>(status); }
  std::string_view status_name() const noexcept { return modelarts::status_name(status); }
};
using VersionInfo = JobInfo;

/// GET /training-jobs (Python get_job_list): jobs[] in items, job_total_count, job_count_limit, quotas.
using TrainingJobList = ListPage<JobInfo>;

/// GET /training-jobs/{id}/versions (Python get_job_version_info).
struct JobVersionList {
  std::string job_id;
  std::string job_name;
  std::string job_desc;
  std::int64_t version_count = 0;
  std::vector<JobInfo> versions;
  std::string raw_json;
};

/// One read of the legacy byte-range log, GET .../log (Python get_job_log(log_file, start_byte, offset)).
struct JobLogRange {
  std::string content;              ///< the bytes read (the reply's `log`)
  std::int64_t log_byte_count = 0;  ///< how many (the reply's `log_byte_count`; `count` in one doc example)
  std::int64_t start_byte = 0;      ///< position of the first byte read: end_byte - log_byte_count
  std::int64_t end_byte = 0;        ///< position after the last byte read: pass it as start_byte to read on
  std::string raw_json;
};

/// One read of a training log by lines (the Python SDK's documented return shape, served by /aom-log).
struct JobLog {
  std::string content;
  std::int64_t lines = 0;
  std::string start_line;  ///< position markers; pass end_line as base_line to read on
  std::string end_line;
  std::string raw_json;
};

}  // namespace modelarts
