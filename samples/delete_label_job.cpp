// SPDX-License-Identifier: Apache-2.0
// Delete a label (annotation) job with the legacy LabelApi, call for call as in the Python SDK docs:
//
//   labelapi = LabelApi(client)
//   labelapi.delete_label_job(project_id="...", job_id="062ef90a-...")
//
// Usage: delete_label_job [JOB_ID]
// Without a JOB_ID the sample first creates a label job, so that it runs against an empty emulator:
//   scripts/with-emulator -- build/bin/delete_label_job
#include <ctime>
#include <iostream>
#include <string>

#include <modelarts/modelarts.hpp>

namespace ma = modelarts;

int main(int argc, char** argv) {
  try {
    ma::Session session;  // credentials, region, project and endpoint from the environment
    ma::LabelApi labelapi(session);
    const std::string project_id = session.project_id();

    std::string job_id = argc > 1 ? argv[1] : "";
    if (job_id.empty()) {
      ma::CreateLabelRequest request;
      request.name = "sample_label_" + std::to_string(std::time(nullptr) % 1000000);
      request.description = "created by the delete_label_job sample";
      request.data_type = "OBS";
      request.path = "/sample-bucket/images/";
      request.type = "Manual Image classify";
      const ma::CreatedLabelJob created = labelapi.create_label_job(project_id, request);
      job_id = created.job_id;
      std::cout << "created label job " << job_id << " (" << request.name << ")\n";
    }

    // The call this sample is about: project ID first, then the job ID.
    const std::string deleted = labelapi.delete_label_job(project_id, job_id);
    std::cout << "deleted label job " << deleted << '\n';
    return 0;
  } catch (const ma::Error& error) {  // ApiError, TransportError, ConfigurationError, ...
    std::cerr << "delete_label_job: " << error.what() << '\n';
    return 1;
  }
}
