// v2 jobs in the state file: each job's fields plus its algorithm and spec objects as stored.
#include <stdexcept>

#include "state.hpp"

namespace modelarts::testing::detail::service::v2 {
namespace json = boost::json;

namespace {
const char* outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::fail: return "fail";
    case Outcome::abnormal: return "abnormal";
    case Outcome::hang: return "hang";
    case Outcome::complete: break;
  }
  return "complete";
}
Outcome outcome_from(const json::string& name) {
  if (name == "fail") return Outcome::fail;
  if (name == "abnormal") return Outcome::abnormal;
  if (name == "hang") return Outcome::hang;
  return Outcome::complete;
}
}  // namespace

json::array jobs_to_json(const Jobs& jobs) {
  json::array out;
  for (const auto& [id, job] : jobs.by_id)
    out.push_back(json::object{{"id", job.id},
                               {"name", job.name},
                               {"description", job.description},
                               {"workspace_id", job.workspace_id},
                               {"create_ms", job.create_ms},
                               {"terminate_ms", job.terminate_ms},
                               {"outcome", outcome_name(job.outcome)},
                               {"annotations", job.annotations},
                               {"algorithm", job.algorithm},
                               {"spec", job.spec}});
  return out;
}

Jobs jobs_from_json(const json::value* array) {
  Jobs jobs;
  if (array == nullptr) return jobs;  // a state file written before v2 jobs existed
  try {
    for (const json::value& item : array->as_array()) {
      const json::object& o = item.as_object();
      Job job;
      job.id = std::string(o.at("id").as_string());
      job.name = std::string(o.at("name").as_string());
      job.description = std::string(o.at("description").as_string());
      job.workspace_id = std::string(o.at("workspace_id").as_string());
      job.create_ms = o.at("create_ms").to_number<std::int64_t>();
      job.terminate_ms = o.at("terminate_ms").to_number<std::int64_t>();
      job.outcome = outcome_from(o.at("outcome").as_string());
      job.annotations = o.at("annotations").as_object();
      job.algorithm = o.at("algorithm").as_object();
      job.spec = o.at("spec").as_object();
      jobs.by_id[job.id] = std::move(job);
    }
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("invalid v2_training_jobs: ") + e.what());
  }
  return jobs;
}

}  // namespace modelarts::testing::detail::service::v2
