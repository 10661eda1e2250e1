// SPDX-License-Identifier: Apache-2.0
#include "job_object.hpp"

namespace modelarts::testing::detail::service::v2 {
namespace json = boost::json;

std::vector<std::string> task_names(const Job& job) {
  std::int64_t nodes = 1;
  if (const json::value* resource = job.spec.if_contains("resource"))
    if (const json::value* count = resource->as_object().if_contains("node_count"))
      if (count->is_int64()) nodes = count->as_int64();
  std::vector<std::string> names;
  for (std::int64_t i = 0; i < nodes; ++i) names.push_back("worker-" + std::to_string(i));
  return names;
}

json::object job_object(const Job& job, const View& view) {
  json::object metadata{{"id", job.id},
                        {"name", job.name},
                        {"description", job.description},
                        {"create_time", job.create_ms},
                        {"workspace_id", job.workspace_id},
                        {"user_name", ""},
                        {"annotations", job.annotations}};
  json::array tasks;
  for (const std::string& name : task_names(job)) tasks.emplace_back(name);
  json::object status{{"phase", phase_name(view.phase)},
                      {"secondary_phase", secondary_phase_name(view.phase)},
                      {"duration", view.run_ms},
                      {"start_time", view.start_ms},
                      {"node_count_metrics", nullptr},
                      {"tasks", tasks}};
  if (view.phase == Phase::completed || view.phase == Phase::failed) {
    json::array statuses;
    const bool failed = view.phase == Phase::failed;
    for (const json::value& task : tasks)
      statuses.push_back(json::object{{"task", task},
                                      {"exit_code", failed ? 1 : 0},
                                      {"message", failed ? "Training finished. Exit code 1." : ""}});
    status["task_statuses"] = std::move(statuses);
  }
  return json::object{{"kind", "job"},
                      {"metadata", std::move(metadata)},
                      {"status", std::move(status)},
                      {"algorithm", job.algorithm},
                      {"spec", job.spec}};
}

}  // namespace modelarts::testing::detail::service::v2
