#include "estimator_flags.hpp"

#include <string>
#include <vector>

#include "usage_error.hpp"

namespace modelarts::cli {

namespace {

const char* const kInputHint =
    "give the data as --data-url OBS_PATH, or --dataset-id ID --dataset-version-id VERSION, or --data-source "
    "obs:OBS_PATH / dataset:ID:VERSION (repeatable)";

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

}  // namespace

void add_estimator_flags(po::options_description& options) {
  options.add_options()
      ("instance-type", po::value<std::string>()->value_name("CODE"), "resource spec code, e.g. modelarts.vm.cpu.2u (see 'modelarts spec list')")
      ("instance-count", po::value<int>()->value_name("N"), "number of workers (default 1)")
      ("output-path", po::value<std::string>()->value_name("OBS_PATH"), "training output directory (train_url)")
      ("code-dir", po::value<std::string>()->value_name("OBS_PATH"), "code directory (app_url)")
      ("boot-file", po::value<std::string>()->value_name("OBS_PATH"), "boot script inside the code directory")
      ("algorithm", po::value<std::string>()->value_name("NAME"), "built-in algorithm name instead of code and framework (see 'modelarts algorithm list')")
      ("framework-type", po::value<std::string>()->value_name("NAME"), "engine name, e.g. PyTorch (see 'modelarts engine list')")
      ("framework-version", po::value<std::string>()->value_name("VERSION"), "engine version, e.g. PyTorch-1.0.0-python3.6")
      ("hyperparameter", po::value<std::vector<std::string>>()->composing()->value_name("LABEL=VALUE"), "a training parameter (repeatable)")
      ("log-url", po::value<std::string>()->value_name("OBS_PATH"), "log directory")
      ("image-url", po::value<std::string>()->value_name("SWR_URL"), "custom image")
      ("image-command", po::value<std::string>()->value_name("COMMAND"), "custom image start command")
      ("spec-id", po::value<std::int64_t>()->value_name("ID"), "spec ID (skips the --instance-type look-up)")
      ("engine-id", po::value<std::int64_t>()->value_name("ID"), "engine ID (skips the framework look-up)")
      ("model-id", po::value<std::int64_t>()->value_name("ID"), "built-in algorithm ID (skips the --algorithm look-up)");
}

void add_input_flags(po::options_description& options) {
  options.add_options()
      ("data-url", po::value<std::string>()->value_name("OBS_PATH"), "training data directory")
      ("dataset-id", po::value<std::string>()->value_name("ID"), "dataset (with --dataset-version-id)")
      ("dataset-version-id", po::value<std::string>()->value_name("ID"), "dataset version")
      ("data-source", po::value<std::vector<std::string>>()->composing()->value_name("obs:PATH|dataset:ID:VERSION"),
       "one of several data sources (repeatable)");
}

EstimatorOptions estimator_options_from(const Invocation& invocation) {
  EstimatorOptions options;
  if (auto v = invocation.get<std::string>("instance-type")) options.train_instance_type(*v);
  if (auto v = invocation.get<int>("instance-count")) options.train_instance_count(*v);
  if (auto v = invocation.get<std::string>("output-path")) options.output_path(*v);
  if (auto v = invocation.get<std::string>("code-dir")) options.code_dir(*v);
  if (auto v = invocation.get<std::string>("boot-file")) options.boot_file(*v);
  if (auto v = invocation.get<std::string>("algorithm")) options.model_name(*v);
  if (auto v = invocation.get<std::string>("framework-type")) options.framework_type(*v);
  if (auto v = invocation.get<std::string>("framework-version")) options.framework_version(*v);
  if (auto v = invocation.get<std::string>("log-url")) options.log_url(*v);
  if (auto v = invocation.get<std::string>("image-url")) options.user_image_url(*v);
  if (auto v = invocation.get<std::string>("image-command")) options.user_command(*v);
  if (auto v = invocation.get<std::int64_t>("spec-id")) options.spec_id(*v);
  if (auto v = invocation.get<std::int64_t>("engine-id")) options.engine_id(*v);
  if (auto v = invocation.get<std::int64_t>("model-id")) options.model_id(*v);
  if (auto v = invocation.get<std::vector<std::string>>("hyperparameter")) {
    std::vector<Parameter> parameters;
    for (const auto& text : *v) parameters.push_back(parse_hyperparameter(text));
    options.hyperparameters(std::move(parameters));
  }
  return options;
}

Inputs inputs_from(const Invocation& invocation, bool required) {
  const auto data_url = invocation.get<std::string>("data-url");
  const auto dataset_id = invocation.get<std::string>("dataset-id");
  const auto dataset_version = invocation.get<std::string>("dataset-version-id");
  const auto sources = invocation.get<std::vector<std::string>>("data-source");
  const int forms = (data_url ? 1 : 0) + (dataset_id || dataset_version ? 1 : 0) + (sources ? 1 : 0);
  if (forms > 1) throw UsageError("give only one form of training data", kInputHint);
  if (data_url) return Inputs::obs(*data_url);
  if (dataset_id || dataset_version) {
    if (!dataset_id || !dataset_version)
      throw UsageError("--dataset-id and --dataset-version-id go together", kInputHint);
    return Inputs::dataset(*dataset_id, *dataset_version);
  }
  if (sources) {
    std::vector<DataSource> parsed;
    for (const auto& text : *sources) parsed.push_back(parse_data_source(text));
    return Inputs::data_sources(std::move(parsed));
  }
  if (required) throw UsageError("missing training data", kInputHint);
  return Inputs{};
}

}  // namespace modelarts::cli
