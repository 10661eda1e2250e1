// SPDX-License-Identifier: Apache-2.0
// Delete a visualization job through an object built from its ID (no request until the delete), as in the
// Python SDK docs:
//
//   visualization_job = VisualizationJob(modelarts_session=session, visualization_id='8992')
//   visualization_job.delete_visualization_job()
//
// Usage: delete_visualization_job_from_id [JOB_ID]
// Without a JOB_ID the sample first creates a visualization job, so it runs against an empty emulator.
#include <iostream>
#include <string>

#include <modelarts/modelarts.hpp>

namespace ma = modelarts;

int main(int argc, char** argv) {
  try {
    ma::Session session;

    std::string job_id = argc > 1 ? argv[1] : "";
    if (job_id.empty()) {
      // job_name left empty: the SDK generates one that follows the service's name rules.
      const ma::VisualizationJob created = ma::VisualizationJob(session).create_visualization_job(
          "/sample-bucket/output/", {}, "created by the delete_visualization_job_from_id sample");
      job_id = created.job_id();
      std::cout << "created visualization job " << job_id << " (" << created.info().job_name << ")\n";
    }

    // The call this sample is about.
    const ma::VisualizationJob visualization_job(session, job_id);
    visualization_job.delete_visualization_job();
    std::cout << "deleted visualization job " << job_id << '\n';
    return 0;
  } catch (const ma::Error& error) {
    std::cerr << "delete_visualization_job_from_id: " << error.what() << '\n';
    return 1;
  }
}
