// SPDX-License-Identifier: Apache-2.0
// The default FollowOptions::backfill: bytes that left the logs/preview window are read back from the log the
// job exports to OBS, {spec.log_export_path}modelarts-job-{job_id}-{task_id}.log (ModelArts API Reference, "Training
// Management"), with a ranged GET through session.obs(). Nothing when the job has no log_export_path, the session
// cannot reach OBS (password credentials) or the object does not hold those bytes yet: follow_logs then writes its
// marker line.
#pragma once

#include <modelarts/session.hpp>
#include <modelarts/v2/options.hpp>

namespace modelarts::v2::detail {

Backfill exported_log_backfill(const Session& session, const std::string& job_id);

}  // namespace modelarts::v2::detail
