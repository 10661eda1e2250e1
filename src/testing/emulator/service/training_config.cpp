// SPDX-License-Identifier: Apache-2.0
#include "training_config.hpp"

#include "catalog.hpp"

namespace modelarts::testing::detail::service {

namespace {
constexpr std::size_t kUrlMax = 1024;
constexpr std::int64_t kLongMax = 9'000'000'000'000'000'000;

void read_data_source(const json::array& items, FieldReader& reader) {
  if (items.empty()) reader.fail(invalid_argument("Invalid parameter: data_source must not be empty"));
  for (const auto& item : items) {
    if (!item.is_object()) {
      reader.fail(invalid_argument("Invalid parameter: data_source items must be objects"));
      return;
    }
    FieldReader inner(item.as_object(), "data_source[].");
    auto type = inner.string("type", true);
    if (type && *type == "obs") {
      inner.string("data_url", true, kUrlMax);
    } else if (type && *type == "dataset") {
      inner.string("dataset_id", true, 64);
      inner.string("dataset_version", true, 64);
    } else if (type) {
      inner.fail(invalid_argument("Invalid parameter: data_source[].type must be obs or dataset"));
    }
    inner.reject_unknown({"type", "data_url", "dataset_id", "dataset_version", "dataset_version_id"});
    if (!inner.ok()) {
      reader.fail(inner.failure());
      return;
    }
  }
}

std::vector<Hyperparameter> read_parameters(const json::array& items, FieldReader& reader) {
  std::vector<Hyperparameter> out;
  for (const auto& item : items) {
    if (!item.is_object()) {
      reader.fail(invalid_argument("Invalid parameter: parameter items must be objects"));
      return out;
    }
    FieldReader inner(item.as_object(), reader.name("parameter[]."));
    auto label = inner.string("label", true, 256);
    auto value = inner.string("value", false, 2048);
    inner.reject_unknown({"label", "value"});
    if (!inner.ok()) {
      reader.fail(inner.failure());
      return out;
    }
    out.push_back({*label, value.value_or("")});
  }
  return out;
}
}  // namespace

TrainingConfig read_training_config(FieldReader& reader, ConfigUse use,
                                    const std::vector<std::string_view>& extra_keys) {
  std::vector<std::string_view> allowed = {
      "worker_server_num", "app_url",        "boot_file_url",      "model_id",    "engine_id",      "spec_id",
      "data_url",          "dataset_id",     "dataset_version_id", "data_source", "parameter",      "train_url",
      "log_url",           "user_image_url", "user_command",       "pool_id",     "nas_mount_path", "nas_share_addr",
      "nas_type"};
  if (use != ConfigUse::preset) allowed.insert(allowed.end(), {"create_version", "volumes"});
  if (use == ConfigUse::version) allowed.push_back("pre_version_id");
  allowed.insert(allowed.end(), extra_keys.begin(), extra_keys.end());
  reader.reject_unknown(allowed);

  TrainingConfig config;
  config.worker_server_num = reader.integer("worker_server_num", true, 1, 1000).value_or(1);
  config.spec_id = reader.integer("spec_id", true, 1, kLongMax).value_or(0);
  config.model_id = reader.integer("model_id", false, 1, kLongMax).value_or(0);
  const bool has_engine = reader.has("engine_id");
  config.engine_id = reader.integer("engine_id", false, 1, kLongMax).value_or(1);
  auto app_url = reader.string("app_url", false, kUrlMax);
  auto boot_file_url = reader.string("boot_file_url", false, kUrlMax);
  config.app_url = app_url.value_or("");
  config.boot_file_url = boot_file_url.value_or("");
  config.data_url = reader.string("data_url", false, kUrlMax).value_or("");
  config.dataset_id = reader.string("dataset_id", false, 64).value_or("");
  config.dataset_version_id = reader.string("dataset_version_id", false, 64).value_or("");
  if (const json::array* sources = reader.array("data_source", false)) {
    read_data_source(*sources, reader);
    config.data_source = *sources;
  }
  if (const json::array* parameters = reader.array("parameter", false))
    config.parameter = read_parameters(*parameters, reader);
  config.train_url = reader.string("train_url", false, kUrlMax).value_or("");
  config.log_url = reader.string("log_url", false, kUrlMax).value_or("");
  config.user_image_url = reader.string("user_image_url", false, kUrlMax).value_or("");
  config.user_command = reader.string("user_command", false, 4096).value_or("");
  config.pool_id = reader.string("pool_id", false, 64).value_or("");
  reader.string("nas_mount_path", false, kUrlMax);
  reader.string("nas_share_addr", false, kUrlMax);
  reader.string("nas_type", false, 64);
  if (use != ConfigUse::preset) {
    config.create_version = reader.boolean("create_version", false).value_or(true);
    if (const json::array* volumes = reader.array("volumes", false)) config.volumes = *volumes;
  }
  if (use == ConfigUse::version)
    config.pre_version_id = reader.integer("pre_version_id", true, 1, kLongMax).value_or(0);
  if (!reader.ok()) return config;

  // Cross-field rules.
  const ResourceSpec* spec = find_spec(config.spec_id);
  if (!spec) {
    reader.fail(
        invalid_argument("Invalid parameter: spec_id " + std::to_string(config.spec_id) + " is not a resource spec"));
  } else if (config.worker_server_num > spec->max_num) {
    reader.fail(invalid_argument("Invalid parameter: worker_server_num should be in [1," +
                                 std::to_string(spec->max_num) + "] for " + spec->spec_code));
  }
  if (config.model_id != 0 && !find_algorithm(config.model_id))
    reader.fail(invalid_argument("Invalid parameter: model_id " + std::to_string(config.model_id) +
                                 " is not a built-in algorithm"));
  if (config.model_id != 0 && (has_engine || app_url || boot_file_url))
    reader.fail(invalid_argument("Invalid parameter: model_id replaces app_url, boot_file_url and engine_id"));
  if (config.model_id == 0 && !find_engine(config.engine_id))
    reader.fail(
        invalid_argument("Invalid parameter: engine_id " + std::to_string(config.engine_id) + " is not an AI engine"));
  if (app_url.has_value() != boot_file_url.has_value())
    reader.fail(invalid_argument("Invalid parameter: app_url and boot_file_url must be given together"));
  if (config.model_id == 0 && !app_url && config.user_image_url.empty())
    reader.fail(
        invalid_argument("Missing required parameter: app_url and boot_file_url (or model_id, or "
                         "user_image_url)"));
  const bool has_dataset = !config.dataset_id.empty() || !config.dataset_version_id.empty();
  if (has_dataset && (config.dataset_id.empty() || config.dataset_version_id.empty()))
    reader.fail(invalid_argument("Invalid parameter: dataset_id and dataset_version_id must be given together"));
  const int sources = (config.data_url.empty() ? 0 : 1) + (has_dataset ? 1 : 0) + (config.data_source.empty() ? 0 : 1);
  if (sources != 1)
    reader.fail(
        invalid_argument("Invalid parameter: exactly one of data_url, dataset_id+dataset_version_id "
                         "or data_source is required"));
  return config;
}

json::object training_config_request(const TrainingConfig& config, ConfigUse use) {
  json::object out;
  out["worker_server_num"] = config.worker_server_num;
  out["spec_id"] = config.spec_id;
  if (config.model_id != 0) {
    out["model_id"] = config.model_id;
  } else {
    out["engine_id"] = config.engine_id;
  }
  if (!config.app_url.empty() || !config.boot_file_url.empty()) {
    out["app_url"] = config.app_url;
    out["boot_file_url"] = config.boot_file_url;
  }
  if (!config.data_url.empty()) out["data_url"] = config.data_url;
  if (!config.dataset_id.empty()) out["dataset_id"] = config.dataset_id;
  if (!config.dataset_version_id.empty()) out["dataset_version_id"] = config.dataset_version_id;
  if (!config.data_source.empty()) out["data_source"] = config.data_source;
  json::array parameters;
  for (const auto& p : config.parameter) parameters.push_back(json::object{{"label", p.label}, {"value", p.value}});
  out["parameter"] = std::move(parameters);
  out["train_url"] = config.train_url;
  out["log_url"] = config.log_url;
  out["user_image_url"] = config.user_image_url;
  out["user_command"] = config.user_command;
  out["pool_id"] = config.pool_id;
  if (use != ConfigUse::preset) {
    out["create_version"] = config.create_version;
    out["volumes"] = config.volumes;
  }
  if (use == ConfigUse::version) out["pre_version_id"] = config.pre_version_id;
  return out;
}

std::int64_t effective_engine_id(const TrainingConfig& config) {
  if (config.model_id != 0)
    if (const BuiltInAlgorithm* model = find_algorithm(config.model_id)) return model->engine_id;
  return config.engine_id;
}

void append_config_detail(json::object& out, const TrainingConfig& config) {
  const AiEngine* engine = find_engine(effective_engine_id(config));
  const ResourceSpec* spec = find_spec(config.spec_id);
  out["engine_type"] = engine ? engine->engine_type : 0;
  out["engine_name"] = engine ? engine->engine_name : "";
  out["engine_id"] = effective_engine_id(config);
  out["engine_version"] = engine ? engine->engine_version : "";
  out["app_url"] = config.app_url;
  out["boot_file_url"] = config.boot_file_url;
  json::array parameters;
  for (const auto& p : config.parameter) parameters.push_back(json::object{{"label", p.label}, {"value", p.value}});
  out["parameter"] = std::move(parameters);
  out["spec_id"] = config.spec_id;
  out["spec_code"] = spec ? spec->spec_code : "";
  out["core"] = spec ? spec->core : "";
  out["cpu"] = spec ? spec->cpu : "";
  out["gpu_num"] = spec ? spec->gpu_num : 0;
  out["gpu_type"] = spec ? spec->gpu_type : "";
  out["worker_server_num"] = config.worker_server_num;
  out["data_url"] = config.data_url;
  out["train_url"] = config.train_url;
  out["log_url"] = config.log_url;
  out["dataset_id"] = config.dataset_id;
  out["dataset_version_id"] = config.dataset_version_id;
  out["dataset_name"] = config.dataset_id.empty() ? "" : "dataset-" + config.dataset_id.substr(0, 8);
  out["dataset_version_name"] = config.dataset_version_id.empty() ? "" : "V001";
  out["data_source"] = config.data_source;
  if (config.model_id != 0) {
    out["model_id"] = config.model_id;
  } else {
    out["model_id"] = nullptr;
  }
  out["user_image_url"] = config.user_image_url;
  out["user_command"] = config.user_command;
  out["pool_id"] = config.pool_id;
  out["pool_name"] = config.pool_id.empty() ? "" : "pool-" + config.pool_id;
  out["volumes"] = config.volumes;
  out["nas_mount_path"] = "";
  out["nas_share_addr"] = "";
  out["nas_type"] = "efs";
}

bool requests_failure(const TrainingConfig& config) {
  for (const auto& p : config.parameter)
    if (p.label == "emulator_outcome" && p.value == "fail") return true;
  return false;
}

}  // namespace modelarts::testing::detail::service
