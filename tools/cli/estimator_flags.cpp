// SPDX-License-Identifier: Apache-2.0
#include "estimator_flags.hpp"

#include <string>
#include <utility>
#include <vector>

#include <modelarts/error.hpp>

#include "options.hpp"
#include "usage_error.hpp"

namespace modelarts::cli {

namespace {

const char* const kInputHint =
    "give the data as --data-url OBS_PATH, or --dataset-id ID --dataset-version-id VERSION, or --data-source "
    "obs:OBS_PATH / dataset:ID:VERSION (repeatable)";

/// SDK setting -> CLI flag, for error messages.
const std::vector<std::pair<std::string, std::string>>& flag_names() {
  static const std::vector<std::pair<std::string, std::string>> names = {
      {"train_instance_count", "--instance-count"}, {"train_instance_type", "--instance-type"},
      {"output_path", "--output-path"},             {"code_dir", "--code-dir"},
      {"boot_file", "--boot-file"},                 {"model_name", "--algorithm"},
      {"framework_type", "--framework-type"},       {"framework_version", "--framework-version"},
      {"hyperparameters", "--hyperparameter"},      {"log_url", "--log-url"},
      {"job_description", "--description"},         {"config_desc", "--description"},
      {"job_desc", "--description"},                {"user_image_url", "--image-url"},
      {"user_command", "--image-command"},          {"dataset_version_id", "--dataset-version-id"},
      {"dataset_id", "--dataset-id"},               {"data_url", "--data-url"},
      {"inputs", "the training data"},              {"job_name", "NAME"},
      {"config_name", "NAME"},                      {"filter_id", "--filter-id"},
      {"data_type", "--data-type"},                 {"obs_path", "--obs-path"},
  };
  return names;
}

bool word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

std::string in_cli_terms(std::string message) {
  for (const auto& [setting, flag] : flag_names()) {
    for (std::size_t at = message.find(setting); at != std::string::npos; at = message.find(setting, at + 1)) {
      const std::size_t end = at + setting.size();
      if ((at > 0 && word_char(message[at - 1])) || (end < message.size() && word_char(message[end]))) continue;
      message.replace(at, setting.size(), flag);
    }
  }
  return message;
}

Parameter parse_hyperparameter(const std::string& text) {
  const auto equals = text.find('=');
  if (equals == std::string::npos || equals == 0)
    throw UsageError("bad --hyperparameter '" + text + "'", "write it as LABEL=VALUE, e.g. learning_rate=0.01");
  return Parameter{text.substr(0, equals), text.substr(equals + 1)};
}

DataSource parse_data_source(const std::string& text) {
  if (text.rfind("obs:", 0) == 0) return DataSource{"obs", text.substr(4), {}, {}};
  if (text.rfind("dataset:", 0) == 0) {
    const std::string rest = text.substr(8);
    const auto colon = rest.find(':');
    if (colon != std::string::npos && colon > 0 && colon + 1 < rest.size())
      return DataSource{"dataset", {}, rest.substr(0, colon), rest.substr(colon + 1)};
  }
  throw UsageError("bad --data-source '" + text + "'", kInputHint);
}

template <class Info>
EstimatorOptions common_options_of(const Info& info) {
  EstimatorOptions options;
  if (info.worker_server_num > 0) options.train_instance_count(static_cast<int>(info.worker_server_num));
  if (info.spec_id != 0) options.spec_id(info.spec_id);
  if (info.engine_id != 0) options.engine_id(info.engine_id);
  if (info.model_id != 0) options.model_id(info.model_id);
  options.output_path(info.train_url).code_dir(info.app_url).boot_file(info.boot_file_url).hyperparameters(info.parameter)
      .log_url(info.log_url).user_image_url(info.user_image_url).user_command(info.user_command);
  return options;
}

template <class Info>
Inputs common_inputs_of(const Info& info) {
  if (!info.data_url.empty()) return Inputs::obs(info.data_url);
  if (!info.dataset_id.empty()) return Inputs::dataset(info.dataset_id, info.dataset_version_id);
  if (!info.data_source.empty()) return Inputs::data_sources(info.data_source);
  return Inputs{};
}

}  // namespace

void add_estimator_flags(CLI::App& app) {
  text(app, "instance-type", "CODE", "resource spec code, e.g. modelarts.vm.cpu.2u (see 'modelarts spec list')");
  integer(app, "instance-count", "N", "number of workers (default 1)");
  text(app, "output-path", "OBS_PATH", "training output directory (train_url)");
  text(app, "code-dir", "DIR", "code directory (app_url): /bucket/code/, or a local directory with --obs-path");
  text(app, "boot-file", "PATH", "boot script inside the code directory (relative to a local --code-dir)");
  text(app, "obs-path", "OBS_DIR", "upload the local --code-dir under this folder first (obs://bucket/stage/)");
  text(app, "algorithm", "NAME", "built-in algorithm name instead of code and framework (see 'modelarts algorithm list')");
  text(app, "framework-type", "NAME", "engine name, e.g. PyTorch (see 'modelarts engine list')");
  text(app, "framework-version", "VERSION", "engine version, e.g. PyTorch-1.0.0-python3.6");
  repeated(app, "hyperparameter", "LABEL=VALUE", "a training parameter (repeatable; replaces all of them)");
  text(app, "log-url", "OBS_PATH", "log directory");
  text(app, "image-url", "SWR_URL", "custom image");
  text(app, "image-command", "COMMAND", "custom image start command");
  integer(app, "spec-id", "ID", "spec ID (skips the --instance-type look-up)");
  integer(app, "engine-id", "ID", "engine ID (skips the framework look-up)");
  integer(app, "model-id", "ID", "built-in algorithm ID (skips the --algorithm look-up)");
}

void add_input_flags(CLI::App& app) {
  text(app, "data-url", "OBS_PATH", "training data directory");
  text(app, "dataset-id", "ID", "dataset (with --dataset-version-id)");
  text(app, "dataset-version-id", "ID", "dataset version");
  repeated(app, "data-source", "obs:PATH|dataset:ID:VERSION", "one of several data sources (repeatable)");
}

EstimatorOptions estimator_options_from(const Invocation& invocation, EstimatorOptions options) {
  if (auto v = invocation.get<std::string>("instance-type")) options.train_instance_type(*v).spec_id(std::nullopt);
  if (auto v = invocation.get<int>("instance-count")) options.train_instance_count(*v);
  if (auto v = invocation.get<std::string>("output-path")) options.output_path(*v);
  if (auto v = invocation.get<std::string>("code-dir")) options.code_dir(*v);
  if (auto v = invocation.get<std::string>("boot-file")) options.boot_file(*v);
  if (auto v = invocation.get<std::string>("obs-path")) options.obs_path(*v);
  if (auto v = invocation.get<std::string>("algorithm")) options.model_name(*v).model_id(std::nullopt);
  if (auto v = invocation.get<std::string>("framework-type")) options.framework_type(*v).engine_id(std::nullopt);
  if (auto v = invocation.get<std::string>("framework-version")) options.framework_version(*v).engine_id(std::nullopt);
  if (auto v = invocation.get<std::string>("log-url")) options.log_url(*v);
  if (auto v = invocation.get<std::string>("image-url")) options.user_image_url(*v);
  if (auto v = invocation.get<std::string>("image-command")) options.user_command(*v);
  if (auto v = invocation.get<std::int64_t>("spec-id")) options.spec_id(*v);
  if (auto v = invocation.get<std::int64_t>("engine-id")) options.engine_id(*v);
  if (auto v = invocation.get<std::int64_t>("model-id")) options.model_id(*v);
  if (invocation.has("hyperparameter")) {
    std::vector<Parameter> parameters;
    for (const auto& text : invocation.all("hyperparameter")) parameters.push_back(parse_hyperparameter(text));
    options.hyperparameters(std::move(parameters));
  }
  return options;
}

EstimatorOptions estimator_options_of(const JobInfo& info) { return common_options_of(info); }
EstimatorOptions estimator_options_of(const ConfigInfo& info) { return common_options_of(info); }
Inputs inputs_of(const JobInfo& info) { return common_inputs_of(info); }
Inputs inputs_of(const ConfigInfo& info) { return common_inputs_of(info); }

Inputs inputs_from(const Invocation& invocation, const Inputs& fallback) {
  const auto data_url = invocation.get<std::string>("data-url");
  const auto dataset_id = invocation.get<std::string>("dataset-id");
  const auto dataset_version = invocation.get<std::string>("dataset-version-id");
  const auto sources = invocation.all("data-source");
  const int forms = (data_url ? 1 : 0) + (dataset_id || dataset_version ? 1 : 0) + (sources.empty() ? 0 : 1);
  if (forms > 1) throw UsageError("give only one form of training data", kInputHint);
  if (data_url) return Inputs::obs(*data_url);
  if (dataset_id || dataset_version) {
    if (!dataset_id || !dataset_version)
      throw UsageError("--dataset-id and --dataset-version-id go together", kInputHint);
    return Inputs::dataset(*dataset_id, *dataset_version);
  }
  if (!sources.empty()) {
    std::vector<DataSource> parsed;
    for (const auto& text : sources) parsed.push_back(parse_data_source(text));
    return Inputs::data_sources(std::move(parsed));
  }
  if (fallback.kind() == Inputs::Kind::none) throw UsageError("missing training data", kInputHint);
  return fallback;
}

std::string in_flag_terms(std::string sdk_message) { return in_cli_terms(std::move(sdk_message)); }

}  // namespace modelarts::cli
