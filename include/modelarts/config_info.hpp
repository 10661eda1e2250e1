// SPDX-License-Identifier: Apache-2.0
// Training job configs (parameter presets, ModelArts API Reference, "Training Job Parameter Configuration"): a list row
// fills the summary fields, the detail call fills the rest.
#pragma once

#include <cstdint>
#include <string>

#include <modelarts/list_page.hpp>
#include <modelarts/training_config_info.hpp>

namespace modelarts {

/// A config: its name, description and creation time, plus the training-config fields (TrainingConfigInfo).
struct ConfigInfo : TrainingConfigInfo {
  std::string config_name;
  std::string config_desc;
  std::int64_t create_time = 0;  ///< ms since the epoch
  std::string raw_json;          ///< the whole object as received
};

/// GET /training-job-configs (Python get_job_configs_list): configs[] in items, config_total_count.
using ConfigList = ListPage<ConfigInfo>;

}  // namespace modelarts
