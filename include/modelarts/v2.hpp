// New-version (v2) training: namespace modelarts::v2 (reference modelarts-v2-and-obs.md).
#pragma once

#include <modelarts/v2/estimator.hpp>
#include <modelarts/v2/options.hpp>
#include <modelarts/v2/training_job.hpp>
#include <modelarts/v2/training_job_info.hpp>
