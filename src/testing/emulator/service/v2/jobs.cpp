// SPDX-License-Identifier: Apache-2.0
// Create, search, get, update, delete and terminate (ModelArts API Reference, "Training Management";
// docs/service-quirks.md, Q1-Q4, Q6, Q18-Q21).
#include <algorithm>
#include <optional>
#include <variant>

#include "testing/emulator/service/reply.hpp"
#include "catalog.hpp"
#include "handlers.hpp"
#include "job_object.hpp"
#include "obs_link.hpp"
#include "reply.hpp"

namespace modelarts::testing::detail::service::v2 {
namespace {

constexpr std::size_t kQuota = 1000;

std::optional<json::object> parse_object(const std::string& body, std::optional<Failure>& failure) {
  boost::system::error_code ec;
  json::value parsed = json::parse(body, ec);
  if (ec || !parsed.is_object()) {
    failure = Failure{"ModelArts.2787", "Invalid JSON: the request body must be one JSON object."};
    return std::nullopt;
  }
  return std::move(parsed.as_object());
}

bool is_name(const std::string& name, std::size_t max_length) {
  if (name.empty() || name.size() > max_length) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

bool is_obs_path(const std::string& path) {
  return (path.rfind("obs://", 0) == 0 && path.size() > 6) || (path.size() > 1 && path[0] == '/');
}

/// Reads a request object's fields, remembering the first problem.
class Check {
 public:
  const json::object* object(const json::object& parent, const char* key, const std::string& name, bool required) {
    const json::value* v = parent.if_contains(key);
    if (v == nullptr || v->is_null()) {
      if (required) fail(invalid_param(name + " is required"));
      return nullptr;
    }
    if (!v->is_object()) fail(invalid_param(name + " must be an object"));
    return v->if_object();
  }
  const json::array* array(const json::object& parent, const char* key, const std::string& name) {
    const json::value* v = parent.if_contains(key);
    if (v == nullptr || v->is_null()) return nullptr;
    if (!v->is_array()) fail(invalid_param(name + " must be an array"));
    return v->if_array();
  }
  std::string text(const json::object& parent, const char* key, const std::string& name, bool required,
                   std::size_t max_length = 4096) {
    const json::value* v = parent.if_contains(key);
    if (v == nullptr || v->is_null()) {
      if (required) fail(invalid_param(name + " is required"));
      return {};
    }
    if (!v->is_string() || v->as_string().size() > max_length) {
      fail(invalid_param(name + " must be a string of at most " + std::to_string(max_length) + " characters"));
      return {};
    }
    return std::string(v->as_string());
  }
  void obs_path(const std::string& path, const std::string& name) {
    if (!is_obs_path(path))
      fail(Failure{"ModelArts.2791", "Invalid OBS path, reason: " + name + " is not obs://bucket/... or /bucket/..."});
  }
  void fail(Failure failure) {
    if (!failure_) failure_ = std::move(failure);
  }
  const std::optional<Failure>& failure() const { return failure_; }

 private:
  std::optional<Failure> failure_;
};

std::string new_uuid(std::mt19937_64& random) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  std::uint64_t bits = random();
  for (int i = 0; i < 32; ++i) {
    if (i == 16) bits = random();
    if (i == 8 || i == 12 || i == 16 || i == 20) id += '-';
    char c = kHex[bits & 0xFU];
    if (i == 12) c = '4';  // version 4
    id += c;
    bits >>= 4;
  }
  return id;
}

Outcome outcome_of(const json::object& algorithm) {
  std::string value;
  // Called on a checked algorithm; still read defensively (a null value is allowed there).
  auto text = [](const json::value* v) { return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string(); };
  if (const json::value* parameters = algorithm.if_contains("parameters"); parameters && parameters->is_array())
    for (const json::value& p : parameters->as_array())
      if (p.is_object() && text(p.as_object().if_contains("name")) == "emulator_outcome")
        value = text(p.as_object().if_contains("value"));
  if (const json::value* environments = algorithm.if_contains("environments"); environments && environments->is_object())
    if (const json::value* v = environments->as_object().if_contains("EMULATOR_OUTCOME")) value = text(v);
  if (value == "fail") return Outcome::fail;
  if (value == "abnormal") return Outcome::abnormal;
  if (value == "hang") return Outcome::hang;
  return Outcome::complete;
}

/// Checks one inputs[]/outputs[] item and fills the default local_dir.
void check_data(Check& check, json::object& item, const std::string& name, const char* kind, bool inputs) {
  const std::string data_name = check.text(item, "name", name + ".name", true, 64);
  if (!data_name.empty() && !is_name(data_name, 64)) check.fail(invalid_param(name + ".name: 1-64 of A-Z a-z 0-9 _ -"));
  const json::object* remote = check.object(item, "remote", name + ".remote", true);
  if (remote == nullptr) return;
  const json::object* obs = check.object(*remote, "obs", name + ".remote.obs", false);
  const json::object* dataset = inputs ? check.object(*remote, "dataset", name + ".remote.dataset", false) : nullptr;
  if (obs != nullptr) {
    check.obs_path(check.text(*obs, "obs_url", name + ".remote.obs.obs_url", true), name + ".remote.obs.obs_url");
  } else if (dataset != nullptr) {
    check.text(*dataset, "id", name + ".remote.dataset.id", true);
    check.text(*dataset, "version_id", name + ".remote.dataset.version_id", true);
  } else {
    check.fail(invalid_param(name + ".remote needs obs" + std::string(inputs ? " or dataset" : "")));
  }
  if (!item.contains("local_dir") || item.at("local_dir").is_null())
    item["local_dir"] = std::string("/home/ma-user/modelarts/") + kind + "/" + data_name + "_0";
  if (!inputs) {
    if (!item.contains("mode")) item["mode"] = "upload_periodically";
    if (!item.contains("period")) item["period"] = "30s";
  }
}

/// Checks algorithm{} (exactly one form, ModelArts API Reference, "Creating a Training Job") and fills in the engine's
/// catalogue fields.
void check_algorithm(Check& check, json::object& algorithm) {
  const bool saved = algorithm.contains("id") && !algorithm.at("id").is_null();
  const bool subscription = algorithm.contains("subscription_id") && !algorithm.at("subscription_id").is_null();
  if (saved) check.text(algorithm, "id", "algorithm.id", true, 64);
  if (subscription) {
    check.text(algorithm, "subscription_id", "algorithm.subscription_id", true, 64);
    check.text(algorithm, "item_version_id", "algorithm.item_version_id", true, 64);
  }
  const json::object* engine = check.object(algorithm, "engine", "algorithm.engine", false);
  if (int(saved) + int(subscription) + int(engine != nullptr) != 1) {
    check.fail(invalid_param("algorithm needs exactly one of id, subscription_id + item_version_id, or engine"));
    return;
  }
  const std::string code_dir = check.text(algorithm, "code_dir", "algorithm.code_dir", false);
  const std::string boot_file = check.text(algorithm, "boot_file", "algorithm.boot_file", false);
  const std::string command = check.text(algorithm, "command", "algorithm.command", false, 8192);
  if (code_dir.empty() != boot_file.empty())
    check.fail(invalid_param("algorithm.code_dir and algorithm.boot_file go together"));
  if (!code_dir.empty()) {
    check.obs_path(code_dir, "algorithm.code_dir");
    if (boot_file.rfind(code_dir, 0) != 0 || boot_file.size() == code_dir.size())
      check.fail(Failure{"ModelArts.2758", "Boot file error: algorithm.boot_file must be a file inside algorithm.code_dir."});
  }
  if (engine != nullptr) {
    const std::string image_url = check.text(*engine, "image_url", "algorithm.engine.image_url", false, 1024);
    const std::string engine_id = check.text(*engine, "engine_id", "algorithm.engine.engine_id", false, 256);
    const std::string name = check.text(*engine, "engine_name", "algorithm.engine.engine_name", false, 256);
    const std::string version = check.text(*engine, "engine_version", "algorithm.engine.engine_version", false, 256);
    if (!image_url.empty() && engine_id.empty() && name.empty()) {
      if (command.empty())
        check.fail(Failure{"ModelArts.2806", "A custom-image job needs algorithm.command and algorithm.engine.image_url."});
    } else if (!engine_id.empty() || (!name.empty() && !version.empty())) {
      const json::object* known = find_engine(engine_id, name, version);
      if (known == nullptr) {
        check.fail(Failure{"ModelArts.2780", "Engine not found: " + printable(engine_id.empty() ? name + " " + version : engine_id)});
      } else if (code_dir.empty() && image_url.empty()) {
        check.fail(invalid_param("a preset engine needs algorithm.code_dir and algorithm.boot_file"));
      } else if (!check.failure()) {
        json::object filled = *known;
        filled.erase("image_info");
        if (!image_url.empty()) filled["image_url"] = image_url;
        algorithm["engine"] = std::move(filled);
      }
    } else {
      check.fail(invalid_param("algorithm.engine needs engine_id, engine_name + engine_version, or image_url"));
    }
  }
  if (const json::array* parameters = check.array(algorithm, "parameters", "algorithm.parameters")) {
    for (const json::value& p : *parameters) {
      if (!p.is_object()) {
        check.fail(invalid_param("algorithm.parameters[] items are objects"));
        break;
      }
      const std::string name = check.text(p.as_object(), "name", "algorithm.parameters[].name", true, 64);
      if (!is_name(name, 64)) check.fail(invalid_param("algorithm.parameters[].name: 1-64 of A-Z a-z 0-9 _ -"));
      check.text(p.as_object(), "value", "algorithm.parameters[].value (a string)", false, 8192);
    }
  }
  for (const auto& [key, kind, inputs] : {std::tuple{"inputs", "inputs", true}, std::tuple{"outputs", "outputs", false}}) {
    json::value* list = algorithm.if_contains(key);
    if (list == nullptr || list->is_null()) continue;
    if (!list->is_array()) {
      check.fail(invalid_param(std::string("algorithm.") + key + " must be an array"));
      continue;
    }
    for (json::value& item : list->as_array()) {
      if (!item.is_object()) {
        check.fail(invalid_param(std::string("algorithm.") + key + "[] items are objects"));
        break;
      }
      check_data(check, item.as_object(), std::string("algorithm.") + key + "[]", kind, inputs);
    }
  }
  if (const json::object* environments = check.object(algorithm, "environments", "algorithm.environments", false)) {
    if (environments->size() > 100) check.fail(invalid_param("algorithm.environments: at most 100 variables"));
    for (const auto& item : *environments) {
      const std::string name(item.key());
      const bool valid_name = !name.empty() && name.size() <= 8192 && !(name[0] >= '0' && name[0] <= '9') &&
                              std::all_of(name.begin(), name.end(), [](char c) {
                                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
                              });
      if (!valid_name || !item.value().is_string() || item.value().as_string().size() > 4096)
        check.fail(invalid_param("algorithm.environments: names of letters, digits and _ (not starting with a digit), "
                                 "string values of at most 4096 characters"));
    }
  }
  const std::string local_code_dir = check.text(algorithm, "local_code_dir", "algorithm.local_code_dir", false);
  if (!local_code_dir.empty() && local_code_dir.rfind("/home", 0) != 0)
    check.fail(Failure{"ModelArts.2857", "Invalid local_code_dir: it must be under /home."});
  check.text(algorithm, "working_dir", "algorithm.working_dir", false);
}

/// Checks spec{} and fills in the flavor's name and details.
void check_spec(Check& check, json::object& spec) {
  const json::object* resource_in = check.object(spec, "resource", "spec.resource", true);
  if (resource_in == nullptr) return;
  json::object resource = *resource_in;
  const std::string flavor_id = check.text(resource, "flavor_id", "spec.resource.flavor_id", false, 128);
  const std::string pool_id = check.text(resource, "pool_id", "spec.resource.pool_id", false, 128);
  std::int64_t nodes = 1;
  if (const json::value* count = resource.if_contains("node_count"); count && !count->is_null()) {
    if (!count->is_int64() || count->as_int64() < 1) check.fail(invalid_param("spec.resource.node_count must be an integer >= 1"));
    else nodes = count->as_int64();
  }
  resource["node_count"] = nodes;
  if (flavor_id.empty() && pool_id.empty()) check.fail(invalid_param("spec.resource.flavor_id is required"));
  if (!flavor_id.empty()) {
    const json::object* flavor = find_flavor(flavor_id);
    if (flavor == nullptr) {
      check.fail(Failure{"ModelArts.2781", "Flavor not found: " + printable(flavor_id)});
    } else {
      if (nodes > flavor->at("max_num").as_int64())
        check.fail(Failure{"ModelArts.2793", "Flavor out of range: " + flavor_id + " allows at most " +
                                                 std::to_string(flavor->at("max_num").as_int64()) + " nodes."});
      resource["policy"] = "regular";
      resource["flavor_name"] = flavor->at("flavor_name");
      resource["flavor_detail"] = json::object{{"flavor_type", flavor->at("flavor_type")},
                                               {"billing", flavor->at("billing")},
                                               {"flavor_info", flavor->at("flavor_info")}};
    }
  }
  spec["resource"] = std::move(resource);
  if (const json::object* log = check.object(spec, "log_export_path", "spec.log_export_path", false)) {
    const std::string url = check.text(*log, "obs_url", "spec.log_export_path.obs_url", false);
    if (!url.empty()) check.obs_path(url, "spec.log_export_path.obs_url");
  }
  if (const json::object* stop = check.object(spec, "auto_stop", "spec.auto_stop", false)) {
    const json::value* duration = stop->if_contains("duration");
    if (check.text(*stop, "time_unit", "spec.auto_stop.time_unit", true) != "HOURS" || duration == nullptr ||
        !duration->is_int64() || duration->as_int64() < 1)
      check.fail(invalid_param("spec.auto_stop is {\"time_unit\": \"HOURS\", \"duration\": >= 1}"));
  }
}

Job* find_job(RequestContext& ctx, const std::string& id) {
  auto it = ctx.state.v2_training_jobs.by_id.find(id);
  return it == ctx.state.v2_training_jobs.by_id.end() ? nullptr : &it->second;
}

View view(RequestContext& ctx, const Job& job) { return view_of(job, ctx.now_ms, ctx.config.time_scale); }

}  // namespace

ServiceResponse create_job(RequestContext& ctx) {
  std::optional<Failure> failure;
  std::optional<json::object> body = parse_object(ctx.request.body, failure);
  if (!body) return error(*failure);
  Check check;
  if (check.text(*body, "kind", "kind", true, 64) != "job" && !check.failure())
    check.fail(invalid_param("kind must be \"job\""));
  const json::object* metadata = check.object(*body, "metadata", "metadata", true);
  Job job;
  if (metadata != nullptr) {
    job.name = check.text(*metadata, "name", "metadata.name", true, 64);
    if (!check.failure() && !is_name(job.name, 64)) check.fail(invalid_param("metadata.name: 1-64 of A-Z a-z 0-9 _ -"));
    job.description = check.text(*metadata, "description", "metadata.description", false, 256);
    std::string workspace = check.text(*metadata, "workspace_id", "metadata.workspace_id", false, 64);
    if (!workspace.empty()) job.workspace_id = workspace;
    if (const json::object* annotations = check.object(*metadata, "annotations", "metadata.annotations", false)) {
      for (const auto& item : *annotations)
        if (!item.value().is_string()) check.fail(invalid_param("metadata.annotations values are strings"));
      job.annotations = *annotations;
    }
  }
  if (const json::object* algorithm = check.object(*body, "algorithm", "algorithm", true)) job.algorithm = *algorithm;
  if (const json::object* spec = check.object(*body, "spec", "spec", true)) job.spec = *spec;
  if (!check.failure()) check_algorithm(check, job.algorithm);
  if (!check.failure()) check_spec(check, job.spec);
  if (!check.failure())
    if (auto missing = check_code_on_obs(ctx, job.algorithm)) check.fail(std::move(*missing));
  if (check.failure()) return error(*check.failure());

  for (const auto& [id, other] : ctx.state.v2_training_jobs.by_id) {
    if (other.name == job.name && other.workspace_id == job.workspace_id)
      return error(Failure{"ModelArts.2751", "Duplicate training job name: " + job.name + "."});
  }
  if (ctx.state.v2_training_jobs.by_id.size() >= kQuota)
    return error(Failure{"ModelArts.2815", "Training job quota exceeded (" + std::to_string(kQuota) + ")."});
  job.id = new_uuid(ctx.random);
  job.create_ms = ctx.now_ms;
  job.outcome = outcome_of(job.algorithm);
  const std::string id = job.id;
  Job& stored = ctx.state.v2_training_jobs.by_id[id] = std::move(job);
  return ok(201, job_object(stored, view(ctx, stored)));
}

ServiceResponse get_job(RequestContext& ctx, const std::string& id) {
  const Job* job = find_job(ctx, id);
  if (job == nullptr) return error(not_found(id));
  const View v = view(ctx, *job);
  export_logs(ctx, *job, v);
  return ok(200, job_object(*job, v));
}

ServiceResponse update_job(RequestContext& ctx, const std::string& id) {
  Job* job = find_job(ctx, id);
  if (job == nullptr) return error(not_found(id));
  std::optional<Failure> failure;
  std::optional<json::object> body = parse_object(ctx.request.body, failure);
  if (!body) return error(*failure);
  Check check;
  const std::string description = check.text(*body, "description", "description", true, 256);
  for (const auto& item : *body)
    if (item.key() != "description") check.fail(invalid_param("unknown field " + printable(item.key())));
  if (check.failure()) return error(*check.failure());
  job->description = description;
  return ok(200, nullptr);  // documented as "No Content" with the body `null` (docs/service-quirks.md, Q6)
}

ServiceResponse delete_job(RequestContext& ctx, const std::string& id) {
  if (find_job(ctx, id) == nullptr) return error(not_found(id));
  // Deletion window 0: GET answers 2775 at once (docs/service-quirks.md, Q20).
  ctx.state.v2_training_jobs.by_id.erase(id);
  ServiceResponse response;
  response.status = 202;
  return response;
}

ServiceResponse job_action(RequestContext& ctx, const std::string& id) {
  Job* job = find_job(ctx, id);
  if (job == nullptr) return error(not_found(id));
  std::optional<Failure> failure;
  std::optional<json::object> body = parse_object(ctx.request.body, failure);
  if (!body) return error(*failure);
  const json::value* action = body->if_contains("action_type");
  if (action == nullptr || !action->is_string() || action->as_string() != "terminate")
    return error(Failure{"ModelArts.2812", "Invalid action type: only \"terminate\" is supported."});
  const View now = view(ctx, *job);
  if (!can_terminate(now.phase))
    return error(Failure{"ModelArts.2796", std::string("Not allowed to terminate a training job in phase ") +
                                              phase_name(now.phase) + "."});
  job->terminate_ms = ctx.now_ms;
  return ok(202, job_object(*job, view(ctx, *job)));
}

namespace {

struct Search {
  std::int64_t offset = 0;
  std::int64_t limit = 10;
  std::string sort_by = "create_time";
  std::string order = "desc";
  std::string group_by;
  json::array filters;
};

std::variant<Search, Failure> read_search(const std::string& text) {
  Search search;
  if (text.empty()) return search;
  std::optional<Failure> failure;
  std::optional<json::object> body = parse_object(text, failure);
  if (!body) return *failure;
  auto integer = [&](const char* key, std::int64_t& out) -> std::optional<Failure> {
    const json::value* v = body->if_contains(key);
    if (v == nullptr || v->is_null()) return std::nullopt;
    if (!v->is_int64()) return invalid_param(std::string(key) + " must be an integer");
    out = v->as_int64();
    return std::nullopt;
  };
  if (auto f = integer("offset", search.offset)) return *f;
  if (auto f = integer("limit", search.limit)) return *f;
  if (search.offset < 0) return invalid_param("offset must be >= 0");
  if (search.limit > 50) return Failure{"ModelArts.2816", "Over the upper limit: limit must be at most 50."};
  if (search.limit < 1) return invalid_param("limit must be in [1, 50]");
  Check check;
  if (auto sort = check.text(*body, "sort_by", "sort_by", false, 64); !sort.empty()) search.sort_by = sort;
  if (auto order = check.text(*body, "order", "order", false, 8); !order.empty()) search.order = order;
  search.group_by = check.text(*body, "group_by", "group_by", false, 64);
  if (const json::array* filters = check.array(*body, "filters", "filters")) search.filters = *filters;
  if (check.failure()) return *check.failure();
  if (search.sort_by != "create_time" && search.sort_by != "name" && search.sort_by != "phase" &&
      search.sort_by != "duration")
    return Failure{"ModelArts.2790", "Invalid sort key: " + printable(search.sort_by)};
  if (search.order != "asc" && search.order != "desc") return invalid_param("order must be asc or desc");
  return search;
}

/// Whether `job` passes `filter`; a Failure for an unsupported key, operator or value (2807/2808/2809).
std::variant<bool, Failure> passes(const json::value& filter, const Job& job, const View& v) {
  if (!filter.is_object()) return Failure{"ModelArts.2807", "Invalid condition key: filters[] items are objects."};
  const json::object& f = filter.as_object();
  const json::value* key_value = f.if_contains("key");
  const json::value* op_value = f.if_contains("operator");
  const json::value* values = f.if_contains("value");
  if (key_value == nullptr || !key_value->is_string()) return Failure{"ModelArts.2807", "Invalid condition key."};
  const std::string key(key_value->as_string());
  const std::string op = op_value != nullptr && op_value->is_string() ? std::string(op_value->as_string()) : "in";
  std::vector<std::string> wanted;
  if (values != nullptr && !values->is_null()) {
    if (!values->is_array()) return Failure{"ModelArts.2809", "Invalid condition value for " + printable(key) + "."};
    for (const json::value& item : values->as_array()) {
      if (!item.is_string()) return Failure{"ModelArts.2809", "Invalid condition value for " + printable(key) + "."};
      wanted.emplace_back(item.as_string());
    }
  }
  auto only = [&](std::initializer_list<const char*> ops) -> std::optional<Failure> {
    for (const char* o : ops)
      if (op == o) return std::nullopt;
    return Failure{"ModelArts.2808", "Invalid condition operator " + printable(op) + " for " + key + "."};
  };
  const bool unconstrained = std::all_of(wanted.begin(), wanted.end(), [](const std::string& w) { return w.empty(); });
  auto match_text = [&](const std::string& actual) -> bool {
    if (unconstrained) return true;
    bool any = false;
    for (const std::string& w : wanted) {
      if (w.empty()) continue;
      if (op == "like" ? actual.find(w) != std::string::npos : actual == w) any = true;
    }
    return op == "not" ? !any : any;
  };
  if (key == "name") {
    if (auto bad = only({"like", "in", "not"})) return *bad;
    return match_text(job.name);
  }
  if (key == "phase") {
    if (auto bad = only({"in", "not"})) return *bad;
    return match_text(phase_name(v.phase));
  }
  if (key == "kind") {
    if (auto bad = only({"in", "not"})) return *bad;
    return match_text("job");
  }
  if (key == "create_time") {
    if (auto bad = only({"between"})) return *bad;
    if (wanted.size() > 2) return Failure{"ModelArts.2809", "create_time between takes two values."};
    auto bound = [&](std::size_t i, std::int64_t fallback) -> std::optional<std::int64_t> {
      if (i >= wanted.size() || wanted[i].empty()) return fallback;
      try {
        std::size_t used = 0;
        std::int64_t n = std::stoll(wanted[i], &used);
        if (used != wanted[i].size()) return std::nullopt;
        return n;
      } catch (const std::exception&) {
        return std::nullopt;
      }
    };
    auto low = bound(0, INT64_MIN), high = bound(1, INT64_MAX);
    if (!low || !high) return Failure{"ModelArts.2809", "create_time values are ms-epoch strings."};
    return job.create_ms >= *low && job.create_ms <= *high;
  }
  // Documented keys the emulator does not model: accepted and ignored (docs/service-quirks.md, Q4).
  if (key == "algorithm_name" || key == "user_id" || key == "runtime_type" || key == "workspace_id" ||
      key == "train_type") {
    if (auto bad = only({"between", "like", "in", "not"})) return *bad;
    return true;
  }
  return Failure{"ModelArts.2807", "Invalid condition key: " + printable(key) + "."};
}

}  // namespace

ServiceResponse search_jobs(RequestContext& ctx) {
  auto read = read_search(ctx.request.body);
  if (auto* failure = std::get_if<Failure>(&read)) return error(*failure);
  const Search& search = std::get<Search>(read);
  struct Row {
    const Job* job;
    View view;
  };
  std::vector<Row> rows;
  for (const auto& [id, job] : ctx.state.v2_training_jobs.by_id) {
    Row row{&job, view(ctx, job)};
    bool keep = true;
    for (const json::value& filter : search.filters) {
      auto verdict = passes(filter, job, row.view);
      if (auto* failure = std::get_if<Failure>(&verdict)) return error(*failure);
      keep = keep && std::get<bool>(verdict);
    }
    if (keep) rows.push_back(row);
  }
  auto key_less = [&](const Row& a, const Row& b) {
    if (search.sort_by == "name") return a.job->name < b.job->name;
    if (search.sort_by == "phase") return std::string(phase_name(a.view.phase)) < phase_name(b.view.phase);
    if (search.sort_by == "duration") return a.view.run_ms < b.view.run_ms;
    return a.job->create_ms < b.job->create_ms;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    const bool less = key_less(a, b), greater = key_less(b, a);
    if (less != greater) return search.order == "asc" ? less : greater;
    return a.job->id < b.job->id;  // a total order, so pages never overlap
  });
  // Offset is a page index (docs/service-quirks.md, Q1) unless the emulator runs with record offsets.
  const std::int64_t skip = ctx.config.v2_search_record_offsets ? search.offset : search.offset * search.limit;
  json::array items;
  for (std::size_t i = static_cast<std::size_t>(std::min<std::int64_t>(skip, static_cast<std::int64_t>(rows.size())));
       i < rows.size() && items.size() < static_cast<std::size_t>(search.limit); ++i)
    items.push_back(job_object(*rows[i].job, rows[i].view));
  return ok(200, json::object{{"total", static_cast<std::int64_t>(ctx.state.v2_training_jobs.by_id.size())},
                              {"count", static_cast<std::int64_t>(rows.size())},
                              {"limit", search.limit},
                              {"offset", search.offset},
                              {"sort_by", search.sort_by},
                              {"order", search.order},
                              {"group_by", search.group_by},
                              {"workspace_id", "0"},
                              {"ai_project", "default-ai-project"},
                              {"items", std::move(items)}});
}

ServiceResponse list_flavors(RequestContext& ctx) {
  std::string type;
  for (const auto& [key, value] : ctx.request.query)
    if (key == "flavor_type") type = value;
  if (!type.empty() && type != "CPU" && type != "GPU" && type != "Ascend")
    return error(Failure{"ModelArts.2764", "Invalid query parameter flavor_type: " + printable(type)});
  return ok(200, flavors(type));
}

ServiceResponse list_engines(RequestContext&) { return ok(200, engines()); }

}  // namespace modelarts::testing::detail::service::v2
