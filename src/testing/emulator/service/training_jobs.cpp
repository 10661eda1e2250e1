// SPDX-License-Identifier: Apache-2.0
#include "training_jobs.hpp"

#include <cstdio>

#include "field_reader.hpp"
#include "listing.hpp"
#include "naming.hpp"
#include "query_reader.hpp"

namespace modelarts::testing::detail::service {

namespace {
constexpr std::size_t kJobNameMax = 64;
constexpr std::size_t kSearchMax = 64;

std::string version_name(std::int64_t number) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "V%04lld", static_cast<long long>(number));
  return buffer;
}
}  // namespace

std::string training_resource_id(std::int64_t job_id) {
  const auto mixed = static_cast<std::uint32_t>(static_cast<std::uint64_t>(job_id) * 2654435761u);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "job%08x", static_cast<unsigned>(mixed));
  return buffer;
}

std::variant<TrainingJob*, Failure> find_training_job(RequestContext& ctx, const std::string& job_id) {
  if (auto id = parse_id(job_id)) {
    auto it = ctx.state.training_jobs.find(*id);
    if (it != ctx.state.training_jobs.end()) return &it->second;
  }
  return not_found("Job " + printable(job_id) + " does not exist");
}

std::variant<TrainingVersion*, Failure> find_training_version(TrainingJob& job, const std::string& version_id) {
  if (auto id = parse_id(version_id)) {
    auto it = job.versions.find(*id);
    if (it != job.versions.end()) return &it->second;
  }
  return not_found("Version " + printable(version_id) + " of job " + std::to_string(job.job_id) + " does not exist");
}

ServiceResponse create_training_job(RequestContext& ctx) {
  std::optional<Failure> parse_failure;
  auto body = parse_body_object(ctx.request.body, parse_failure);
  if (!body) return error_reply(*parse_failure);
  FieldReader reader(*body);
  reader.reject_unknown({"job_name", "job_desc", "workspace_id", "config"});
  auto job_name = reader.string("job_name", true);
  auto job_desc = reader.string("job_desc", false, kDescMax);
  auto workspace_id = reader.string("workspace_id", false, 64);
  const json::object* config_object = reader.object("config", true);
  if (!reader.ok()) return error_reply(reader.failure());
  FieldReader config_reader(*config_object, "config.");
  TrainingConfig config = read_training_config(config_reader, ConfigUse::job);
  if (!is_legal_name(*job_name, kJobNameMax)) return error_reply(parameter_error("Illegal name"));
  if (!config_reader.ok()) return error_reply(config_reader.failure());
  for (const auto& [id, job] : ctx.state.training_jobs)
    if (job.job_name == *job_name)
      return error_reply(failure("ModelArts.0103", "Job name:" + *job_name + " is existed"));
  if (ctx.state.training_jobs.size() >= kTrainingJobQuota)
    return error_reply(failure("ModelArts.0106",
                               "The number of training jobs exceeds the quota " + std::to_string(kTrainingJobQuota)));

  TrainingJob job;
  job.job_id = ctx.state.next_training_job_id++;
  job.job_name = *job_name;
  job.job_desc = job_desc.value_or("");
  job.workspace_id = workspace_id.value_or("0");
  job.create_ms = ctx.now_ms;
  TrainingVersion version;
  version.version_id = ctx.state.next_version_id++;
  version.version_name = version_name(job.next_version_number++);
  version.config = std::move(config);
  version.create_ms = ctx.now_ms;
  const int status = ctx.version_status(version).status;
  auto& stored = ctx.state.training_jobs[job.job_id] = std::move(job);
  stored.versions[version.version_id] = version;

  // The documented example quotes these numbers as strings; the emulator keeps that quirk.
  return v1_success({{"job_id", std::to_string(stored.job_id)},
                     {"job_name", stored.job_name},
                     {"status", std::to_string(status)},
                     {"create_time", std::to_string(stored.create_ms)},
                     {"version_id", std::to_string(version.version_id)},
                     {"version_name", version.version_name},
                     {"resource_id", training_resource_id(stored.job_id)}});
}

