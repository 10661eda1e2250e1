// SPDX-License-Identifier: Apache-2.0
#include "router.hpp"

#include <functional>
#include <utility>
#include <vector>

#include "testing/emulator/service/reply.hpp"
#include "handlers.hpp"
#include "reply.hpp"

namespace modelarts::testing::detail::service::v2 {
namespace {

using Methods = std::vector<std::pair<const char*, std::function<ServiceResponse()>>>;

ServiceResponse dispatch(RequestContext& ctx, const Methods& methods) {
  std::string allow;
  for (const auto& [method, handler] : methods) {
    if (ctx.request.method == method) return handler();
    allow += (allow.empty() ? "" : ", ") + std::string(method);
  }
  ServiceResponse response =
      error(Failure{"ModelArts.2803", "Method " + printable(ctx.request.method) + " is not allowed here."});
  response.headers.emplace_back("Allow", allow);
  return response;
}

ServiceResponse unknown_path() { return error(Failure{"ModelArts.2836", "The requested path was not found."}); }

ServiceResponse job(RequestContext& ctx, const std::vector<std::string>& s) {
  const std::string& id = s[1];
  const auto n = s.size();
  if (n == 2)
    return dispatch(ctx, {{"GET", [&] { return get_job(ctx, id); }},
                          {"PUT", [&] { return update_job(ctx, id); }},
                          {"DELETE", [&] { return delete_job(ctx, id); }}});
  if (n == 3 && s[2] == "actions") return dispatch(ctx, {{"POST", [&] { return job_action(ctx, id); }}});
  if (n == 3 && s[2] == "events") return dispatch(ctx, {{"GET", [&] { return events(ctx, id); }}});
  if (n == 3 && s[2] == "tasks") return dispatch(ctx, {{"GET", [&] { return list_tasks(ctx, id); }}});
  if (n == 4 && s[2] == "metrics") return dispatch(ctx, {{"GET", [&] { return metrics(ctx, id, s[3]); }}});
  if (n == 6 && s[2] == "tasks" && s[4] == "logs" && s[5] == "preview")
    return dispatch(ctx, {{"GET", [&] { return log_preview(ctx, id, s[3]); }}});
  if (n == 6 && s[2] == "tasks" && s[4] == "logs" && s[5] == "url")
    return dispatch(ctx, {{"GET", [&] { return log_url(ctx, id, s[3]); }}});
  return unknown_path();
}

}  // namespace

ServiceResponse route(RequestContext& ctx) {
  const auto& all = ctx.request.segments;
  if (all.size() < 3) return unknown_path();
  const std::vector<std::string> s(all.begin() + 2, all.end());
  if (s[0] == "training-jobs") {
    if (s.size() == 1) return dispatch(ctx, {{"POST", [&] { return create_job(ctx); }}});
    return job(ctx, s);
  }
  if (s.size() == 1 && s[0] == "training-job-searches") return dispatch(ctx, {{"POST", [&] { return search_jobs(ctx); }}});
  if (s.size() == 1 && s[0] == "training-job-flavors") return dispatch(ctx, {{"GET", [&] { return list_flavors(ctx); }}});
  if (s.size() == 1 && s[0] == "training-job-engines") return dispatch(ctx, {{"GET", [&] { return list_engines(ctx); }}});
  return unknown_path();
}

}  // namespace modelarts::testing::detail::service::v2
