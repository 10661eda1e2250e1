// SPDX-License-Identifier: Apache-2.0
// TrainingConfigInfo: the training-config fields (code, data, spec, engine, outputs) that a training job
// version and a training job config both report (ModelArts API Reference, "Training Jobs" and "Training Job Parameter
// Configuration"). JobInfo and ConfigInfo derive from it, so each field is declared and decoded once and reads as
// info.app_url on both.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <modelarts/inputs.hpp>

namespace modelarts {

struct TrainingConfigInfo {
  std::int64_t worker_server_num = 0;
  std::string app_url;           ///< code directory (Python code_dir)
  std::string boot_file_url;     ///< boot file (Python boot_file)
  std::int64_t model_id = 0;     ///< built-in algorithm (Python model_name), 0 when none
  std::vector<Parameter> parameter;
  std::int64_t spec_id = 0;
  std::string spec_code;         ///< Python train_instance_type
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
  std::string engine_name;       ///< Python framework_type
  std::int64_t engine_id = 0;
  std::string engine_version;    ///< Python framework_version
  std::string train_url;         ///< Python output_path
  std::string log_url;
  std::string user_image_url;
  std::string user_command;
  std::string pool_id;
  std::string pool_name;
};

}  // namespace modelarts
