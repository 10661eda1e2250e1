// SPDX-License-Identifier: Apache-2.0
#include "visualization_jobs.hpp"

#include <cstdio>

#include "field_reader.hpp"
#include "listing.hpp"
#include "naming.hpp"
#include "query_reader.hpp"

namespace modelarts::testing::detail::service {

namespace {
constexpr std::size_t kNameMax = 20;
constexpr std::size_t kSearchMax = 64;

std::string service_url(const RequestContext& ctx, const VisualizationJob& job) {
  return "https://console.modelarts-emulator.local/" + job.job_type + "/" + ctx.config.project_id + "/" +
         std::to_string(job.job_id) + "/";
}

std::string resource_id(std::int64_t job_id) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "4787c885-0000-4000-8000-%012llx", static_cast<unsigned long long>(job_id));
  return buffer;
}

json::value remaining(const VisualizationView& view) {
  if (view.remaining_ms < 0) return nullptr;
  return view.remaining_ms;
}

std::variant<VisualizationJob*, Failure> find_job(RequestContext& ctx, const std::string& job_id) {
  if (auto id = parse_id(job_id)) {
    auto it = ctx.state.visualization_jobs.find(*id);
    if (it != ctx.state.visualization_jobs.end()) return &it->second;
  }
  return not_found("Visualization job " + printable(job_id) + " does not exist");
}

/// schedule: {type:"stop", time_unit:"HOURS", duration:0..24}; the create example sends it as an array of one.
std::int64_t read_schedule(const json::value& value, FieldReader& reader) {
  const json::value* item = &value;
  if (value.is_array()) {
    if (value.as_array().size() != 1) {
      reader.fail(invalid_argument("Invalid parameter: schedule must hold one item"));
      return 0;
    }
    item = &value.as_array()[0];
  }
  if (!item->is_object()) {
    reader.fail(invalid_argument("Invalid parameter: schedule must be an object"));
    return 0;
  }
  FieldReader inner(item->as_object(), "schedule.");
  inner.reject_unknown({"type", "time_unit", "timeUnit", "duration"});
  auto type = inner.string("type", true);
  auto unit = inner.has("time_unit") ? inner.string("time_unit", true) : inner.string("timeUnit", true);
  auto duration = inner.integer("duration", true, 0, 24);
  if (inner.ok() && *type != "stop") inner.fail(invalid_argument("Invalid parameter: schedule.type must be stop"));
  if (inner.ok() && *unit != "HOURS")
    inner.fail(invalid_argument("Invalid parameter: schedule.time_unit must be HOURS"));
  if (!inner.ok()) {
    reader.fail(inner.failure());
    return 0;
  }
  return *duration;
}

json::object summary(const RequestContext& ctx, const VisualizationJob& job, const VisualizationView& view) {
  return json::object{{"job_id", job.job_id},
                      {"job_name", job.job_name},
                      {"job_desc", job.job_desc},
                      {"status", view.status},
                      {"create_time", job.create_ms},
                      {"duration", view.duration},
                      {"service_url", service_url(ctx, job)},
                      {"train_url", job.train_url},
                      {"resource_id", resource_id(job.job_id)},
                      {"remaining_duration", remaining(view)}};
}
}  // namespace

ServiceResponse create_visualization_job(RequestContext& ctx) {
  std::optional<Failure> parse_failure;
  auto body = parse_body_object(ctx.request.body, parse_failure);
  if (!body) return error_reply(*parse_failure);
  FieldReader reader(*body);
  reader.reject_unknown({"job_name", "job_desc", "train_url", "job_type", "flavor", "schedule", "workspace_id"});
  auto job_name = reader.string("job_name", true);
  auto job_desc = reader.string("job_desc", false, kDescMax);
  auto train_url = reader.string("train_url", true, 1024);
  auto job_type = reader.string("job_type", false);
  auto workspace_id = reader.string("workspace_id", false, 64);
  std::string flavor_code;
  if (const json::object* flavor = reader.object("flavor", false)) {
    FieldReader inner(*flavor, "flavor.");
    inner.reject_unknown({"code"});
    flavor_code = inner.string("code", true, 128).value_or("");
    if (!inner.ok()) reader.fail(inner.failure());
  }
  std::int64_t schedule_hours = 0;
  if (reader.has("schedule")) schedule_hours = read_schedule(body->at("schedule"), reader);
  if (reader.ok() && job_type && *job_type != "tensorboard" && *job_type != "mindinsight")
    reader.fail(invalid_argument("Invalid parameter: job_type must be tensorboard or mindinsight"));
  if (!reader.ok()) return error_reply(reader.failure());
  if (!is_legal_name(*job_name, kNameMax)) return error_reply(parameter_error("Illegal name"));
  for (const auto& [id, job] : ctx.state.visualization_jobs)
    if (job.job_name == *job_name)
      return error_reply(failure("ModelArts.0103", "Job name:" + *job_name + " is existed"));
  if (ctx.state.visualization_jobs.size() >= kVisualizationJobQuota)
    return error_reply(failure("ModelArts.0106", "The number of visualization jobs exceeds the quota " +
                                                     std::to_string(kVisualizationJobQuota)));
  VisualizationJob job;
  job.job_id = ctx.state.next_visualization_id++;
  job.job_name = *job_name;
  job.job_desc = job_desc.value_or("");
  job.train_url = *train_url;
  job.job_type = job_type.value_or("tensorboard");
  job.flavor_code = flavor_code;
  job.workspace_id = workspace_id.value_or("0");
  job.schedule_hours = schedule_hours;
  job.create_ms = ctx.now_ms;
  job.run_start_ms = ctx.now_ms;
  const VisualizationView view = ctx.visualization_view(job);
  const std::string url = service_url(ctx, job);
  ctx.state.visualization_jobs[job.job_id] = job;
  // Numbers quoted as strings, as in the documented example.
  return v1_success({{"job_id", std::to_string(job.job_id)},
                     {"job_name", job.job_name},
                     {"status", std::to_string(view.status)},
                     {"create_time", std::to_string(job.create_ms)},
                     {"service_url", url}});
}

