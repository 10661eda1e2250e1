// SPDX-License-Identifier: Apache-2.0
// New-version (v2) training: namespace modelarts::v2, the Python SDK's modelarts.estimatorV2 in C++.
#pragma once

#include <modelarts/v2/estimator.hpp>
#include <modelarts/v2/options.hpp>
#include <modelarts/v2/training_job.hpp>
#include <modelarts/v2/training_job_info.hpp>
