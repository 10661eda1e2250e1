// Every command group the CLI offers, in the order `modelarts --help` lists them.
#pragma once

#include <vector>

#include "command.hpp"

namespace modelarts::cli {

Group training_job_group();
Group training_job_version_group();
Group training_job_config_group();
Group visualization_job_group();
Group label_job_group();
Group spec_group();
Group engine_group();
Group algorithm_group();
Group raw_group();

const std::vector<Group>& all_groups();

}  // namespace modelarts::cli
