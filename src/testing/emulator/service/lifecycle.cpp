// SPDX-License-Identifier: Apache-2.0
#include "lifecycle.hpp"

#include <algorithm>
#include <cmath>

namespace modelarts::testing::detail::service {

std::int64_t job_elapsed(std::int64_t from_wall_ms, std::int64_t to_wall_ms, double time_scale) {
  if (to_wall_ms <= from_wall_ms) return 0;
  return static_cast<std::int64_t>(static_cast<double>(to_wall_ms - from_wall_ms) * time_scale);
}

std::int64_t wall_after(std::int64_t from_wall_ms, std::int64_t job_ms, double time_scale) {
  return from_wall_ms + static_cast<std::int64_t>(std::ceil(static_cast<double>(job_ms) / time_scale));
}

namespace {
int natural_training_status(std::int64_t elapsed, bool fails) {
  if (elapsed < job_time::kWaitingAt) return status::kInit;
  if (elapsed < job_time::kRunningAt) return status::kWaiting;
  if (elapsed < job_time::kRunningAt + job_time::kTrainingRun) return status::kRunning;
  return fails ? status::kFailed : status::kCompleted;
}
}  // namespace

StatusView training_status(const TrainingTimeline& timeline, std::int64_t now_ms, double time_scale) {
  const bool stopped = timeline.stop_ms != 0 && timeline.stop_ms <= now_ms;
  const std::int64_t run_end = stopped ? timeline.stop_ms : now_ms;
  const std::int64_t elapsed = job_elapsed(timeline.create_ms, run_end, time_scale);
  StatusView view;
  view.status = natural_training_status(elapsed, timeline.fails);
  if (elapsed >= job_time::kRunningAt) {
    view.start_time = wall_after(timeline.create_ms, job_time::kRunningAt, time_scale);
    view.duration = std::min(elapsed, job_time::kRunningAt + job_time::kTrainingRun) - job_time::kRunningAt;
  }
  if (stopped) {
    view.status =
        job_elapsed(timeline.stop_ms, now_ms, time_scale) < job_time::kKilling ? status::kKilling : status::kKilled;
  }
  return view;
}

VisualizationView visualization_status(const VisualizationTimeline& timeline, std::int64_t now_ms, double time_scale) {
  const std::int64_t running_at = timeline.restarted ? job_time::kRestartRunningAt : job_time::kRunningAt;
  const bool stopped = timeline.stop_ms != 0 && timeline.stop_ms <= now_ms;
  const std::int64_t elapsed = job_elapsed(timeline.run_start_ms, stopped ? timeline.stop_ms : now_ms, time_scale);
  const std::int64_t scheduled = timeline.schedule_hours * job_time::kHour;
  VisualizationView view;
  if (elapsed < job_time::kWaitingAt && !timeline.restarted) {
    view.status = status::kInit;
  } else if (elapsed < running_at) {
    view.status = status::kWaiting;
  } else {
    view.status = status::kRunning;
    view.start_time = wall_after(timeline.run_start_ms, running_at, time_scale);
    view.duration = elapsed - running_at;
    if (scheduled > 0 && view.duration >= scheduled) {
      view.duration = scheduled;
      view.status = status::kCompleted;
    }
  }
  if (stopped && view.status != status::kCompleted) {
    view.status =
        job_elapsed(timeline.stop_ms, now_ms, time_scale) < job_time::kKilling ? status::kKilling : status::kCompleted;
  }
  if (scheduled > 0 &&
      (view.status == status::kInit || view.status == status::kWaiting || view.status == status::kRunning))
    view.remaining_ms = scheduled - view.duration;
  return view;
}

}  // namespace modelarts::testing::detail::service
