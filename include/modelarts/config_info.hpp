// Training job configs (parameter presets, reference section 2.4): a list row fills the summary fields,
// the detail call fills the rest.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <modelarts/inputs.hpp>

namespace modelarts {

struct ConfigInfo {
  std::string config_name;
  std::string config_desc;
  std::int64_t create_time = 0;
  std::int64_t worker_server_num = 0;
  std::string app_url;
  std::string boot_file_url;
  std::int64_t model_id = 0;
  std::vector<Parameter> parameter;
  std::int64_t spec_id = 0;
  std::string spec_code;
  std::string core;
  std::string cpu;
  std::int64_t gpu_num = 0;
  std::string gpu_type;
  std::string data_url;
  std::string dataset_id;
  std::string dataset_version_id;
  std::string dataset_name;
  std::string dataset_version_name;
  std::vector<DataSource> data_source;
  std::int64_t engine_type = 0;
  std::string engine_name;
  std::int64_t engine_id = 0;
  std::string engine_version;
  std::string train_url;
  std::string log_url;
  std::string user_image_url;
  std::string user_command;
  std::string pool_id;
  std::string pool_name;
  std::string raw_json;
};

/// GET /training-job-configs (Python get_job_configs_list).
struct ConfigList {
  std::int64_t config_total_count = 0;
  std::vector<ConfigInfo> configs;
  std::string raw_json;
};

}  // namespace modelarts
