// SPDX-License-Identifier: Apache-2.0
#include "router.hpp"

#include <functional>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "catalog_endpoints.hpp"
#include "job_configs.hpp"
#include "label_jobs.hpp"
#include "training_jobs.hpp"
#include "training_logs.hpp"
#include "training_versions.hpp"
#include "v2/router.hpp"
#include "visualization_jobs.hpp"

namespace modelarts::testing::detail::service {

namespace {
using Handler = std::function<ServiceResponse()>;
using Methods = std::vector<std::pair<const char*, Handler>>;

ServiceResponse dispatch(RequestContext& ctx, const Methods& methods, ErrorStyle style) {
  std::string allow;
  for (const auto& [method, handler] : methods) {
    if (ctx.request.method == method) return handler();
    allow += (allow.empty() ? "" : ", ") + std::string(method);
  }
  ServiceResponse response = error_reply(
      Failure{405, "ModelArts.0015", "Method " + printable(ctx.request.method) + " is not allowed here"}, style);
  response.headers.emplace_back("Allow", allow);
  return response;
}

ServiceResponse unknown_path(ErrorStyle style) {
  return error_reply(failure("ModelArts.0015", "The requested resource does not exist"), style);
}

ServiceResponse training(RequestContext& ctx, const std::vector<std::string>& s) {
  const auto n = s.size();
  if (n == 1)
    return dispatch(
        ctx, {{"GET", [&] { return list_training_jobs(ctx); }}, {"POST", [&] { return create_training_job(ctx); }}},
        ErrorStyle::rest);
  const std::string& job = s[1];
  if (n == 2)
    return dispatch(ctx,
                    {{"PUT", [&] { return update_training_job(ctx, job); }},
                     {"DELETE", [&] { return delete_training_job(ctx, job); }}},
                    ErrorStyle::rest);
  if (s[2] != "versions") return unknown_path(ErrorStyle::rest);
  if (n == 3)
    return dispatch(ctx,
                    {{"GET", [&] { return list_training_versions(ctx, job); }},
                     {"POST", [&] { return create_training_version(ctx, job); }}},
                    ErrorStyle::rest);
  const std::string& version = s[3];
  if (n == 4)
    return dispatch(ctx,
                    {{"GET", [&] { return get_training_version(ctx, job, version); }},
                     {"DELETE", [&] { return delete_training_version(ctx, job, version); }}},
                    ErrorStyle::rest);
  if (n == 5 && s[4] == "stop")
    return dispatch(ctx, {{"POST", [&] { return stop_training_version(ctx, job, version); }}}, ErrorStyle::rest);
  if (n == 5 && s[4] == "aom-log")
    return dispatch(ctx, {{"GET", [&] { return training_aom_log(ctx, job, version); }}}, ErrorStyle::rest);
  if (n == 5 && s[4] == "log")
    return dispatch(ctx, {{"GET", [&] { return training_legacy_log(ctx, job, version); }}}, ErrorStyle::rest);
  if (n == 6 && s[4] == "log" && s[5] == "file-names")
    return dispatch(ctx, {{"GET", [&] { return training_log_file_names(ctx, job, version); }}}, ErrorStyle::rest);
  return unknown_path(ErrorStyle::rest);
}

ServiceResponse configs(RequestContext& ctx, const std::vector<std::string>& s) {
  if (s.size() == 1)
    return dispatch(ctx,
                    {{"GET", [&] { return list_job_configs(ctx); }}, {"POST", [&] { return create_job_config(ctx); }}},
                    ErrorStyle::rest);
  if (s.size() == 2)
    return dispatch(ctx,
                    {{"GET", [&] { return get_job_config(ctx, s[1]); }},
                     {"PUT", [&] { return update_job_config(ctx, s[1]); }},
                     {"DELETE", [&] { return delete_job_config(ctx, s[1]); }}},
                    ErrorStyle::rest);
  return unknown_path(ErrorStyle::rest);
}

ServiceResponse visualization(RequestContext& ctx, const std::vector<std::string>& s) {
  if (s.size() == 1)
    return dispatch(ctx,
                    {{"GET", [&] { return list_visualization_jobs(ctx); }},
                     {"POST", [&] { return create_visualization_job(ctx); }}},
                    ErrorStyle::rest);
  if (s.size() == 2)
    return dispatch(ctx,
                    {{"GET", [&] { return get_visualization_job(ctx, s[1]); }},
                     {"PUT", [&] { return update_visualization_job(ctx, s[1]); }},
                     {"DELETE", [&] { return delete_visualization_job(ctx, s[1]); }}},
                    ErrorStyle::rest);
  if (s.size() == 3 && s[2] == "stop")
    return dispatch(ctx, {{"POST", [&] { return stop_visualization_job(ctx, s[1]); }}}, ErrorStyle::rest);
  if (s.size() == 3 && s[2] == "restart")
    return dispatch(ctx, {{"POST", [&] { return restart_visualization_job(ctx, s[1]); }}}, ErrorStyle::rest);
  return unknown_path(ErrorStyle::rest);
}

ServiceResponse labels(RequestContext& ctx, const std::vector<std::string>& s) {
  if (s.size() == 1)
    return dispatch(ctx,
                    {{"GET", [&] { return list_label_jobs(ctx); }}, {"POST", [&] { return create_label_job(ctx); }}},
                    ErrorStyle::legacy);
  if (s.size() == 2)
    return dispatch(
        ctx,
        {{"PUT", [&] { return update_label_job(ctx, s[1]); }}, {"DELETE", [&] { return delete_label_job(ctx, s[1]); }}},
        ErrorStyle::legacy);
  if (s.size() == 3 && s[2] == "validation")
    return dispatch(ctx,
                    {{"GET", [&] { return query_label_validation(ctx, s[1]); }},
                     {"POST", [&] { return save_label_validation(ctx, s[1]); }}},
                    ErrorStyle::legacy);
  return unknown_path(ErrorStyle::legacy);
}
}  // namespace

ServiceResponse route(RequestContext& ctx) {
  const auto& all = ctx.request.segments;
  if (all.size() >= 3 && all[0] == "v2") return v2::route(ctx);
  if (all.size() < 3 || all[0] != "v1") return unknown_path(ErrorStyle::rest);
  const std::vector<std::string> s(all.begin() + 2, all.end());
  if (s[0] == "training-jobs") return training(ctx, s);
  if (s[0] == "training-job-configs") return configs(ctx, s);
  if (s[0] == "visualization-jobs") return visualization(ctx, s);
  if (s[0] == "annotation-jobs") return labels(ctx, s);
  if (s.size() == 2 && s[0] == "job" && s[1] == "resource-specs")
    return dispatch(ctx, {{"GET", [&] { return list_resource_specs(ctx); }}}, ErrorStyle::rest);
  if (s.size() == 2 && s[0] == "job" && s[1] == "ai-engines")
    return dispatch(ctx, {{"GET", [&] { return list_ai_engines(ctx); }}}, ErrorStyle::rest);
  if (s.size() == 1 && s[0] == "built-in-algorithms")
    return dispatch(ctx, {{"GET", [&] { return list_built_in_algorithms(ctx); }}}, ErrorStyle::rest);
  return unknown_path(ErrorStyle::rest);
}

}  // namespace modelarts::testing::detail::service
