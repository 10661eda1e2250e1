// SPDX-License-Identifier: Apache-2.0
// List every new-version (v2) training job in one phase, page by page, as Python's
// Estimator.get_job_list(session, offset, limit, filters=[{"key": "phase", "operator": "in", "value": [...]}])
// does one page at a time.
//
// Usage: v2_list_jobs_in_phase [PHASE]      (default Pending: the queued jobs)
// Against an empty emulator the sample first creates a few jobs so there is something to list.
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <modelarts/modelarts.hpp>

namespace ma = modelarts;
namespace v2 = modelarts::v2;

int main(int argc, char** argv) {
  try {
    ma::Session session;
    const std::string phase = argc > 1 ? argv[1] : "Pending";
    if (v2::phase_from_string(phase) == v2::Phase::unknown) {
      std::cerr << "v2_list_jobs_in_phase: unknown phase (Creating, Pending, Running, Completed, Failed, "
                   "Terminating, Terminated, Abnormal)\n";
      return 2;
    }
    if (v2::TrainingJob::get_job_list(session, v2::SearchOptions{}.limit(1)).total == 0) {
      const v2::Estimator estimator(session, v2::EstimatorOptions{}
                                                 .user_image_url("sample-org/trainer:1.0")
                                                 .user_command("sh run.sh")
                                                 .train_instance_type("modelarts.vm.cpu.2u")
                                                 .env_variables({{"EMULATOR_OUTCOME", "hang"}}));  // stays Pending
      std::vector<v2::TrainingJob> created;
      for (int i = 0; i < 3; ++i) created.push_back(estimator.fit({}, false, "v2-list-" + std::to_string(i)));
      // A new job is Creating for a moment before it queues (Pending).
      for (const v2::TrainingJob& job : created) {
        for (int i = 0; i < 600 && job.get_job_info().status.phase == v2::Phase::creating; ++i)
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      std::cout << "created 3 jobs to list\n";
    }

    // The call this sample is about: a lazy range over every page (10 jobs a request).
    std::size_t count = 0;
    for (const v2::TrainingJob& job :
         v2::TrainingJob::list(session, v2::SearchOptions{}.limit(10).filter("phase", "in", {phase}))) {
      const v2::TrainingJobInfo& info = job.info();  // held from the list reply: no extra request
      std::cout << info.metadata.id << "  " << info.metadata.name << "  " << info.status.phase_text << '\n';
      ++count;
    }
    std::cout << count << " job(s) in phase " << phase << '\n';
    return 0;
  } catch (const ma::Error& error) {
    std::cerr << "v2_list_jobs_in_phase: " << error.what() << '\n';
    return 1;
  }
}
