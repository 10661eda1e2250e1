// TrainingJob::wait: poll the version detail until a terminal status (design section 3, "Waiting").
#include <modelarts/training_job.hpp>

#include <algorithm>

#include "api/decode.hpp"
#include "api/request.hpp"
#include "api/validate.hpp"
#include "detail/retry_policy.hpp"

namespace modelarts {
using namespace detail;

JobInfo TrainingJob::wait(const WaitOptions& options) const {
  require_id("job_id", job_id_);
  if (version_id_.empty()) throw_invalid_argument("TrainingJob " + job_id_ + " has no version_id to wait for");
  if (options.initial_interval().count() <= 0 || options.factor() < 1.0 ||
      options.max_interval() < options.initial_interval()) {
    throw_invalid_argument("wait: initial_interval must be > 0, factor >= 1 and max_interval >= initial_interval");
  }
  std::shared_ptr<Clock> clock = session_.options().clock() ? session_.options().clock() : system_clock();
  const auto deadline = clock->now() + options.timeout();
  const ApiCall call = v1_call(session_, "GET", {"training-jobs", job_id_, "versions", version_id_});
  const std::string context = describe(call);
  std::chrono::milliseconds interval = options.initial_interval();
  int last_status = info_ ? info_->status : 0;
  std::string last_problem;

  for (;;) {
    Result<ApiResponse> polled = try_call(session_, call);
    Result<JobInfo> info = polled.ok() ? decode_job_detail(polled.value().json, context)
                                       : Result<JobInfo>(polled.error());
    if (info.ok()) {
      last_status = info.value().status;
      if (options.on_progress()) options.on_progress()(info.value());
      if (is_terminal_status(last_status)) return std::move(info).value();
      last_problem.clear();
    } else if (is_transient(info.error())) {  // the retry loop's rule: a later poll may succeed
      last_problem = info.error().category == ErrorCategory::api ? ApiError(info.error().api).what()
                                                                  : info.error().message;
    } else {
      throw_error(info.error());
    }

    auto now = clock->now();
    if (now >= deadline) {
      ErrorInfo timeout;
      timeout.category = ErrorCategory::wait_timeout;
      timeout.last_status = last_status;
      timeout.message = "training job " + job_id_ + " version " + version_id_ + " not finished after " +
                        std::to_string(options.timeout().count()) + " ms (status " + std::to_string(last_status) +
                        ' ' + std::string(status_name(last_status)) + ')' +
                        (last_problem.empty() ? "" : "; last poll failed: " + last_problem);
      throw_error(timeout);
    }
    auto remaining = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
    clock->sleep_for(std::max(std::chrono::milliseconds(1), std::min(interval, remaining)));
    auto grown = std::chrono::milliseconds(
        static_cast<std::int64_t>(static_cast<double>(interval.count()) * options.factor()));
    interval = std::min(grown, options.max_interval());
  }
}

}  // namespace modelarts
