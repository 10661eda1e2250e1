// SPDX-License-Identifier: Apache-2.0
// A v2 job's phase over job time (wall time x time_scale since creation):
//   Creating [0, 2 s) -> Pending [2 s, 5 s) -> Running [5 s, 65 s) -> Completed.
//   Outcome fail: Running ends after 30 s in Failed. abnormal: Abnormal (CreateFailed) at 2 s. hang: Pending.
//   A terminate in Creating/Pending/Running: Terminating for 3 s, then Terminated (running stops at once).
#pragma once

#include <cstdint>
#include <string>

#include "state.hpp"

namespace modelarts::testing::detail::service::v2 {

namespace job_time {
inline constexpr std::int64_t kPendingAt = 2'000;
inline constexpr std::int64_t kRunningAt = 5'000;
inline constexpr std::int64_t kRun = 60'000;
inline constexpr std::int64_t kFailedRun = 30'000;
inline constexpr std::int64_t kTerminating = 3'000;
}  // namespace job_time

enum class Phase { creating, pending, running, completed, failed, terminating, terminated, abnormal };

const char* phase_name(Phase phase);
const char* secondary_phase_name(Phase phase);
bool can_terminate(Phase phase);

struct View {
  Phase phase = Phase::creating;
  std::int64_t start_ms = 0;       ///< wall ms the run began; 0 if it never ran
  std::int64_t run_ms = 0;         ///< job-time ms of running so far (the duration)
  bool ran = false;                ///< it reached Running at some point
  // Job-time offsets from creation of the phase changes that happened (-1: not happened), for events.
  std::int64_t pending_at = -1, running_at = -1, ended_at = -1, terminating_at = -1, terminated_at = -1,
               abnormal_at = -1;
};

View view_of(const Job& job, std::int64_t now_ms, double time_scale);

/// Wall ms `job_ms` of job time after the job's creation.
std::int64_t wall_at(const Job& job, std::int64_t job_ms, double time_scale);

}  // namespace modelarts::testing::detail::service::v2
