// TrainingJob::wait: poll the version detail until a terminal status (design section 3, "Waiting").
#include <modelarts/training_job.hpp>

#include "api/decode.hpp"
#include "api/request.hpp"
#include "api/validate.hpp"
#include "detail/poll_until.hpp"

namespace modelarts {
using namespace detail;

JobInfo TrainingJob::wait(const WaitOptions& options) const {
  require_id("job_id", job_id_);
  if (version_id_.empty()) throw_invalid_argument("TrainingJob " + job_id_ + " has no version_id to wait for");
  const ApiCall call = v1_call(session_, "GET", {"training-jobs", job_id_, "versions", version_id_});
  const std::string context = describe(call);
  const int held_status = info_ ? info_->status : 0;
  return poll_until<JobInfo>(
             *session_clock(session_), poll_schedule(options),
             [&]() -> Result<JobInfo> {
               Result<ApiResponse> polled = try_call(session_, call);
               if (!polled.ok()) return polled.error();
               return decode_job_detail(polled.value().json, context);
             },
             [](const JobInfo& info) { return is_terminal_status(info.status); },
             [&](const JobInfo& info) {
               if (options.on_progress()) options.on_progress()(info);
             },
             [&](const JobInfo* last, const std::string& last_problem) {
               ErrorInfo timeout;
               timeout.last_status = last ? last->status : held_status;
               timeout.message = "training job " + job_id_ + " version " + version_id_ + " not finished after " +
                                 std::to_string(options.timeout().count()) + " ms (status " +
                                 std::to_string(timeout.last_status) + ' ' +
                                 std::string(status_name(timeout.last_status)) + ')' +
                                 (last_problem.empty() ? "" : "; last poll failed: " + last_problem);
               return timeout;
             })
      .value_or_throw();
}

}  // namespace modelarts
