// SPDX-License-Identifier: Apache-2.0
#include "timeline.hpp"

#include <algorithm>

#include "testing/emulator/service/lifecycle.hpp"

namespace modelarts::testing::detail::service::v2 {

const char* phase_name(Phase phase) {
  switch (phase) {
    case Phase::creating: return "Creating";
    case Phase::pending: return "Pending";
    case Phase::running: return "Running";
    case Phase::completed: return "Completed";
    case Phase::failed: return "Failed";
    case Phase::terminating: return "Terminating";
    case Phase::terminated: return "Terminated";
    case Phase::abnormal: return "Abnormal";
  }
  return "Abnormal";
}

const char* secondary_phase_name(Phase phase) {
  switch (phase) {
    case Phase::pending: return "Queuing";
    case Phase::abnormal: return "CreateFailed";
    default: return phase_name(phase);
  }
}

bool can_terminate(Phase phase) {
  return phase == Phase::creating || phase == Phase::pending || phase == Phase::running;
}

std::int64_t wall_at(const Job& job, std::int64_t job_ms, double time_scale) {
  return wall_after(job.create_ms, job_ms, time_scale);
}

View view_of(const Job& job, std::int64_t now_ms, double time_scale) {
  using namespace job_time;
  View v;
  const std::int64_t now = job_elapsed(job.create_ms, now_ms, time_scale);
  // Where the job would be without a terminate, at job time t.
  const std::int64_t run = job.outcome == Outcome::fail ? kFailedRun : kRun;
  auto natural = [&](std::int64_t t) {
    if (t < kPendingAt) return Phase::creating;
    if (job.outcome == Outcome::abnormal) return Phase::abnormal;
    if (t < kRunningAt || job.outcome == Outcome::hang) return Phase::pending;
    if (t < kRunningAt + run) return Phase::running;
    return job.outcome == Outcome::fail ? Phase::failed : Phase::completed;
  };
  std::int64_t horizon = now;
  std::int64_t term = -1;
  if (job.terminate_ms != 0) {
    term = job_elapsed(job.create_ms, job.terminate_ms, time_scale);
    horizon = std::min(now, term);
  }
  const Phase before = natural(horizon);
  if (horizon >= kPendingAt && job.outcome != Outcome::abnormal) v.pending_at = kPendingAt;
  if (horizon >= kPendingAt && job.outcome == Outcome::abnormal) v.abnormal_at = kPendingAt;
  if (horizon >= kRunningAt && job.outcome != Outcome::abnormal && job.outcome != Outcome::hang) {
    v.ran = true;
    v.running_at = kRunningAt;
    v.start_ms = wall_at(job, kRunningAt, time_scale);
    v.run_ms = std::min(horizon, kRunningAt + run) - kRunningAt;
    if (horizon >= kRunningAt + run) v.ended_at = kRunningAt + run;
  }
  v.phase = before;
  if (term >= 0 && now >= term) {
    v.terminating_at = term;
    if (now >= term + kTerminating) {
      v.terminated_at = term + kTerminating;
      v.phase = Phase::terminated;
    } else {
      v.phase = Phase::terminating;
    }
  }
  return v;
}

}  // namespace modelarts::testing::detail::service::v2
