// SPDX-License-Identifier: Apache-2.0
// What the service says about visualization (TensorBoard / MindInsight) jobs (ModelArts API Reference, "Visualization
// Jobs").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <modelarts/list_page.hpp>
#include <modelarts/status.hpp>

namespace modelarts {

/// Auto-stop rule; the service sends it as an object or an array, with time_unit or timeUnit.
struct VisualizationSchedule {
  std::string type;       ///< "stop"
  std::string time_unit;  ///< "HOURS"
  std::int64_t duration = 0;
};

struct VisualizationJobInfo {
  std::string job_id;     ///< Long in replies, a string in paths and in the Python SDK
  std::string job_name;
  std::string job_desc;
  JobStatus status = JobStatus::unknown;  ///< the code as sent (status_code()), also outside 0..22
  std::int64_t create_time = 0;
  std::int64_t duration = 0;
  std::string service_url;
  std::string train_url;
  std::string resource_id;
  std::optional<std::int64_t> remaining_duration;  ///< null in the documented examples
  std::vector<VisualizationSchedule> schedule;
  std::string raw_json;

  /// The numeric status as the service sent it (ModelArts API Reference, "Job Statuses").
  int status_code() const noexcept { return static_cast<int>(status); }
  std::string_view status_name() const noexcept { return modelarts::status_name(status); }
};

/// GET /visualization-jobs (Python get_visualization_job_list): jobs[] in items, job_total_count,
/// job_count_limit, quotas.
using VisualizationJobList = ListPage<VisualizationJobInfo>;

}  // namespace modelarts