ServiceResponse list_visualization_jobs(RequestContext& ctx) {
  QueryReader query(ctx.request.query);
  auto status_filter = query.optional_integer("status", 0, 22);
  const auto per_page = query.integer("per_page", 10, 1, 1000);
  const auto page = query.integer("page", 1, 1, 65535);
  const auto sort_by = query.choice(sort_parameter(query), "job_id",
                                    {"job_id", "job_name", "job_desc", "create_time", "status", "duration"});
  const auto order = query.choice("order", "asc", {"asc", "desc"});
  const auto search = query.search_content(kSearchMax);
  const auto workspace = query.get("workspace_id");
  if (!query.ok()) return error_reply(query.failure());
  struct Listed {
    const VisualizationJob* job;
    VisualizationView view;
  };
  std::vector<KeyedRow<Listed>> rows;
  rows.reserve(ctx.state.visualization_jobs.size());
  for (const auto& [id, job] : ctx.state.visualization_jobs) {
    const VisualizationView view = ctx.visualization_view(job);
    if (status_filter && view.status != *status_filter) continue;
    if (!contains(job.job_name, search)) continue;
    if (workspace && !workspace->empty() && job.workspace_id != *workspace) continue;
    SortKey key = job.job_id;
    if (sort_by == "job_name") key = job.job_name;
    if (sort_by == "job_desc") key = job.job_desc;
    if (sort_by == "create_time") key = job.create_ms;
    if (sort_by == "status") key = std::int64_t{view.status};
    if (sort_by == "duration") key = view.duration;
    rows.push_back({std::move(key), Listed{&job, view}});
  }
  const auto to_json = [&ctx](const Listed& listed) {
    json::object item = summary(ctx, *listed.job, listed.view);
    // The list shows schedule as an array with camelCase timeUnit (docs/service-quirks.md, V4).
    json::array schedule;
    if (listed.job->schedule_hours > 0)
      schedule.push_back(
          json::object{{"type", "stop"}, {"timeUnit", "HOURS"}, {"duration", listed.job->schedule_hours}});
    item["schedule"] = std::move(schedule);
    return item;
  };
  const auto total = static_cast<std::int64_t>(rows.size());
  const auto used = static_cast<std::int64_t>(ctx.state.visualization_jobs.size());
  return v1_success({{"job_total_count", total},
                     {"job_count_limit", static_cast<std::int64_t>(kVisualizationJobQuota) - used},
                     {"quotas", static_cast<std::int64_t>(kVisualizationJobQuota)},
                     {"jobs", sort_and_page(std::move(rows), order == "desc", per_page, page, to_json)}});
}

ServiceResponse get_visualization_job(RequestContext& ctx, const std::string& job_id) {
  auto found = find_job(ctx, job_id);
  if (auto* f = std::get_if<Failure>(&found)) return error_reply(*f);
  const VisualizationJob& job = *std::get<VisualizationJob*>(found);
  return v1_success(summary(ctx, job, ctx.visualization_view(job)));
}

ServiceResponse update_visualization_job(RequestContext& ctx, const std::string& job_id) {
  auto found = find_job(ctx, job_id);
  if (auto* f = std::get_if<Failure>(&found)) return error_reply(*f);
  auto job_desc = read_job_desc_update(ctx.request.body);
  if (auto* f = std::get_if<Failure>(&job_desc)) return error_reply(*f);
  std::get<VisualizationJob*>(found)->job_desc = std::get<std::string>(std::move(job_desc));
  return v1_success();
}

ServiceResponse delete_visualization_job(RequestContext& ctx, const std::string& job_id) {
  auto found = find_job(ctx, job_id);
  if (auto* f = std::get_if<Failure>(&found)) return error_reply(*f);
  VisualizationJob& job = *std::get<VisualizationJob*>(found);
  const int status = ctx.visualization_view(job).status;
  if (status == status::kKilling)
    return error_reply(forbidden_transition("This job can't be delete. job status: " + std::to_string(status)));
  ctx.state.visualization_jobs.erase(job.job_id);
  return v1_success();
}

ServiceResponse stop_visualization_job(RequestContext& ctx, const std::string& job_id) {
  auto found = find_job(ctx, job_id);
  if (auto* f = std::get_if<Failure>(&found)) return error_reply(*f);
  VisualizationJob& job = *std::get<VisualizationJob*>(found);
  const int status = ctx.visualization_view(job).status;
  if (status != status::kWaiting && status != status::kRunning)
    return error_reply(forbidden_transition("This job can't be stop. job status: " + std::to_string(status)));
  job.stop_ms = ctx.now_ms;
  return v1_success();
}

ServiceResponse restart_visualization_job(RequestContext& ctx, const std::string& job_id) {
  auto found = find_job(ctx, job_id);
  if (auto* f = std::get_if<Failure>(&found)) return error_reply(*f);
  VisualizationJob& job = *std::get<VisualizationJob*>(found);
  const int status = ctx.visualization_view(job).status;
  if (status == status::kRunning || status == status::kKilling)
    return error_reply(forbidden_transition("This job can't be resubmit. job status: " + std::to_string(status)));
  job.run_start_ms = ctx.now_ms;
  job.restarted = true;
  job.stop_ms = 0;
  return v1_success();
}

}  // namespace modelarts::testing::detail::service
