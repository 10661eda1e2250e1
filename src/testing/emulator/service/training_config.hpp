// SPDX-License-Identifier: Apache-2.0
// The training `config` shared by job create, version create and parameter presets (training-job-configs):
// parsing with the documented rules, and its fields as the detail responses show them.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "field_reader.hpp"

namespace modelarts::testing::detail::service {

struct Hyperparameter {
  std::string label;
  std::string value;
};

struct TrainingConfig {
  std::int64_t worker_server_num = 1;
  std::string app_url;
  std::string boot_file_url;
  std::int64_t model_id = 0;  ///< 0: none
  std::int64_t engine_id = 1;
  std::int64_t spec_id = 0;
  std::string data_url;
  std::string dataset_id;
  std::string dataset_version_id;
  json::array data_source;
  std::vector<Hyperparameter> parameter;
  std::string train_url;
  std::string log_url;
  std::string user_image_url;
  std::string user_command;
  bool create_version = true;
  json::array volumes;
  std::string pool_id;
  std::int64_t pre_version_id = 0;  ///< versions only
};

enum class ConfigUse {
  job,      ///< POST training-jobs: config object
  version,  ///< POST .../versions: config object with pre_version_id
  preset,   ///< training-job-configs: flat fields next to config_name/config_desc
};

/// Reads and validates the config fields of `object` into a TrainingConfig; problems go to `reader`.
/// For ConfigUse::preset, `extra_keys` are the other fields allowed at the same level.
TrainingConfig read_training_config(FieldReader& reader, ConfigUse use,
                                    const std::vector<std::string_view>& extra_keys = {});

/// The request fields that read_training_config accepts back (for persistence).
json::object training_config_request(const TrainingConfig& config, ConfigUse use);

/// The config fields of a detail response (spec and engine resolved from the catalogs).
void append_config_detail(json::object& out, const TrainingConfig& config);

/// The engine a config runs on (the algorithm's engine when model_id is set).
std::int64_t effective_engine_id(const TrainingConfig& config);

/// True when the parameters hold the documented test hook {"label":"emulator_outcome","value":"fail"}.
bool requests_failure(const TrainingConfig& config);

}  // namespace modelarts::testing::detail::service
