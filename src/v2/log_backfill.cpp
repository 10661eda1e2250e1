// SPDX-License-Identifier: Apache-2.0
#include "v2/log_backfill.hpp"

#include <modelarts/error.hpp>
#include <modelarts/obs.hpp>
#include <modelarts/v2/training_job.hpp>

namespace modelarts::v2::detail {

Backfill exported_log_backfill(const Session& session, const std::string& job_id) {
  return [session, job_id](const std::string& task_id, std::int64_t from,
                           std::int64_t to) -> std::optional<std::string> {
    if (from < 0 || to <= from) return std::nullopt;
    try {
      std::string folder = TrainingJob(session, job_id).get_job_info().spec.log_export_path;
      if (folder.empty()) return std::nullopt;
      if (folder.back() != '/') folder += '/';
      // "/bucket/dir/" form (docs/service-quirks.md, Q15).
      if (folder.rfind("obs://", 0) != 0) folder = "obs:/" + folder;
      std::string bytes = session.obs().get_object(
          folder + "modelarts-job-" + job_id + "-" + task_id + ".log",
          obs::ByteRange{static_cast<std::uint64_t>(from), static_cast<std::uint64_t>(to - 1)});
      if (bytes.size() != static_cast<std::size_t>(to - from)) return std::nullopt;  // exported only in part
      return bytes;
    } catch (const Error&) {  // no such object yet, no OBS access: the marker line says what is missing
      return std::nullopt;
    }
  };
}

}  // namespace modelarts::v2::detail
