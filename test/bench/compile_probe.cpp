// SPDX-License-Identifier: Apache-2.0
// A typical user translation unit: the whole public API, one session, one call of each kind.
// scripts/bench times `g++ -std=c++17 -c` on it (design: "compiles in about a second").
#include <modelarts/modelarts.hpp>

#include <cstddef>

std::size_t count_visualization_jobs(const modelarts::Session& session) {
  std::size_t count = 0;
  for (const auto& job : modelarts::VisualizationJob::list(session, modelarts::ListOptions{}.per_page(100)))
    count += job.job_id().empty() ? 0u : 1u;
  return count;
}

int visualization_status(const modelarts::Session& session, const std::string& id) {
  return modelarts::VisualizationJob(session, id).get_visualization_job_info().status_code();
}
