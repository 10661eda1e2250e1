// Train from a local code directory (Python: TrainingFiles(code_dir=<local dir>, obs_path=...)):
//   1. write a small training project into a local directory
//   2. stage it on OBS with session.obs(): checked against the code-directory limits, uploaded under a
//      content-addressed prefix, incrementally (a second run sends nothing)
//   3. create a training job whose code_dir and boot_file point at the staged copy, and wait for it
//   4. clean up the job
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

namespace ma = modelarts;
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

    // 2. Stage it. Progress arrives per file; the prefix is named by the tree's content hash.
    const ma::obs::ObsClient obs = session.obs();
    const auto options = ma::obs::TransferOptions{}.progress([](const ma::obs::TransferProgress& p) {
      std::cout << "2. ... " << p.files_done << '/' << p.files_total << " files, " << p.bytes_done << '/'
                << p.bytes_total << " bytes\n";
    });
    const ma::obs::UploadDirResult staged = obs.stage_code_dir(project.string(), stage, options);
    std::cout << "2. staged " << staged.files_uploaded << " files under " << staged.obs_prefix << " (tree "
              << staged.tree_hash.substr(0, 16) << ")\n";
    const ma::obs::UploadDirResult again = obs.stage_code_dir(project.string(), stage);
    std::cout << "2. staging again sent " << again.files_uploaded << " files, skipped " << again.files_skipped
              << " unchanged\n";
    if (again.files_uploaded != 0 || again.obs_prefix != staged.obs_prefix) {
      std::cerr << "unexpected: an unchanged tree was uploaded again\n";
      return 1;
    }

    // 3. The v1 job API takes "/bucket/path/" OBS paths.
    const std::string code_dir = "/" + staged.obs_prefix.substr(std::string("obs://").size());
    const ma::Estimator estimator(session, ma::EstimatorOptions{}
                                               .train_instance_type("modelarts.vm.cpu.2u")
                                               .train_instance_count(1)
                                               .framework_type("PyTorch")
                                               .framework_version("PyTorch-1.0.0-python3.6")
                                               .code_dir(code_dir)
                                               .boot_file(code_dir + "train.py")
                                               .output_path(code_dir + "../output/")
                                               .job_description("trained from a local directory"));
    const std::string name = "local-code-" + std::to_string(std::time(nullptr) % 1000000);
    const ma::TrainingJob job = estimator.fit(ma::Inputs::obs(code_dir), /*wait=*/false, name);
    std::cout << "3. created training job " << job.job_id() << " with code_dir " << code_dir << '\n';
    const ma::JobInfo info =
        job.wait(ma::WaitOptions{}.initial_interval(100ms).factor(1.5).max_interval(2s).timeout(10min));
    std::cout << "3. training job finished: " << info.status_name() << '\n';

    // 4. Clean up.
    job.delete_job();
    std::cout << "4. deleted the training job\n";
    fs::remove_all(project);
    return 0;
  } catch (const ma::Error& e) {
    std::cerr << "error: " << e.what() << '\n';
    std::error_code ignored;
    fs::remove_all(project, ignored);
    return 1;
  }
}
