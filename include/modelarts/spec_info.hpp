// SPDX-License-Identifier: Apache-2.0
// Resource specs, AI engines and built-in algorithms (ModelArts API Reference, "Resource and Engine Specifications"):
// the look-ups that turn train_instance_type, framework_type/framework_version and model_name into spec_id, engine_id
// and model_id.
#pragma once

#include <cstdint>
#include <string>

namespace modelarts {

struct SpecInfo {
  std::int64_t spec_id = 0;
  std::string spec_code;   ///< e.g. "modelarts.vm.cpu.2u" (Python train_instance_type)
  std::string core;
  std::string cpu;
  std::int64_t gpu_num = 0;
  std::string gpu_type;
  std::int64_t max_num = 0;
  std::int64_t unit_num = 0;
  std::string storage;
  std::int64_t interface_type = 0;
  bool no_resource = false;
  std::string raw_json;
};

struct EngineInfo {
  std::int64_t engine_type = 0;
  std::int64_t engine_id = 0;
  std::string engine_name;     ///< Python framework_type, e.g. "PyTorch"
  std::string engine_version;  ///< Python framework_version, e.g. "PyTorch-1.0.0-python3.6"
  std::string raw_json;

  const std::string& framework_type() const noexcept { return engine_name; }
  const std::string& framework_version() const noexcept { return engine_version; }
};

struct AlgorithmInfo {
  std::int64_t model_id = 0;
  std::string model_name;
  std::int64_t model_usage = 0;  ///< 1 image classification, 2 detection, 3 segmentation, 4 NLP, 5 graph embedding
  std::string model_precision;
  std::string model_size;
  std::string model_train_dataset;
  std::string model_dataset_format;
  std::string model_description_url;
  std::string parameter;         ///< JSON text as sent (its shape is undocumented)
  std::int64_t create_time = 0;
  std::int64_t engine_id = 0;
  std::string engine_name;
  std::string engine_version;
  std::string raw_json;
};

}  // namespace modelarts
