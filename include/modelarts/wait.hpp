// WaitOptions: how TrainingJob::wait polls a version until it reaches a terminal status.
#pragma once

#include <chrono>
#include <functional>

#include <modelarts/job_info.hpp>
#include <modelarts/options.hpp>

namespace modelarts {

class WaitOptions {
  /// Give up (WaitTimeoutError) when the job is still not terminal this long after wait() began.
  MODELARTS_OPTION(std::chrono::milliseconds, timeout){std::chrono::hours(24)};
  /// First pause between polls; each later pause is the previous one times `factor`, at most max_interval.
  MODELARTS_OPTION(std::chrono::milliseconds, initial_interval){std::chrono::seconds(5)};
  MODELARTS_OPTION(double, factor){1.5};
  MODELARTS_OPTION(std::chrono::milliseconds, max_interval){std::chrono::seconds(60)};
  /// Called after every successful poll with what it returned (also for the final, terminal one).
  MODELARTS_OPTION(std::function<void(const JobInfo&)>, on_progress);
};

}  // namespace modelarts
