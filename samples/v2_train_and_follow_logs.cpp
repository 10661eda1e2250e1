// SPDX-License-Identifier: Apache-2.0
// Train with the new-version (v2) API and follow the log, as the Python estimatorV2 does:
//
//   estimator = Estimator(session=session, training_files=TrainingFiles(code_dir="obs://bkt/code/",
//                         boot_file="train.py"), outputs=[OutputData(obs_path="obs://bkt/out/", name="train_url")],
//                         framework_type="PyTorch", framework_version="pytorch_1.8.0-...",
//                         train_instance_type="modelarts.vm.cpu.8u", train_instance_count=1,
//                         log_url="obs://bkt/logs/")
//   job_instance = estimator.fit(inputs=[InputData(obs_path="obs://bkt/data/", name="data_url")], job_name="...")
//   job_instance.get_job_log(task_id="worker-0")            # C++ follows it until the job ends
//
// Usage: v2_train_and_follow_logs [JOB_NAME]
#include <ctime>
#include <iostream>
#include <string>

#include <modelarts/modelarts.hpp>

namespace ma = modelarts;
namespace v2 = modelarts::v2;

namespace {
/// Log text comes from the service: keep newlines and tabs, drop other control bytes before the terminal.
void print_log(std::string_view text) {
  std::string safe;
  safe.reserve(text.size());
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n' || c == '\t' || (byte >= 0x20 && byte != 0x7F)) safe.push_back(c);
  }
  std::cout << safe << std::flush;
}
}  // namespace

int main(int argc, char** argv) {
  try {
    ma::Session session;
    const v2::Estimator estimator(session, v2::EstimatorOptions{}
                                               .training_files({"obs://sample-bucket/code/", "train.py", ""})
                                               .framework_type("PyTorch")
                                               .framework_version("pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64")
                                               .train_instance_type("modelarts.vm.cpu.8u")
                                               .train_instance_count(1)
                                               .parameters({{"epochs", "3"}, {"lr", "0.01"}})
                                               .outputs({{"obs://sample-bucket/out/", "train_url", ""}})
                                               .log_url("obs://sample-bucket/logs/"));
    const std::string name = argc > 1 ? argv[1] : "v2-sample-" + std::to_string(std::time(nullptr) % 1000000);
    const v2::TrainingJob job = estimator.fit({{"obs://sample-bucket/data/", "data_url", ""}}, /*wait=*/false, name);
    std::cout << "created v2 training job " << job.job_id() << " (" << job.info().metadata.name << "), phase "
              << v2::to_string(job.info().status.phase) << '\n';

    // The call this sample is about: the log of worker-0, line by line, until the job ends.
    const v2::TrainingJobInfo done = job.follow_logs("worker-0", print_log,
                                                     v2::FollowOptions{}.poll_interval(std::chrono::milliseconds(200)));
    std::cout << "job " << job.job_id() << " ended " << v2::to_string(done.status.phase) << " after "
              << done.status.duration << " ms of training\n";
    return v2::succeeded(done) ? 0 : 1;
  } catch (const ma::Error& error) {
    std::cerr << "v2_train_and_follow_logs: " << error.what() << '\n';
    return 1;
  }
}
