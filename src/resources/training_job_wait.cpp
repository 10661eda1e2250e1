// SPDX-License-Identifier: Apache-2.0
// TrainingJob::wait: poll the version detail until a terminal status.
#include <modelarts/training_job.hpp>

#include "codecs/decode.hpp"
#include "resources/validate.hpp"
#include "resources/waiting.hpp"

namespace modelarts {
using namespace detail;

JobInfo TrainingJob::wait(const WaitOptions& options) const {
  require_id("job_id", job_id_);
  if (version_id_.empty()) throw_invalid_argument("TrainingJob " + job_id_ + " has no version_id to wait for");
  return wait_on_call(
      session_, v1_call(session_, "GET", {"training-jobs", job_id_, "versions", version_id_}), decode_job_detail,
      [](const JobInfo& info) { return is_terminal_status(info.status); }, options,
      info_ ? info_->status_code() : 0, "training job " + job_id_ + " version " + version_id_, "finished");
}

}  // namespace modelarts
