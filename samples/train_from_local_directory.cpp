// SPDX-License-Identifier: Apache-2.0
// Train from a local code directory (Python: Estimator(training_files=TrainingFiles(code_dir=<local dir>,
// boot_file="train.py", obs_path="obs://bucket/stage/"), ...).fit()):
//   1. write a small training project into a local directory
//   2. fit() checks it (code-directory limits, the boot file), uploads it under obs_path + <tree hash>/code/
//      (only what is not there yet), then creates the v2 training job pointing at the uploaded copy
//   3. follow the job's log until it ends; the log is also exported to OBS (log_url)
//   4. a second fit of the unchanged tree re-uses the same OBS prefix; clean up both jobs
//
// Run it against the local emulator (its OBS has the bucket "modelarts-emulator" from the start):
//   scripts/with-emulator --time-scale 200 -- build/bin/train_from_local_directory
// Against the cloud, set OBS_STAGE to an obs:// folder in the ModelArts region.
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include <modelarts/modelarts.hpp>
#include <modelarts/v2/estimator.hpp>

namespace ma = modelarts;
namespace v2 = modelarts::v2;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

int main() {
  const fs::path project = fs::temp_directory_path() / ("modelarts-sample-code-" + std::to_string(std::time(nullptr)));
  try {
    ma::Session session;
    const char* stage_env = std::getenv("OBS_STAGE");
    const std::string stage = stage_env != nullptr ? stage_env : "obs://modelarts-emulator/stage/";

    // 1. A local project: the boot file and a helper module.
    fs::create_directories(project / "utils");
    std::ofstream(project / "train.py") << "from utils.data import load\nprint('training on', load())\n";
    std::ofstream(project / "utils" / "data.py") << "def load():\n    return 'local code'\n";
    std::cout << "1. local code directory " << project.filename().string() << ": train.py, utils/data.py\n";

    // 2. Upload and create in one call.
    const v2::Estimator estimator(session, v2::EstimatorOptions{}
                                               .training_files({project.string(), "train.py", stage})
                                               .framework_type("PyTorch")
                                               .framework_version("pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64")
                                               .train_instance_type("modelarts.vm.cpu.8u")
                                               .log_url(stage + "logs/")
                                               .job_description("trained from a local directory"));
    const std::string name = "local-code-" + std::to_string(std::time(nullptr) % 1000000);
    const v2::TrainingJob job = estimator.fit({}, /*wait=*/false, name);
    const v2::TrainingJobInfo created = job.get_job_info();
    std::cout << "2. created training job " << job.job_id() << " with code_dir " << created.algorithm.code_dir
              << " and boot_file " << created.algorithm.boot_file << '\n';
    if (!session.obs().exists(created.algorithm.boot_file)) {
      std::cerr << "unexpected: the boot file is not on OBS\n";
      return 1;
    }

    // 3. Follow the log to the end.
    const v2::TrainingJobInfo done = job.follow_logs(
        "worker-0", [](std::string_view text) { std::cout << "   | " << text; },
        v2::FollowOptions{}.poll_interval(200ms).timeout(10min));
    std::cout << "3. training job ended: " << v2::to_string(done.status.phase) << '\n';

    // 4. The same tree again: the same prefix, nothing new to upload.
    const v2::TrainingJob again = estimator.fit({}, false, name + "-again");
    const std::string again_dir = again.get_job_info().algorithm.code_dir;
    std::cout << "4. a second fit re-used " << again_dir << '\n';
    if (again_dir != created.algorithm.code_dir) {
      std::cerr << "unexpected: an unchanged tree went to another prefix\n";
      return 1;
    }
    job.delete_job();
    again.delete_job();
    std::cout << "4. deleted both training jobs\n";
    fs::remove_all(project);
    return v2::succeeded(done) ? 0 : 1;
  } catch (const ma::Error& e) {
    std::cerr << "error: " << e.what() << '\n';
    std::error_code ignored;
    fs::remove_all(project, ignored);
    return 1;
  }
}
