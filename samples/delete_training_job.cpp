// SPDX-License-Identifier: Apache-2.0
// Delete a training job (and all its versions), as in the Python SDK docs:
//
//   Estimator.delete_job_by_id(modelarts_session=session, job_id="10")    # static, by ID
//   job_instance.delete_job()                                              # on a TrainingJob object
//
// Usage: delete_training_job [JOB_ID]
// Without a JOB_ID the sample first creates a training job (Estimator::fit), so it runs against an empty emulator.
#include <ctime>
#include <iostream>
#include <string>

#include <modelarts/modelarts.hpp>

namespace ma = modelarts;

int main(int argc, char** argv) {
  try {
    ma::Session session;

    std::string job_id = argc > 1 ? argv[1] : "";
    if (job_id.empty()) {
      const ma::Estimator estimator(session, ma::EstimatorOptions{}
                                                 .train_instance_type("modelarts.vm.cpu.2u")
                                                 .train_instance_count(1)
                                                 .framework_type("PyTorch")
                                                 .framework_version("PyTorch-1.0.0-python3.6")
                                                 .code_dir("/sample-bucket/code/")
                                                 .boot_file("/sample-bucket/code/train.py")
                                                 .output_path("/sample-bucket/output/"));
      const ma::TrainingJob created = estimator.fit(ma::Inputs::obs("/sample-bucket/data/"), /*wait=*/false,
                                                    "sample-job-" + std::to_string(std::time(nullptr) % 1000000));
      job_id = created.job_id();
      std::cout << "created training job " << job_id << " (" << created.info().job_name << "), version "
                << created.version_id() << '\n';
    }

    // The call this sample is about. A handle built from an ID makes no request until delete_job().
    const ma::TrainingJob job(session, job_id);
    job.delete_job();  // same request as ma::Estimator::delete_job_by_id(session, job_id)
    std::cout << "deleted training job " << job_id << '\n';
    return 0;
  } catch (const ma::Error& error) {
    std::cerr << "delete_training_job: " << error.what() << '\n';
    return 1;
  }
}
