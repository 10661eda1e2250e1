// SPDX-License-Identifier: Apache-2.0
// `modelarts job submit`: the flags that describe a new-version (v2) training job, named like Huawei's ma-cli
// `ma-job submit`, and the create they make (v2::Estimator::fit, or v2::Estimator::create_job for --file).
#pragma once

#include <modelarts/v2/training_job_info.hpp>

#include "invocation.hpp"

namespace modelarts::cli {

void add_submit_flags(CLI::App& app);

/// Creates the job the flags (or --file) describe; a bad value is a UsageError naming the flag.
v2::TrainingJobInfo submit_job(Invocation& invocation);

/// The create body submit_job would send (JSON text), after the same checks; nothing is uploaded or created (a
/// local --code-dir shows the prefix it would go to). NAME defaults to "dry-run".
std::string submit_body(Invocation& invocation);

}  // namespace modelarts::cli
