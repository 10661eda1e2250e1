// SPDX-License-Identifier: Apache-2.0
// Wait options: how a wait() polls a job until it reaches a terminal status. One template for every job kind;
// `Info` is what each poll returns (JobInfo for training versions, VisualizationJobInfo, v2 infos).
#pragma once

#include <chrono>
#include <functional>

#include <modelarts/options.hpp>

namespace modelarts {

struct JobInfo;
struct VisualizationJobInfo;

template <class Info>
class BasicWaitOptions {
  /// Give up (WaitTimeoutError) when the job is still not terminal this long after wait() began.
  MODELARTS_OPTION(std::chrono::milliseconds, timeout){std::chrono::hours(24)};
  /// First pause between polls; each later pause is the previous one times `factor`, at most max_interval.
  MODELARTS_OPTION(std::chrono::milliseconds, initial_interval){std::chrono::seconds(5)};
  MODELARTS_OPTION(double, factor){1.5};
  MODELARTS_OPTION(std::chrono::milliseconds, max_interval){std::chrono::seconds(60)};
  /// Called after every successful poll with what it returned (also for the final, terminal one).
  MODELARTS_OPTION(std::function<void(const Info&)>, on_progress);
};

/// TrainingJob::wait (and Estimator fit/create_job_version with wait=true).
using WaitOptions = BasicWaitOptions<JobInfo>;
/// VisualizationJob::wait.
using VisualizationWaitOptions = BasicWaitOptions<VisualizationJobInfo>;

}  // namespace modelarts
