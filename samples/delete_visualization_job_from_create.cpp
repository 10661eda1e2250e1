// SPDX-License-Identifier: Apache-2.0
// Delete a visualization job through the object its create call returned, as in the Python SDK docs:
//
//   visualization_job = VisualizationJob(modelarts_session=session).create_visualization_job(
//       train_url="/bucket/output/", job_name="my-visualization", job_desc="...")
//   visualization_job.delete_visualization_job()
//
// Usage: delete_visualization_job_from_create [TRAIN_URL]
// The object holds what the create call returned (job_id, job_name, status...): reading it costs no request.
#include <iostream>
#include <string>

#include <modelarts/modelarts.hpp>

namespace ma = modelarts;

int main(int argc, char** argv) {
  try {
    ma::Session session;
    const std::string train_url = argc > 1 ? argv[1] : "/sample-bucket/output/";

    const ma::VisualizationJob visualization_job = ma::VisualizationJob(session).create_visualization_job(
        train_url, /*job_name=*/{}, "created by the delete_visualization_job_from_create sample");
    const ma::VisualizationJobInfo& created = visualization_job.info();
    std::cout << "created visualization job " << created.job_id << " (" << created.job_name << "), status "
              << created.status_name() << '\n';

    // The call this sample is about: the same object, no look-up needed.
    visualization_job.delete_visualization_job();
    std::cout << "deleted visualization job " << visualization_job.job_id() << '\n';
    return 0;
  } catch (const ma::Error& error) {
    std::cerr << "delete_visualization_job_from_create: " << error.what() << '\n';
    return 1;
  }
}
