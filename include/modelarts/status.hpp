// SPDX-License-Identifier: Apache-2.0
// The numeric job status shared by training and visualization jobs (v1 API, ModelArts API Reference, "Job Statuses").
#pragma once

#include <string_view>

namespace modelarts {

enum class JobStatus : int {
  unknown = 0,
  init = 1,
  image_creating = 2,
  image_failed = 3,
  submit_trying = 4,
  submit_failed = 5,
  delete_failed = 6,
  waiting = 7,
  running = 8,
  killing = 9,
  completed = 10,
  failed = 11,
  killed = 12,
  canceled = 13,
  lost = 14,
  scaling = 15,
  submit_model_failed = 16,
  deploy_service_failed = 17,
  check_init = 18,
  check_running = 19,
  check_running_completed = 20,
  check_failed = 21,
  mount_failed = 22,
};

/// "JOBSTAT_RUNNING" etc.; "JOBSTAT_UNKNOWN" for codes outside 0..22.
std::string_view status_name(int status) noexcept;
/// A status a job does not leave by itself: 3, 5, 6, 10, 11, 12, 13, 14, 16, 17, 21, 22.
bool is_terminal_status(int status) noexcept;
/// Terminal and not completed (10).
bool is_failed_status(int status) noexcept;

inline std::string_view status_name(JobStatus status) noexcept { return status_name(static_cast<int>(status)); }
inline bool is_terminal_status(JobStatus status) noexcept { return is_terminal_status(static_cast<int>(status)); }
inline bool is_failed_status(JobStatus status) noexcept { return is_failed_status(static_cast<int>(status)); }

}  // namespace modelarts
