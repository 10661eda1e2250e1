// SPDX-License-Identifier: Apache-2.0
#include "job_configs.hpp"

#include "catalog.hpp"
#include "field_reader.hpp"
#include "listing.hpp"
#include "naming.hpp"
#include "query_reader.hpp"

namespace modelarts::testing::detail::service {

namespace {
constexpr std::size_t kNameMax = 64;
constexpr std::size_t kSearchMax = 64;
constexpr std::size_t kConfigQuota = 1000;

/// config_type=sample lists the service's built-in samples; the emulator has none, so only custom ones exist.
std::optional<Failure> check_config_type(QueryReader& query, bool& sample) {
  sample = query.choice("config_type", "custom", {"custom", "sample"}) == "sample";
  if (!query.ok()) return query.failure();
  return std::nullopt;
}

std::variant<JobConfigPreset*, Failure> find_config(RequestContext& ctx, const std::string& name) {
  auto it = ctx.state.job_configs.find(name);
  if (it == ctx.state.job_configs.end()) return not_found("Config " + printable(name) + " does not exist");
  return &it->second;
}

/// Reads a create (with config_name) or update (without) body.
struct PresetBody {
  std::optional<std::string> config_name;
  std::optional<std::string> config_desc;
  TrainingConfig config;
};

std::variant<PresetBody, Failure> read_preset(RequestContext& ctx, bool with_name) {
  std::optional<Failure> parse_failure;
  auto body = parse_body_object(ctx.request.body, parse_failure);
  if (!body) return *parse_failure;
  FieldReader reader(*body);
  PresetBody out;
  if (with_name) out.config_name = reader.string("config_name", true);
  out.config_desc = reader.string("config_desc", false, kDescMax);
  std::vector<std::string_view> extra = {"config_desc"};
  if (with_name) extra.push_back("config_name");
  out.config = read_training_config(reader, ConfigUse::preset, extra);
  if (with_name && out.config_name && !is_legal_name(*out.config_name, kNameMax))
    return parameter_error("Illegal name");
  if (!reader.ok()) return reader.failure();
  return out;
}
}  // namespace

ServiceResponse create_job_config(RequestContext& ctx) {
  auto read = read_preset(ctx, true);
  if (auto* f = std::get_if<Failure>(&read)) return error_reply(*f);
  PresetBody& body = std::get<PresetBody>(read);
  if (ctx.state.job_configs.count(*body.config_name))
    return error_reply(failure("ModelArts.0103", "Config name:" + *body.config_name + " is existed"));
  if (ctx.state.job_configs.size() >= kConfigQuota)
    return error_reply(
        failure("ModelArts.0106", "The number of job configs exceeds the quota " + std::to_string(kConfigQuota)));
  JobConfigPreset preset{*body.config_name, body.config_desc.value_or(""), ctx.now_ms, std::move(body.config)};
  ctx.state.job_configs[preset.config_name] = std::move(preset);
  return v1_success();
}

ServiceResponse list_job_configs(RequestContext& ctx) {
  QueryReader query(ctx.request.query);
  const auto per_page = query.integer("per_page", 10, 1, 1000);
  const auto page = query.integer("page", 1, 1, 65535);
  const auto sort_by =
      query.choice(sort_parameter(query), "config_name", {"config_name", "config_desc", "create_time"});
  const auto order = query.choice("order", "desc", {"asc", "desc"});
  const auto search = query.search_content(kSearchMax);
  bool sample = false;
  if (auto f = check_config_type(query, sample)) return error_reply(*f);
  if (sample && sort_by == "create_time")
    return error_reply(invalid_argument("Invalid parameter: sample configs can't be sorted by create_time"));
  std::vector<ListRow> rows;
  if (!sample) {
    for (const auto& [name, preset] : ctx.state.job_configs) {
      if (!contains(name, search)) continue;
      const AiEngine* engine = find_engine(effective_engine_id(preset.config));
      json::object item{{"config_name", name},
                        {"config_desc", preset.config_desc},
                        {"create_time", preset.create_ms},
                        {"engine_type", engine ? engine->engine_type : 0},
                        {"engine_name", engine ? engine->engine_name : ""},
                        {"engine_id", effective_engine_id(preset.config)},
                        {"engine_version", engine ? engine->engine_version : ""},
                        {"user_image_url", preset.config.user_image_url},
                        {"user_command", preset.config.user_command}};
      SortKey key = name;
      if (sort_by == "config_desc") key = preset.config_desc;
      if (sort_by == "create_time") key = preset.create_ms;
      rows.push_back({std::move(key), std::move(item)});
    }
  }
  const auto total = static_cast<std::int64_t>(rows.size());
  return v1_success(
      {{"config_total_count", total}, {"configs", sort_and_page(std::move(rows), order == "desc", per_page, page)}});
}

ServiceResponse get_job_config(RequestContext& ctx, const std::string& config_name) {
  QueryReader query(ctx.request.query);
  bool sample = false;
  if (auto f = check_config_type(query, sample)) return error_reply(*f);
  if (sample) return error_reply(not_found("Config " + printable(config_name) + " does not exist"));
  auto found = find_config(ctx, config_name);
  if (auto* f = std::get_if<Failure>(&found)) return error_reply(*f);
  const JobConfigPreset& preset = *std::get<JobConfigPreset*>(found);
  json::object out{
      {"config_name", preset.config_name}, {"config_desc", preset.config_desc}, {"create_time", preset.create_ms}};
  append_config_detail(out, preset.config);
  return v1_success(std::move(out));
}

ServiceResponse update_job_config(RequestContext& ctx, const std::string& config_name) {
  auto found = find_config(ctx, config_name);
  if (auto* f = std::get_if<Failure>(&found)) return error_reply(*f);
  auto read = read_preset(ctx, false);
  if (auto* f = std::get_if<Failure>(&read)) return error_reply(*f);
  PresetBody& body = std::get<PresetBody>(read);
  JobConfigPreset& preset = *std::get<JobConfigPreset*>(found);
  if (body.config_desc) preset.config_desc = *body.config_desc;
  preset.config = std::move(body.config);
  return v1_success();
}

ServiceResponse delete_job_config(RequestContext& ctx, const std::string& config_name) {
  auto found = find_config(ctx, config_name);
  if (auto* f = std::get_if<Failure>(&found)) return error_reply(*f);
  ctx.state.job_configs.erase(config_name);
  return v1_success();
}

}  // namespace modelarts::testing::detail::service
