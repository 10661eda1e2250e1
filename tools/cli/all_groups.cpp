#include "groups.hpp"

namespace modelarts::cli {

const std::vector<Group>& all_groups() {
  static const std::vector<Group> groups = {training_job_group(),     training_job_version_group(),
                                            training_job_config_group(), visualization_job_group(),
                                            label_job_group(),        spec_group(),
                                            engine_group(),           algorithm_group(),
                                            raw_group()};
  return groups;
}

}  // namespace modelarts::cli
