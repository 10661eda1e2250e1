// SPDX-License-Identifier: Apache-2.0
// Delete a visualization job found through a list call, as in the Python SDK docs:
//
//   jobs = VisualizationJob.get_visualization_job_object_list(modelarts_session=session)
//   jobs[0].delete_visualization_job()
//
// Usage: delete_visualization_job_from_list [JOB_ID]
// With a JOB_ID the sample pages through every visualization job to find it; without one it first creates a
// job (so it runs against an empty emulator) and finds it by name with a searched list call.
#include <iostream>
#include <optional>
#include <string>

#include <modelarts/modelarts.hpp>

namespace ma = modelarts;

int main(int argc, char** argv) {
  try {
    ma::Session session;
    std::optional<ma::VisualizationJob> target;

    if (argc > 1) {
      // Lazy paging: one page in memory at a time, however many jobs there are.
      for (const ma::VisualizationJob& job : ma::VisualizationJob::list(session, ma::ListOptions{}.per_page(100)))
        if (job.job_id() == argv[1]) {
          target = job;
          break;
        }
      if (!target) {
        std::cerr << "delete_visualization_job_from_list: no visualization job " << argv[1] << '\n';
        return 1;
      }
    } else {
      const ma::VisualizationJob created = ma::VisualizationJob(session).create_visualization_job(
          "/sample-bucket/output/", {}, "created by the delete_visualization_job_from_list sample");
      const std::string name = created.info().job_name;
      std::cout << "created visualization job " << created.job_id() << " (" << name << ")\n";

      // One page of objects, each holding the row the service returned.
      for (const ma::VisualizationJob& job :
           ma::VisualizationJob::get_visualization_job_object_list(session, ma::ListOptions{}.search_content(name)))
        if (job.info().job_name == name) target = job;
      if (!target) {
        std::cerr << "delete_visualization_job_from_list: the list did not show " << name << '\n';
        return 1;
      }
    }

    std::cout << "found visualization job " << target->job_id() << " (" << target->info().job_name << ", "
              << target->info().status_name() << ") in the list\n";
    // The call this sample is about: on an object that came from the list.
    target->delete_visualization_job();
    std::cout << "deleted visualization job " << target->job_id() << '\n';
    return 0;
  } catch (const ma::Error& error) {
    std::cerr << "delete_visualization_job_from_list: " << error.what() << '\n';
    return 1;
  }
}
