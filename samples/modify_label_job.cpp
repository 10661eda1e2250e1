// SPDX-License-Identifier: Apache-2.0
// Rename a label (annotation) job and change its description with the legacy LabelApi, as in the Python docs:
//
//   labelapi.mod_label_job(project_id="...", job_id="062ef90a-...",
//                          mod_label_req={"name": "label_name", "description": "label_description"})
//
// Usage: modify_label_job [JOB_ID]
// Without a JOB_ID the sample creates a label job first, modifies it, and deletes it again at the end.
#include <ctime>
#include <iostream>
#include <string>

#include <modelarts/modelarts.hpp>

namespace ma = modelarts;

int main(int argc, char** argv) {
  try {
    ma::Session session;
    ma::LabelApi labelapi(session);
    const std::string project_id = session.project_id();
    const std::string suffix = std::to_string(std::time(nullptr) % 1000000);

    std::string job_id = argc > 1 ? argv[1] : "";
    const bool created_here = job_id.empty();
    if (created_here) {
      ma::CreateLabelRequest request;
      request.name = "sample_label_" + suffix;
      request.description = "created by the modify_label_job sample";
      request.path = "/sample-bucket/images/";
      job_id = labelapi.create_label_job(project_id, request).job_id;
      std::cout << "created label job " << job_id << " (" << request.name << ")\n";
    }

    // The call this sample is about: {"name", "description"} as Python's mod_label_req dict.
    const ma::ModLabelRequest change{"label_name_" + suffix, "label_description"};
    const std::string modified = labelapi.mod_label_job(project_id, job_id, change);
    std::cout << "modified label job " << modified << ": name '" << change.name << "', description '"
              << change.description << "'\n";

    // Read it back: the service has no single-job GET, so search the list by the new name.
    const ma::LabelJobList found =
        labelapi.query_label_jobs(project_id, ma::LabelJobQuery{}.search_content(change.name).limit(100));
    for (const auto& job : found.items)
      if (job.id == job_id) std::cout << "the service now reports: " << job.name << " / " << job.description << '\n';

    if (created_here) {
      labelapi.delete_label_job(project_id, job_id);
      std::cout << "deleted label job " << job_id << " again\n";
    }
    return 0;
  } catch (const ma::Error& error) {
    std::cerr << "modify_label_job: " << error.what() << '\n';
    return 1;
  }
}
