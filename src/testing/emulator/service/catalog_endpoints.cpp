// SPDX-License-Identifier: Apache-2.0
#include "catalog_endpoints.hpp"

#include "catalog.hpp"
#include "listing.hpp"
#include "query_reader.hpp"

namespace modelarts::testing::detail::service {

ServiceResponse list_resource_specs(RequestContext& ctx) {
  QueryReader query(ctx.request.query);
  const auto job_type = query.choice("job_type", "train", {"train", "inference"});
  const auto engine_id = query.integer("engine_id", 0, 0, 1'000'000);
  query.integer("project_type", 0, 0, 3);
  if (!query.ok()) return error_reply(query.failure());
  if (engine_id != 0 && !find_engine(engine_id))
    return error_reply(
        invalid_argument("Invalid parameter: engine_id " + std::to_string(engine_id) + " is not an AI engine"));
  json::array specs;
  for (const auto& s : resource_specs()) {
    specs.push_back(json::object{{"spec_id", s.spec_id},
                                 {"core", s.core},
                                 {"cpu", s.cpu},
                                 {"gpu_num", s.gpu_num},
                                 {"gpu_type", s.gpu_type},
                                 {"spec_code", s.spec_code},
                                 {"max_num", job_type == "train" ? s.max_num : 1},
                                 {"unit_num", 1},
                                 {"storage", s.storage},
                                 {"interface_type", 1},
                                 {"no_resource", false}});
  }
  const auto total = static_cast<std::int64_t>(specs.size());
  return v1_success({{"spec_total_count", total}, {"specs", std::move(specs)}});
}

ServiceResponse list_ai_engines(RequestContext& ctx) {
  QueryReader query(ctx.request.query);
  query.choice("job_type", "train", {"train", "inference"});
  if (!query.ok()) return error_reply(query.failure());
  json::array engines;
  for (const auto& e : ai_engines())
    engines.push_back(json::object{{"engine_type", e.engine_type},
                                   {"engine_id", e.engine_id},
                                   {"engine_name", e.engine_name},
                                   {"engine_version", e.engine_version}});
  return v1_success({{"engines", std::move(engines)}});
}

ServiceResponse list_built_in_algorithms(RequestContext& ctx) {
  QueryReader query(ctx.request.query);
  const auto per_page = query.integer("per_page", 10, 1, 100);
  const auto page = query.integer("page", 1, 1, 65535);
  const auto sort_by =
      query.choice(sort_parameter(query), "model_name", {"model_name", "model_usage", "create_time", "model_id"});
  const auto order = query.choice("order", "asc", {"asc", "desc"});
  const auto search = query.search_content(64);
  if (!query.ok()) return error_reply(query.failure());
  std::vector<ListRow> rows;
  for (const auto& m : built_in_algorithms()) {
    if (!contains(m.model_name, search)) continue;
    const AiEngine* engine = find_engine(m.engine_id);
    json::array parameter{
        json::object{{"label", "batch_size"}, {"value", "32"}, {"placeholder_type", "Int"}, {"required", false}},
        json::object{{"label", "learning_rate"}, {"value", "0.01"}, {"placeholder_type", "Float"}, {"required", false}},
        json::object{{"label", "max_epoches"}, {"value", "10"}, {"placeholder_type", "Int"}, {"required", false}}};
    json::object item{{"model_id", m.model_id},
                      {"model_name", m.model_name},
                      {"model_usage", m.model_usage},
                      {"model_precision", m.model_precision},
                      {"model_size", m.model_size},
                      {"model_train_dataset", m.model_train_dataset},
                      {"model_dataset_format", m.model_dataset_format},
                      {"model_description_url", "https://github.com/huaweicloud/ModelArts-Lab/wiki/" + m.model_name},
                      {"parameter", std::move(parameter)},
                      {"create_time", m.create_time},
                      {"engine_id", m.engine_id},
                      {"engine_name", engine ? engine->engine_name : ""},
                      {"engine_version", engine ? engine->engine_version : ""}};
    SortKey key = m.model_name;
    if (sort_by == "model_usage") key = std::int64_t{m.model_usage};
    if (sort_by == "create_time") key = m.create_time;
    if (sort_by == "model_id") key = m.model_id;
    rows.push_back({std::move(key), std::move(item)});
  }
  const auto total = static_cast<std::int64_t>(rows.size());
  return v1_success(
      {{"model_total_count", total}, {"models", sort_and_page(std::move(rows), order == "desc", per_page, page)}});
}

}  // namespace modelarts::testing::detail::service
