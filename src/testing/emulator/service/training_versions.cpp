// SPDX-License-Identifier: Apache-2.0
#include "training_versions.hpp"

#include "field_reader.hpp"
#include "listing.hpp"
#include "query_reader.hpp"
#include "training_jobs.hpp"
#include "training_metrics.hpp"

namespace modelarts::testing::detail::service {

namespace {

/// The version detail; the versions list carries the metric lists as JSON-encoded strings (as documented).
json::object version_detail(const RequestContext& ctx, const TrainingJob& job, const TrainingVersion& version,
                            bool metrics_as_strings) {
  const StatusView view = ctx.version_status(version);
  json::object out;
  out["job_id"] = job.job_id;
  out["job_name"] = job.job_name;
  out["job_desc"] = job.job_desc;  // one description per job, shown by every call
  out["version_id"] = version.version_id;
  out["version_name"] = version.version_name;
  out["pre_version_id"] = version.config.pre_version_id;
  out["status"] = view.status;
  out["create_time"] = version.create_ms;
  out["start_time"] = view.start_time;
  out["duration"] = view.duration;
  append_config_detail(out, version.config);
  json::object model = model_metric_list(version.version_id, view.status == status::kCompleted);
  json::object system = system_metric_list(version.version_id, view.duration);
  if (metrics_as_strings) {
    out["model_metric_list"] = json::serialize(model);
    out["system_metric_list"] = json::serialize(system);
  } else {
    out["model_metric_list"] = std::move(model);
    out["system_metric_list"] = std::move(system);
  }
  out["resource_id"] = training_resource_id(job.job_id);
  return out;
}

}  // namespace

LocatedVersion locate_version(RequestContext& ctx, const std::string& job_id, const std::string& version_id) {
  LocatedVersion out;
  auto job = find_training_job(ctx, job_id);
  if (auto* f = std::get_if<Failure>(&job)) {
    out.failure = *f;
    return out;
  }
  out.job = std::get<TrainingJob*>(job);
  auto version = find_training_version(*out.job, version_id);
  if (auto* f = std::get_if<Failure>(&version)) {
    out.failure = *f;
    return out;
  }
  out.version = std::get<TrainingVersion*>(version);
  return out;
}

ServiceResponse create_training_version(RequestContext& ctx, const std::string& job_id) {
  auto found = find_training_job(ctx, job_id);
  if (auto* f = std::get_if<Failure>(&found)) return error_reply(*f);
  TrainingJob& job = *std::get<TrainingJob*>(found);
  std::optional<Failure> parse_failure;
  auto body = parse_body_object(ctx.request.body, parse_failure);
  if (!body) return error_reply(*parse_failure);
  FieldReader reader(*body);
  reader.reject_unknown({"job_desc", "config"});
  auto job_desc = reader.string("job_desc", false, kDescMax);
  const json::object* config_object = reader.object("config", true);
  if (!reader.ok()) return error_reply(reader.failure());
  FieldReader config_reader(*config_object, "config.");
  TrainingConfig config = read_training_config(config_reader, ConfigUse::version);
  if (!config_reader.ok()) return error_reply(config_reader.failure());
  if (job.versions.count(config.pre_version_id) == 0)
    return error_reply(not_found("Version " + std::to_string(config.pre_version_id) + " of job " +
                                 std::to_string(job.job_id) + " does not exist"));

  TrainingVersion version;
  version.version_id = ctx.state.next_version_id++;
  version.version_name = next_version_name(job);
  version.config = std::move(config);
  version.create_ms = ctx.now_ms;
  const int status = ctx.version_status(version).status;
  job.versions[version.version_id] = version;
  // The service keeps one description per job: a new version's job_desc replaces it.
  if (job_desc) job.job_desc = *job_desc;
  return v1_success({{"job_id", job.job_id},
                     {"job_name", job.job_name},
                     {"status", status},
                     {"create_time", version.create_ms},
                     {"version_id", version.version_id},
                     {"version_name", version.version_name}});
}

ServiceResponse list_training_versions(RequestContext& ctx, const std::string& job_id) {
  auto found = find_training_job(ctx, job_id);
  if (auto* f = std::get_if<Failure>(&found)) return error_reply(*f);
  const TrainingJob& job = *std::get<TrainingJob*>(found);
  QueryReader query(ctx.request.query);
  const auto per_page = query.integer("per_page", 10, 1, 1000);
  const auto page = query.integer("page", 0, 0, 65535);  // 0: no pagination (documented default)
  if (!query.ok()) return error_reply(query.failure());
  std::vector<ListRow> rows;
  for (const auto& [id, version] : job.versions) rows.push_back({id, version_detail(ctx, job, version, true)});
  return v1_success({{"job_id", job.job_id},
                     {"job_name", job.job_name},
                     {"job_desc", job.job_desc},
                     {"version_count", static_cast<std::int64_t>(job.versions.size())},
                     {"versions", sort_and_page(std::move(rows), /*descending=*/true, per_page, page)}});
}

ServiceResponse get_training_version(RequestContext& ctx, const std::string& job_id, const std::string& version_id) {
  LocatedVersion found = locate_version(ctx, job_id, version_id);
  if (found.failure) return error_reply(*found.failure);
  return v1_success(version_detail(ctx, *found.job, *found.version, false));
}

ServiceResponse delete_training_version(RequestContext& ctx, const std::string& job_id, const std::string& version_id) {
  LocatedVersion found = locate_version(ctx, job_id, version_id);
  if (found.failure) return error_reply(*found.failure);
  const int status = ctx.version_status(*found.version).status;
  if (status == status::kKilling)
    return error_reply(forbidden_transition("This job can't be delete. job status: " + std::to_string(status)));
  if (found.job->versions.size() == 1)
    return error_reply(forbidden_transition("The only version of a job can't be deleted, delete the job instead"));
  found.job->versions.erase(found.version->version_id);
  return v1_success();
}

ServiceResponse stop_training_version(RequestContext& ctx, const std::string& job_id, const std::string& version_id) {
  LocatedVersion found = locate_version(ctx, job_id, version_id);
  if (found.failure) return error_reply(*found.failure);
  const int status = ctx.version_status(*found.version).status;
  if (status != status::kInit && status != status::kWaiting && status != status::kRunning)
    return error_reply(forbidden_transition("This job can't be stop. job status: " + std::to_string(status)));
  found.version->stop_ms = ctx.now_ms;
  return v1_success();
}

}  // namespace modelarts::testing::detail::service
