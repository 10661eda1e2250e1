// SPDX-License-Identifier: Apache-2.0
// The fixed catalogs behind spec_id, engine_id and model_id: resource specs, AI engines and built-in
// algorithms, shaped like the real service's (spec 2 is modelarts.vm.cpu.2u as in the reference example).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace modelarts::testing::detail::service {

struct ResourceSpec {
  std::int64_t spec_id;
  std::string spec_code;
  std::string core;
  std::string cpu;
  int gpu_num;
  std::string gpu_type;
  int max_num;
  std::string storage;
};

struct AiEngine {
  std::int64_t engine_id;
  int engine_type;
  std::string engine_name;
  std::string engine_version;
};

struct BuiltInAlgorithm {
  std::int64_t model_id;
  std::string model_name;
  int model_usage;  ///< 1 image classification, 2 detection, 3 segmentation, 4 NLP, 5 graph embedding
  std::string model_precision;
  std::int64_t model_size;
  std::string model_train_dataset;
  std::string model_dataset_format;
  std::int64_t engine_id;
  std::int64_t create_time;
};

const std::vector<ResourceSpec>& resource_specs();
const std::vector<AiEngine>& ai_engines();
const std::vector<BuiltInAlgorithm>& built_in_algorithms();

const ResourceSpec* find_spec(std::int64_t spec_id);
const AiEngine* find_engine(std::int64_t engine_id);
const BuiltInAlgorithm* find_algorithm(std::int64_t model_id);

}  // namespace modelarts::testing::detail::service
