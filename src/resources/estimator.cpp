// SPDX-License-Identifier: Apache-2.0
#include <modelarts/estimator.hpp>

#include <mutex>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "codecs/decode.hpp"
#include "codecs/json_fields.hpp"
#include "resources/listing.hpp"
#include "resources/local_code.hpp"
#include "resources/request.hpp"
#include "resources/validate.hpp"
#include "detail/create_recovery.hpp"

namespace modelarts {
namespace json = boost::json;
using namespace detail;

/// Spec, engine and model IDs looked up once per Estimator (and its copies).
struct Estimator::Resolved {
  std::mutex mutex;
  std::optional<std::int64_t> spec_id;
  std::optional<std::int64_t> engine_id;
  std::optional<std::int64_t> model_id;
};

namespace {

constexpr std::size_t kMaxJobName = 64;
constexpr std::size_t kMaxConfigName = 64;  // 20 in the SDK doc, 64 in the REST doc (docs/service-quirks.md, V6)
constexpr std::size_t kMaxDescription = 256;
/// The settings a local code directory is named by in errors.
constexpr LocalCodeNames kLocalCode{"code_dir", "boot_file", "obs_path"};

std::int64_t lookup_spec_id(const Session& session, const std::string& spec_code) {
  std::vector<SpecInfo> specs = Estimator::get_train_instance_types(session);
  std::string known;
  for (const SpecInfo& spec : specs) {
    if (spec.spec_code == spec_code) return spec.spec_id;
    known += (known.empty() ? "" : ", ") + spec.spec_code;
  }
  throw_invalid_argument("train_instance_type " + spec_code + " is not a training spec here (known: " + known + ")");
}

std::int64_t lookup_engine_id(const Session& session, const std::string& type, const std::string& version) {
  for (const EngineInfo& engine : Estimator::get_framework_list(session)) {
    if (engine.engine_name == type && (version.empty() || engine.engine_version == version)) return engine.engine_id;
  }
  throw_invalid_argument("framework " + type + (version.empty() ? "" : " " + version) +
                         " is not an available engine (see get_framework_list)");
}

std::int64_t lookup_model_id(const Session& session, const std::string& model_name) {
  for (const AlgorithmInfo& algorithm : Estimator::get_built_in_algorithms(session)) {
    if (algorithm.model_name == model_name) return algorithm.model_id;
  }
  throw_invalid_argument("model_name " + model_name + " is not a built-in algorithm (see get_built_in_algorithms)");
}

void put_inputs(json::object& body, const Inputs& inputs) {
  switch (inputs.kind()) {
    case Inputs::Kind::obs:
      body["data_url"] = inputs.data_url();
      break;
    case Inputs::Kind::dataset:
      body["dataset_id"] = inputs.dataset_id();
      body["dataset_version_id"] = inputs.dataset_version_id();
      break;
    case Inputs::Kind::data_sources: {
      json::array sources;
      for (const DataSource& s : inputs.sources()) {
        json::object item{{"type", s.type}};
        if (!s.data_url.empty()) item["data_url"] = s.data_url;
        if (!s.dataset_id.empty()) item["dataset_id"] = s.dataset_id;
        if (!s.dataset_version.empty()) item["dataset_version"] = s.dataset_version;
        sources.push_back(std::move(item));
      }
      body["data_source"] = std::move(sources);
      break;
    }
    case Inputs::Kind::none:
      break;
  }
}

json::value number_or_text(const std::string& id) {
  std::optional<std::int64_t> n = lenient_int(json::value(id));
  if (n) return json::value(*n);
  return json::value(id);
}

// POST /v1/{project_id}/training-jobs under the create recovery rule: a lost answer followed by "name exists"
// returns the job of that name only if it is the one this call made (same name and description, created since).
TrainingJob job_from_create(const Session& session, const ApiCall& call, const std::string& job_name,
                            const std::string& job_desc) {
  CreateRecovery<JobInfo> recovery;
  recovery.find_by_name = [&] { return find_job_named(session, kTrainingJobList, job_name, decode_job_list); };
  recovery.matches = [&](const JobInfo& found, std::chrono::system_clock::time_point not_before) {
    return found.job_name == job_name && found.job_desc == job_desc && created_at_or_after(found.create_time, not_before);
  };
  const std::function<Result<JobInfo>(const ApiResponse&)> decode = [&](const ApiResponse& response) {
    return decode_created_job(response.json, response.context);
  };
  JobInfo info = create_with_recovery(session, call, decode, recovery).value_or_throw();
  if (info.job_name.empty()) info.job_name = job_name;
  return TrainingJob(session, std::move(info));
}

}  // namespace

Estimator::Estimator(Session session, EstimatorOptions options)
    : session_(std::move(session)), options_(std::move(options)), resolved_(std::make_shared<Resolved>()) {}

namespace {

json::object config_object(const EstimatorOptions& o, const Inputs& inputs, std::int64_t spec_id,
                           std::optional<std::int64_t> engine_id, std::optional<std::int64_t> model_id) {
  json::object config;
  config["worker_server_num"] = o.train_instance_count();
  if (!o.code_dir().empty()) config["app_url"] = o.code_dir();
  if (!o.boot_file().empty()) config["boot_file_url"] = o.boot_file();
  if (model_id) config["model_id"] = *model_id;
  if (engine_id) config["engine_id"] = *engine_id;
  config["spec_id"] = spec_id;
  put_inputs(config, inputs);
  if (!o.hyperparameters().empty()) {
    json::array parameters;
    for (const Parameter& p : o.hyperparameters()) parameters.push_back(json::object{{"label", p.label}, {"value", p.value}});
    config["parameter"] = std::move(parameters);
  }
  config["train_url"] = o.output_path();
  if (!o.log_url().empty()) config["log_url"] = o.log_url();
  if (!o.user_image_url().empty()) config["user_image_url"] = o.user_image_url();
  if (!o.user_command().empty()) config["user_command"] = o.user_command();
  return config;
}

}  // namespace

std::string Estimator::config_json(const Inputs& inputs) const { return config_text(inputs, false); }

std::string Estimator::config_text(const Inputs& inputs, bool upload_code) const {
  check_inputs(inputs);
  const EstimatorOptions& o = options_;
  if (o.train_instance_count() < 1) throw_invalid_argument("train_instance_count must be at least 1");
  if (o.output_path().empty()) throw_invalid_argument("output_path is required");
  if (o.train_instance_type() == "local") {
    throw_invalid_argument("train_instance_type 'local' (local debug training) is not supported by this SDK");
  }
  if (o.train_instance_type().empty() && !o.spec_id()) throw_invalid_argument("train_instance_type is required");
  if (o.code_dir().empty() != o.boot_file().empty() && o.model_name().empty() && !o.model_id()) {
    throw_invalid_argument("code_dir and boot_file go together");
  }
  if (o.framework_type().empty() && !o.framework_version().empty()) {
    throw_invalid_argument("framework_version needs framework_type");
  }
  const bool local_code = !o.obs_path().empty();
  if (local_code) {
    check_local_code(kLocalCode, o.code_dir(), o.boot_file(), o.obs_path());
  } else {
    check_code_dir_is_remote(kLocalCode, o.code_dir());
  }

  std::int64_t spec_id = 0;
  std::optional<std::int64_t> engine_id, model_id;
  {
    std::lock_guard<std::mutex> lock(resolved_->mutex);
    Resolved& r = *resolved_;
    if (!r.spec_id) r.spec_id = o.spec_id() ? *o.spec_id() : lookup_spec_id(session_, o.train_instance_type());
    if (!r.engine_id) {
      if (o.engine_id()) r.engine_id = *o.engine_id();
      else if (!o.framework_type().empty()) r.engine_id = lookup_engine_id(session_, o.framework_type(), o.framework_version());
    }
    if (!r.model_id) {
      if (o.model_id()) r.model_id = *o.model_id();
      else if (!o.model_name().empty()) r.model_id = lookup_model_id(session_, o.model_name());
    }
    spec_id = *r.spec_id;
    engine_id = r.engine_id;
    model_id = r.model_id;
  }
  if (!local_code) return json::serialize(config_object(o, inputs, spec_id, engine_id, model_id));
  // Every check and look-up passed: only now is anything written.
  const StagedCode staged = upload_code
                                ? stage_local_code(session_, o.code_dir(), o.boot_file(), o.obs_path(), o.code_upload())
                                : preview_local_code(o.code_dir(), o.boot_file(), o.obs_path());
  EstimatorOptions sent = o;
  sent.code_dir(v1_obs_path(staged.code_dir)).boot_file(v1_obs_path(staged.boot_file));
  return json::serialize(config_object(sent, inputs, spec_id, engine_id, model_id));
}

TrainingJob Estimator::fit(const Inputs& inputs, bool wait, std::string job_name) const {
  check_inputs(inputs);
  if (job_name.empty()) job_name = generate_name(session_, "job-", kMaxJobName);
  check_name("job_name", job_name, kMaxJobName);
  check_max_length("job_description", options_.job_description(), kMaxDescription);
  json::object body;
  body["job_name"] = job_name;
  if (!options_.job_description().empty()) body["job_desc"] = options_.job_description();
  body["config"] = json::parse(config_text(inputs, true));
  ApiCall call = v1_call(session_, "POST", {"training-jobs"});
  call.body = json::serialize(body);
  TrainingJob job = job_from_create(session_, call, job_name, options_.job_description());
  if (!wait) return job;
  return TrainingJob(session_, job.wait(options_.wait_options()));
}

TrainingJob Estimator::create_job_version(const std::string& job_id, const std::string& pre_version_id,
                                          const Inputs& inputs, bool wait, const std::string& job_desc) const {
  require_id("job_id", job_id);
  require_id("pre_version_id", pre_version_id);
  check_inputs(inputs);
  check_max_length("job_desc", job_desc, kMaxDescription);
  json::object config = json::parse(config_text(inputs, true)).as_object();
  config["pre_version_id"] = number_or_text(pre_version_id);
  json::object body;
  if (!job_desc.empty()) body["job_desc"] = job_desc;
  body["config"] = std::move(config);
  ApiCall call = v1_call(session_, "POST", {"training-jobs", job_id, "versions"});
  call.body = json::serialize(body);
  JobInfo info = call_and_decode(session_, call, decode_created_job);
  if (info.job_id.empty()) info.job_id = job_id;
  TrainingJob job(session_, std::move(info));
  if (!wait) return job;
  return TrainingJob(session_, job.wait(options_.wait_options()));
}

TrainingJobConfig Estimator::create_job_configs(const Inputs& inputs, std::string config_name,
                                                const std::string& config_desc) const {
  check_inputs(inputs);
  if (config_name.empty()) config_name = generate_name(session_, "cfg-", 20);
  check_name("config_name", config_name, kMaxConfigName);
  check_max_length("config_desc", config_desc, kMaxDescription);
  json::object body{{"config_name", config_name}};
  if (!config_desc.empty()) body["config_desc"] = config_desc;
  json::value config = json::parse(config_text(inputs, true));
  for (auto& field : config.as_object()) body[field.key()] = field.value();
  ApiCall call = v1_call(session_, "POST", {"training-job-configs"});
  call.body = json::serialize(body);
  // The reply is only {"is_success": true}: the object holds what was sent.
  ConfigInfo sent = decode_config_info(body, describe(call)).value_or_throw();
  CreateRecovery<ConfigInfo> recovery;
  recovery.find_by_name = [&]() -> Result<std::optional<ConfigInfo>> {
    Result<ApiResponse> got = try_call(session_, v1_call(session_, "GET", {"training-job-configs", config_name}));
    if (!got) {
      const ErrorInfo& e = got.error();
      if (e.category == ErrorCategory::api && (e.api.http_status == 404 || e.api.error_code == "ModelArts.0102")) {
        return std::optional<ConfigInfo>();
      }
      return e;
    }
    auto info = decode_config_info(got.value().json, got.value().context);
    if (!info) return info.error();
    return std::optional(std::move(info.value()));
  };
  recovery.matches = [&](const ConfigInfo& found, std::chrono::system_clock::time_point not_before) {
    return found.config_desc == sent.config_desc && found.app_url == sent.app_url &&
           found.boot_file_url == sent.boot_file_url && found.spec_id == sent.spec_id &&
           found.worker_server_num == sent.worker_server_num && found.data_url == sent.data_url &&
           created_at_or_after(found.create_time, not_before);
  };
  const std::function<Result<ConfigInfo>(const ApiResponse&)> decode = [&](const ApiResponse&) {
    return Result<ConfigInfo>(sent);
  };
  return TrainingJobConfig(session_, create_with_recovery(session_, call, decode, recovery).value_or_throw());
}

void Estimator::update_job_configs(const std::string& config_name, const Inputs& inputs,
                                   const std::string& config_desc) const {
  require_id("config_name", config_name);
  check_inputs(inputs);
  check_max_length("config_desc", config_desc, kMaxDescription);
  json::object body;
  if (!config_desc.empty()) body["config_desc"] = config_desc;
  json::value config = json::parse(config_text(inputs, true));
  for (auto& field : config.as_object()) body[field.key()] = field.value();
  ApiCall call = v1_call(session_, "PUT", {"training-job-configs", config_name});
  call.body = json::serialize(body);
  call_for_status(session_, call);
}

TrainingJobList Estimator::get_job_list(const Session& session, const ListOptions& options) {
  check_list_options(options, kTrainingJobList);
  return list_page(session, kTrainingJobList, options, options.page(), decode_job_list);
}

std::vector<TrainingJob> Estimator::get_job_object_list(const Session& session, const ListOptions& options) {
  return objects_of<TrainingJob>(session, get_job_list(session, options).items);
}

void Estimator::delete_job_by_id(const Session& session, const std::string& job_id) {
  TrainingJob(session, job_id).delete_job();
}

std::vector<SpecInfo> Estimator::get_train_instance_types(const Session& session) {
  ApiCall call = v1_call(session, "GET", {"job", "resource-specs"});
  call.query = {{"job_type", "train"}};
  return call_and_decode(session, call, decode_specs);
}

std::vector<EngineInfo> Estimator::get_framework_list(const Session& session) {
  ApiCall call = v1_call(session, "GET", {"job", "ai-engines"});
  call.query = {{"job_type", "train"}};
  return call_and_decode(session, call, decode_engines);
}

std::vector<AlgorithmInfo> Estimator::get_built_in_algorithms(const Session& session) {
  constexpr int kPerPage = 100;
  std::vector<AlgorithmInfo> all;
  for (int page = 1; page <= 65535; ++page) {
    ApiCall call = v1_call(session, "GET", {"built-in-algorithms"});
    call.query = {{"per_page", std::to_string(kPerPage)}, {"page", std::to_string(page)}};
    AlgorithmPage got = call_and_decode(session, call, decode_algorithms);
    bool last = got.models.empty() || static_cast<std::int64_t>(all.size() + got.models.size()) >= got.model_total_count;
    for (AlgorithmInfo& a : got.models) all.push_back(std::move(a));
    if (last) break;
  }
  return all;
}

ConfigList Estimator::get_job_configs_list(const Session& session, const ListOptions& options) {
  check_list_options(options, kConfigList);
  return list_page(session, kConfigList, options, options.page(), decode_config_list);
}

std::vector<TrainingJobConfig> Estimator::get_job_configs_object_list(const Session& session,
                                                                      const ListOptions& options) {
  return objects_of<TrainingJobConfig>(session, get_job_configs_list(session, options).items);
}

}  // namespace modelarts
