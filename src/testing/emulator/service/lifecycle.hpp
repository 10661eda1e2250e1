// SPDX-License-Identifier: Apache-2.0
// Job status over time. Statuses are never stored: they are computed from stored wall-clock timestamps
// and the time scale, so they keep moving across restarts of a persisted emulator.
//
// Training version (job time): 1 INIT -> 7 WAITING at 2 s -> 8 RUNNING at 5 s -> 10 COMPLETED after 60 s of
// running, or 11 FAILED when the version's parameters hold {"label":"emulator_outcome","value":"fail"}.
// A stop in 1/7/8 gives 9 KILLING, then 12 KILLED 3 s later.
// Visualization job: 1 -> 7 at 2 s -> 8 at 5 s (a restart starts at 7 and runs at 3 s), running until stopped
// (9 KILLING for 3 s, then 10) or until its schedule's duration of running has passed (10).
#pragma once

#include <cstdint>

namespace modelarts::testing::detail::service {

namespace status {
inline constexpr int kInit = 1;
inline constexpr int kWaiting = 7;
inline constexpr int kRunning = 8;
inline constexpr int kKilling = 9;
inline constexpr int kCompleted = 10;
inline constexpr int kFailed = 11;
inline constexpr int kKilled = 12;
}  // namespace status

namespace job_time {
inline constexpr std::int64_t kWaitingAt = 2'000;
inline constexpr std::int64_t kRunningAt = 5'000;
inline constexpr std::int64_t kTrainingRun = 60'000;
inline constexpr std::int64_t kKilling = 3'000;
inline constexpr std::int64_t kRestartRunningAt = 3'000;
inline constexpr std::int64_t kHour = 3'600'000;
}  // namespace job_time

/// Job-time milliseconds between two wall-clock instants (never negative).
std::int64_t job_elapsed(std::int64_t from_wall_ms, std::int64_t to_wall_ms, double time_scale);
/// The wall-clock instant `job_ms` of job time after `from_wall_ms`.
std::int64_t wall_after(std::int64_t from_wall_ms, std::int64_t job_ms, double time_scale);

struct TrainingTimeline {
  std::int64_t create_ms = 0;
  std::int64_t stop_ms = 0;  ///< 0: never stopped
  bool fails = false;
};

struct StatusView {
  int status = status::kInit;
  std::int64_t start_time = 0;  ///< wall ms when it started running; 0 before
  std::int64_t duration = 0;    ///< job-time ms spent running in the current run
};

StatusView training_status(const TrainingTimeline& timeline, std::int64_t now_ms, double time_scale);

struct VisualizationTimeline {
  std::int64_t run_start_ms = 0;  ///< creation or last restart
  bool restarted = false;
  std::int64_t stop_ms = 0;         ///< 0: not stopped in this run
  std::int64_t schedule_hours = 0;  ///< auto-stop after this much running; 0: none
};

struct VisualizationView : StatusView {
  std::int64_t remaining_ms = -1;  ///< until the scheduled stop; -1: no schedule or not running
};

VisualizationView visualization_status(const VisualizationTimeline& timeline, std::int64_t now_ms, double time_scale);

}  // namespace modelarts::testing::detail::service
