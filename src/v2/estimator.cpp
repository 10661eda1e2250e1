// SPDX-License-Identifier: Apache-2.0
// v2::Estimator: the create body from the Python estimatorV2 keywords, checked before anything is sent
// (ModelArts API Reference, "Creating a Training Job"; ModelArts SDK Reference (modelarts.estimatorV2)), and the
// catalogue statics.
#include <modelarts/v2/estimator.hpp>

#include <functional>
#include <optional>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <modelarts/obs.hpp>

#include "resources/local_code.hpp"
#include "resources/request.hpp"
#include "resources/validate.hpp"
#include "detail/create_recovery.hpp"
#include "v2/decode.hpp"
#include "v2/request.hpp"

namespace modelarts::v2 {
namespace json = boost::json;
using modelarts::detail::call_and_decode;
using modelarts::detail::check_max_length;
using modelarts::detail::CreateRecovery;
using modelarts::detail::check_code_dir_is_remote;
using modelarts::detail::check_local_code;
using modelarts::detail::check_name;
using modelarts::detail::generate_name;
using modelarts::detail::preview_local_code;
using modelarts::detail::stage_local_code;
using modelarts::detail::staged_code_at;
using modelarts::detail::StagedCode;
using modelarts::detail::throw_invalid_argument;
using namespace detail;

namespace {

constexpr std::size_t kMaxJobName = 64;
constexpr std::size_t kMaxDescription = 256;
constexpr std::size_t kMaxEnvironments = 100;
/// The settings a local code directory is named by in errors (Python's TrainingFiles fields).
constexpr modelarts::detail::LocalCodeNames kTrainingFiles{"training_files.code_dir", "training_files.boot_file",
                                                           "training_files.obs_path"};

bool is_obs_path(const std::string& path) { return path.rfind("obs://", 0) == 0 || path.rfind("/", 0) == 0; }

std::string as_directory(std::string path) {
  if (!path.empty() && path.back() != '/') path += '/';
  return path;
}

void check_obs_path(const std::string& what, const std::string& path) {
  if (!is_obs_path(path) || path == "obs://" || path == "/") {
    throw_invalid_argument(what + " must be an OBS path (obs://bucket/... or /bucket/...), got \"" +
                           path.substr(0, 64) + '"');
  }
}

void check_environment_name(const std::string& name) {
  bool valid = !name.empty() && !(name[0] >= '0' && name[0] <= '9') && name.size() <= 8192;
  for (char c : name) {
    valid = valid && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
  }
  if (!valid) {
    throw_invalid_argument("environment variable names are letters, digits and _, not starting with a digit "
                           "(at most 8192 characters)");
  }
}

json::object data_item(const std::string& kind, const std::string& name, const std::string& obs_path,
                       const std::string& local_path) {
  check_name((kind + " name").c_str(), name, kMaxJobName);
  check_obs_path(kind + " " + name, obs_path);
  json::object item{{"name", name}, {"remote", json::object{{"obs", json::object{{"obs_url", obs_path}}}}}};
  if (!local_path.empty()) item["local_dir"] = local_path;
  return item;
}

/// algorithm{...} for the one algorithm form the options name.
json::object algorithm_of(const EstimatorOptions& o, const std::vector<InputData>& inputs) {
  const bool preset = !o.framework_type().empty() || !o.framework_version().empty();
  const bool custom = !o.user_image_url().empty() || !o.user_command().empty();
  const bool saved = !o.algorithm_id().empty();
  if (int(preset) + int(custom) + int(saved) != 1) {
    throw_invalid_argument("give exactly one algorithm form: framework_type + framework_version (preset engine), "
                           "user_image_url + user_command (custom image), or algorithm_id");
  }
  json::object algorithm;
  const TrainingFiles& files = o.training_files();
  if (!files.obs_path.empty()) {
    throw_invalid_argument("training_files with obs_path: code_dir is local and fit() uploads it first; the create "
                           "body names the uploaded prefix, known only then");
  }
  if (files.code_dir.empty() != files.boot_file.empty()) {
    throw_invalid_argument("training_files: code_dir and boot_file go together");
  }
  if (!files.code_dir.empty()) {
    if (saved) throw_invalid_argument("algorithm_id brings its own code: leave training_files empty");
    check_code_dir_is_remote(kTrainingFiles, files.code_dir);
    check_obs_path("training_files.code_dir", files.code_dir);
    const std::string code_dir = as_directory(files.code_dir);
    // A relative boot_file is inside code_dir (docs/service-quirks.md, Q24), sent as its key ("./a//b.py" is
    // a/b.py); a full path must be inside code_dir too. Neither may climb out with "..".
    std::string boot_file =
        is_obs_path(files.boot_file) ? files.boot_file : staged_code_at(code_dir, files.boot_file).boot_file;
    if ((boot_file + '/').find("/../") != std::string::npos) {
      throw_invalid_argument("training_files.boot_file must not climb out of code_dir with '..'");
    }
    if (boot_file.rfind(code_dir, 0) != 0 || boot_file.size() == code_dir.size() || boot_file.back() == '/') {
      throw_invalid_argument("training_files.boot_file must be a file inside code_dir " + code_dir.substr(0, 64));
    }
    algorithm["code_dir"] = code_dir;
    algorithm["boot_file"] = boot_file;
  }
  if (preset) {
    if (o.framework_type().empty() || o.framework_version().empty())
      throw_invalid_argument("framework_type and framework_version go together (see get_framework_list)");
    if (files.code_dir.empty()) throw_invalid_argument("a preset engine needs training_files (code_dir, boot_file)");
    algorithm["engine"] = json::object{{"engine_name", o.framework_type()}, {"engine_version", o.framework_version()}};
  }
  if (custom) {
    if (o.user_image_url().empty() || o.user_command().empty())
      throw_invalid_argument("user_image_url and user_command go together (a custom image needs both)");
    algorithm["engine"] = json::object{{"image_url", o.user_image_url()}};
    algorithm["command"] = o.user_command();
  }
  if (saved) algorithm["id"] = o.algorithm_id();

  if (!o.parameters().empty()) {
    json::array parameters;
    for (const Parameter& p : o.parameters()) {
      check_name("parameter name", p.name, kMaxJobName);
      json::object item{{"name", p.name}};
      if (!p.value.empty()) item["value"] = p.value;
      parameters.push_back(std::move(item));
    }
    algorithm["parameters"] = std::move(parameters);
  }
  if (!inputs.empty()) {
    json::array items;
    for (const InputData& in : inputs) items.push_back(data_item("input", in.name, in.obs_path, in.local_path));
    algorithm["inputs"] = std::move(items);
  }
  if (!o.outputs().empty()) {
    json::array items;
    for (const OutputData& out : o.outputs()) items.push_back(data_item("output", out.name, out.obs_path, out.local_path));
    algorithm["outputs"] = std::move(items);
  }
  if (!o.env_variables().empty()) {
    if (o.env_variables().size() > kMaxEnvironments) throw_invalid_argument("at most 100 environment variables");
    json::object environments;
    for (const auto& [name, value] : o.env_variables()) {
      check_environment_name(name);
      check_max_length("environment variable value", value, 4096);
      environments[name] = value;
    }
    algorithm["environments"] = std::move(environments);
  }
  if (!o.working_dir().empty()) algorithm["working_dir"] = o.working_dir();
  return algorithm;
}

json::object spec_of(const EstimatorOptions& o) {
  if (o.train_instance_type().empty()) throw_invalid_argument("train_instance_type is required (see get_train_instance_types)");
  if (o.train_instance_count() < 1) throw_invalid_argument("train_instance_count must be at least 1");
  json::object resource{{"flavor_id", o.train_instance_type()}, {"node_count", o.train_instance_count()}};
  if (!o.pool_id().empty()) resource["pool_id"] = o.pool_id();
  json::object spec{{"resource", std::move(resource)}};
  if (!o.log_url().empty()) {
    check_obs_path("log_url", o.log_url());
    spec["log_export_path"] = json::object{{"obs_url", as_directory(o.log_url())}};
  }
  return spec;
}

// The string at `key` of `object` (empty when absent or not a string).
std::string text_at(const json::object* object, const char* key) {
  if (object == nullptr) return {};
  const json::value* value = object->if_contains(key);
  return value != nullptr && value->is_string() ? std::string(value->get_string()) : std::string();
}

const json::object* object_at(const json::object* object, const char* key) {
  if (object == nullptr) return nullptr;
  const json::value* value = object->if_contains(key);
  return value != nullptr ? value->if_object() : nullptr;
}

// Whether `found` is the job the create body `sent` asks for: the same name and description, and every
// algorithm and resource field the body sets (a job someone else made under the name differs in one of them).
bool is_job_sent(const json::object& sent, const TrainingJobInfo& found) {
  const json::object* metadata = object_at(&sent, "metadata");
  if (found.metadata.name != text_at(metadata, "name") ||
      found.metadata.description != text_at(metadata, "description"))
    return false;
  const auto same = [](const std::string& wanted, const std::string& got) { return wanted.empty() || wanted == got; };
  const json::object* algorithm = object_at(&sent, "algorithm");
  const json::object* engine = object_at(algorithm, "engine");
  const Algorithm& a = found.algorithm;
  if (!same(text_at(algorithm, "id"), a.id) || !same(text_at(algorithm, "code_dir"), a.code_dir) ||
      !same(text_at(algorithm, "boot_file"), a.boot_file) || !same(text_at(algorithm, "command"), a.command) ||
      !same(text_at(engine, "engine_name"), a.engine.engine_name) ||
      !same(text_at(engine, "engine_version"), a.engine.engine_version) ||
      !same(text_at(engine, "image_url"), a.engine.image_url))
    return false;
  const json::object* resource = object_at(object_at(&sent, "spec"), "resource");
  if (!same(text_at(resource, "flavor_id"), found.spec.flavor_id) || !same(text_at(resource, "pool_id"), found.spec.pool_id))
    return false;
  const json::value* nodes = resource != nullptr ? resource->if_contains("node_count") : nullptr;
  return nodes == nullptr || !nodes->is_int64() || nodes->get_int64() == found.spec.node_count;
}

// The newest job named exactly `name`: POST /v2/{pid}/training-job-searches with a name filter (`like`, as the
// API's example; the exact name is picked here), newest first.
Result<std::optional<TrainingJobInfo>> find_job_named(const Session& session, const std::string& name) {
  json::object body{{"offset", 0}, {"limit", 50}, {"sort_by", "create_time"}, {"order", "desc"}};
  body["filters"] = json::array{json::object{{"key", "name"}, {"operator", "like"}, {"value", json::array{name}}}};
  ApiCall call = v2_call(session, "POST", {"training-job-searches"});
  call.body = json::serialize(body);
  call.resendable = true;  // a search changes nothing
  Result<ApiResponse> response = modelarts::detail::try_call(session, call);
  if (!response) return response.error();
  Result<TrainingJobList> list = decode_job_list(response.value().json, response.value().context);
  if (!list) return list.error();
  for (TrainingJobInfo& job : list.value().items) {
    if (job.metadata.name == name) return std::optional<TrainingJobInfo>(std::move(job));
  }
  return std::optional<TrainingJobInfo>();
}

/// The options with training_files naming the code where it was (or would be) uploaded.
EstimatorOptions with_code_on_obs(EstimatorOptions options, const StagedCode& code) {
  options.training_files(TrainingFiles{code.code_dir, code.boot_file, ""});
  return options;
}

}  // namespace

Estimator::Estimator(Session session, EstimatorOptions options)
    : session_(std::move(session)), options_(std::move(options)) {}

std::string Estimator::create_body(const std::vector<InputData>& inputs, const std::string& job_name) const {
  const TrainingFiles& files = options_.training_files();
  if (!files.obs_path.empty()) {  // a dry run: the body fit() would send, naming where the upload would go
    check_local_code(kTrainingFiles, files.code_dir, files.boot_file, files.obs_path);
    return Estimator(session_, with_code_on_obs(options_, preview_local_code(files.code_dir, files.boot_file,
                                                                             files.obs_path)))
        .create_body(inputs, job_name);
  }
  check_name("job_name", job_name, kMaxJobName);
  check_max_length("job_description", options_.job_description(), kMaxDescription);
  json::object metadata{{"name", job_name}};
  if (!options_.job_description().empty()) metadata["description"] = options_.job_description();
  json::object body{{"kind", "job"}, {"metadata", std::move(metadata)}};
  body["algorithm"] = algorithm_of(options_, inputs);
  body["spec"] = spec_of(options_);
  return json::serialize(body);
}

TrainingJob Estimator::fit(const std::vector<InputData>& inputs, bool wait, std::string job_name) const {
  if (job_name.empty()) job_name = generate_name(session_, "job-", kMaxJobName);
  const TrainingFiles& files = options_.training_files();
  std::string body;
  if (files.obs_path.empty()) {
    body = create_body(inputs, job_name);
  } else {
    // A local code_dir: every check first (the local tree, then the body with a stand-in prefix), then the
    // upload into a content-addressed prefix under obs_path (a retried fit re-uses it), then the create.
    check_local_code(kTrainingFiles, files.code_dir, files.boot_file, files.obs_path);
    const std::string stand_in = as_directory(obs::ObsPath::parse(files.obs_path).url()) + "code/";
    Estimator(session_, with_code_on_obs(options_, staged_code_at(stand_in, files.boot_file)))
        .create_body(inputs, job_name);
    const StagedCode staged =
        stage_local_code(session_, files.code_dir, files.boot_file, files.obs_path, options_.code_upload());
    body = Estimator(session_, with_code_on_obs(options_, staged)).create_body(inputs, job_name);
  }
  TrainingJob job(session_, create_job(session_, body));
  if (!wait) return job;
  return TrainingJob(session_, job.wait(options_.wait_options()));
}

TrainingJobInfo Estimator::create_job(const Session& session, const std::string& body) {
  boost::system::error_code ec;
  json::value parsed = json::parse(body, ec);
  const json::object* sent = ec ? nullptr : parsed.if_object();
  if (sent == nullptr) throw_invalid_argument("a v2 create body is a JSON object");
  const std::string name = text_at(object_at(sent, "metadata"), "name");
  if (name.empty()) throw_invalid_argument("a v2 create body needs metadata.name (the name proves a lost create)");
  ApiCall call = v2_call(session, "POST", {"training-jobs"});
  call.body = body;
  // v2 has no client token: a create resent after a lost answer meets 2751 (name taken), and only a job of
  // that name with the fields sent, created since the first attempt, is ours (create_recovery.hpp).
  CreateRecovery<TrainingJobInfo> recovery;
  recovery.find_by_name = [&] { return find_job_named(session, name); };
  recovery.matches = [&](const TrainingJobInfo& found, std::chrono::system_clock::time_point not_before) {
    return is_job_sent(*sent, found) && modelarts::detail::created_at_or_after(found.metadata.create_time, not_before);
  };
  recovery.name_taken = [](const ErrorInfo& error) { return has_code(error, kDuplicateName); };
  const std::function<Result<TrainingJobInfo>(const ApiResponse&)> decode = [](const ApiResponse& response) {
    return decode_job(response.json, response.context);
  };
  return modelarts::detail::create_with_recovery(session, call, decode, recovery).value_or_throw();
}

TrainingJobList Estimator::get_job_list(const Session& session, const SearchOptions& options) {
  return TrainingJob::get_job_list(session, options);
}

void Estimator::delete_job_by_id(const Session& session, const std::string& job_id) {
  TrainingJob::delete_job_by_id(session, job_id);
}

TrainingJobInfo Estimator::control_job_by_id(const Session& session, const std::string& job_id) {
  return TrainingJob::control_job_by_id(session, job_id);
}

std::vector<FlavorInfo> Estimator::get_train_instance_types(const Session& session, const std::string& flavor_type) {
  if (!flavor_type.empty() && flavor_type != "CPU" && flavor_type != "GPU" && flavor_type != "Ascend")
    throw_invalid_argument("flavor_type must be CPU, GPU or Ascend");
  ApiCall call = v2_call(session, "GET", {"training-job-flavors"});
  if (!flavor_type.empty()) call.query.emplace_back("flavor_type", flavor_type);
  return call_and_decode(session, call, decode_flavors);
}

std::vector<EngineInfo> Estimator::get_framework_list(const Session& session) {
  return call_and_decode(session, v2_call(session, "GET", {"training-job-engines"}), decode_engines);
}

}  // namespace modelarts::v2
