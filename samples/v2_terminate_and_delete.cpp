// SPDX-License-Identifier: Apache-2.0
// Terminate a running new-version (v2) training job, wait until it is Terminated, then delete it, as in the
// Python estimatorV2 docs:
//
//   Estimator.control_job_by_id(session=session, job_id="...")     # terminate
//   Estimator.delete_job_by_id(session=session, job_id="...")
//
// Usage: v2_terminate_and_delete [JOB_ID]
// Without a JOB_ID the sample first creates a job (Estimator::fit), so it runs against an empty emulator.
#include <ctime>
#include <iostream>
#include <string>

#include <modelarts/modelarts.hpp>

namespace ma = modelarts;
namespace v2 = modelarts::v2;

int main(int argc, char** argv) {
  try {
    ma::Session session;
    std::string job_id = argc > 1 ? argv[1] : "";
    if (job_id.empty()) {
      const v2::Estimator estimator(session, v2::EstimatorOptions{}
                                                 .user_image_url("sample-org/trainer:1.0")
                                                 .user_command("cd /home/ma-user/app && sh run.sh")
                                                 .train_instance_type("modelarts.vm.cpu.2u"));
      job_id = estimator.fit({}, false, "v2-stop-" + std::to_string(std::time(nullptr) % 1000000)).job_id();
      std::cout << "created v2 training job " << job_id << '\n';
    }

    // The calls this sample is about.
    const v2::TrainingJob job(session, job_id);
    const v2::TrainingJobInfo terminating = job.control_job();  // POST .../actions {"action_type":"terminate"}
    std::cout << "terminate accepted: phase " << v2::to_string(terminating.status.phase) << '\n';
    const v2::TrainingJobInfo ended = job.wait(v2::WaitOptions{}
                                                   .initial_interval(std::chrono::milliseconds(100))
                                                   .max_interval(std::chrono::seconds(5))
                                                   .timeout(std::chrono::minutes(10)));
    std::cout << "phase " << v2::to_string(ended.status.phase) << '\n';
    v2::Estimator::delete_job_by_id(session, job_id);  // DELETE .../training-jobs/{id} (202)
    std::cout << "deleted v2 training job " << job_id << '\n';
    try {
      job.get_job_info();
      std::cerr << "the deleted job still answers\n";
      return 1;
    } catch (const ma::ApiError& gone) {
      std::cout << "now: " << gone.error_code() << " (" << gone.error_solution() << ")\n";  // ModelArts.2775
    }
    return 0;
  } catch (const ma::Error& error) {
    std::cerr << "v2_terminate_and_delete: " << error.what() << '\n';
    return 1;
  }
}