ServiceResponse list_training_jobs(RequestContext& ctx) {
  QueryReader query(ctx.request.query);
  auto status_filter = query.optional_integer("status", 0, 22);
  const auto per_page = query.integer("per_page", 10, 1, 1000);
  const auto page = query.integer("page", 1, 1, 65535);
  const auto sort_by = query.choice(sort_parameter(query), "job_name",
                                    {"job_name", "job_desc", "status", "duration", "version_count", "create_time"});
  const auto order = query.choice("order", "asc", {"asc", "desc"});
  const auto search = query.search_content(kSearchMax);
  const auto workspace = query.get("workspace_id");
  if (!query.ok()) return error_reply(query.failure());

  struct Listed {
    const TrainingJob* job;
    const TrainingVersion* newest;
    StatusView view;
  };
  std::vector<KeyedRow<Listed>> rows;
  rows.reserve(ctx.state.training_jobs.size());
  for (const auto& [id, job] : ctx.state.training_jobs) {
    if (job.versions.empty()) continue;
    const TrainingVersion& newest = job.versions.rbegin()->second;
    const StatusView view = ctx.version_status(newest);
    if (status_filter && view.status != *status_filter) continue;
    if (!contains(job.job_name, search)) continue;
    if (workspace && !workspace->empty() && job.workspace_id != *workspace) continue;
    SortKey key = job.job_name;
    if (sort_by == "job_desc") key = job.job_desc;
    if (sort_by == "status") key = std::int64_t{view.status};
    if (sort_by == "duration") key = view.duration;
    if (sort_by == "version_count") key = static_cast<std::int64_t>(job.versions.size());
    if (sort_by == "create_time") key = job.create_ms;
    rows.push_back({std::move(key), Listed{&job, &newest, view}});
  }
  const auto to_json = [](const Listed& listed) {
    const TrainingJob& job = *listed.job;
    return json::object{{"job_id", job.job_id},
                        {"job_name", job.job_name},
                        {"version_id", listed.newest->version_id},
                        {"status", listed.view.status},
                        {"create_time", job.create_ms},
                        {"duration", listed.view.duration},
                        {"job_desc", job.job_desc},
                        {"version_count", static_cast<std::int64_t>(job.versions.size())}};
  };
  const auto total = static_cast<std::int64_t>(rows.size());
  const auto used = static_cast<std::int64_t>(ctx.state.training_jobs.size());
  return v1_success({{"job_total_count", total},
                     {"job_count_limit", static_cast<std::int64_t>(kTrainingJobQuota) - used},
                     {"quotas", static_cast<std::int64_t>(kTrainingJobQuota)},
                     {"jobs", sort_and_page(std::move(rows), order == "desc", per_page, page, to_json)}});
}

ServiceResponse update_training_job(RequestContext& ctx, const std::string& job_id) {
  auto found = find_training_job(ctx, job_id);
  if (auto* f = std::get_if<Failure>(&found)) return error_reply(*f);
  auto job_desc = read_job_desc_update(ctx.request.body);
  if (auto* f = std::get_if<Failure>(&job_desc)) return error_reply(*f);
  std::get<TrainingJob*>(found)->job_desc = std::get<std::string>(std::move(job_desc));
  return v1_success();
}

ServiceResponse delete_training_job(RequestContext& ctx, const std::string& job_id) {
  auto found = find_training_job(ctx, job_id);
  if (auto* f = std::get_if<Failure>(&found)) return error_reply(*f);
  TrainingJob& job = *std::get<TrainingJob*>(found);
  for (const auto& [id, version] : job.versions) {
    const int status = ctx.version_status(version).status;
    if (status == status::kKilling)
      return error_reply(forbidden_transition("This job can't be delete. job status: " + std::to_string(status)));
  }
  ctx.state.training_jobs.erase(job.job_id);
  return v1_success();
}

std::string next_version_name(TrainingJob& job) { return version_name(job.next_version_number++); }

}  // namespace modelarts::testing::detail::service
