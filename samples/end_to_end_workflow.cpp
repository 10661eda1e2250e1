// SPDX-License-Identifier: Apache-2.0
// A whole training workflow with the SDK, printing each step:
//   1. create a training job with Estimator::fit
//   2. wait for it, with a progress callback
//   3. read its log
//   4. create a visualization (TensorBoard) job on its output path
//   5. list training and visualization jobs
//   6. update both descriptions
//   7. stop the visualization job
//   8. delete everything it made
//
// Run it against the local emulator (200x time: the job's minute of training takes a third of a second):
//   scripts/with-emulator --time-scale 200 -- build/bin/end_to_end_workflow
#include <chrono>
#include <ctime>
#include <iostream>
#include <string>
#include <thread>

#include <modelarts/modelarts.hpp>

namespace ma = modelarts;
using namespace std::chrono_literals;

namespace {

/// Polls a visualization job until `done(status)` holds: VisualizationJob::wait stops at "running", and a stop
/// takes a moment to show (the service moves jobs on asynchronously).
ma::VisualizationJobInfo wait_for_visualization(const ma::VisualizationJob& job, bool (*done)(int),
                                                std::chrono::seconds limit = 120s) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  for (auto pause = 50ms;; pause = std::min(pause * 2, std::chrono::milliseconds(2s))) {
    ma::VisualizationJobInfo info = job.get_visualization_job_info();
    if (done(info.status_code()) || std::chrono::steady_clock::now() > deadline) return info;
    std::this_thread::sleep_for(pause);
  }
}

}  // namespace

int main() {
  try {
    ma::Session session;
    std::cout << "session: region " << session.region_name() << ", project " << session.project_id() << ", endpoint "
              << session.modelarts_endpoint() << "\n\n";
    const std::string suffix = std::to_string(std::time(nullptr) % 1000000);
    const std::string output_path = "/sample-bucket/e2e-" + suffix + "/output/";

    // 1. Create a training job: Python Estimator(...).fit(inputs=..., wait=False, job_name=...).
    const ma::Estimator estimator(session, ma::EstimatorOptions{}
                                               .train_instance_type("modelarts.vm.cpu.2u")
                                               .train_instance_count(1)
                                               .framework_type("PyTorch")
                                               .framework_version("PyTorch-1.0.0-python3.6")
                                               .code_dir("/sample-bucket/code/")
                                               .boot_file("/sample-bucket/code/train.py")
                                               .output_path(output_path)
                                               .hyperparameters({{"learning_rate", "0.01"}, {"epochs", "3"}})
                                               .job_description("end-to-end sample"));
    const ma::TrainingJob job = estimator.fit(ma::Inputs::obs("/sample-bucket/data/"), /*wait=*/false, "e2e-" + suffix);
    std::cout << "1. created training job " << job.job_id() << " (" << job.info().job_name << "), version "
              << job.version_id() << ", status " << job.info().status_name() << '\n';

    // 2. Wait for it. Short polling intervals suit the emulator; against the real service use the defaults.
    int last_status = -1;  // a code no status has
    const ma::JobInfo final_info = job.wait(ma::WaitOptions{}
                                                .initial_interval(100ms)
                                                .factor(1.5)
                                                .max_interval(2s)
                                                .timeout(10min)
                                                .on_progress([&last_status](const ma::JobInfo& info) {
                                                  if (info.status_code() == last_status) return;  // print changes only
                                                  last_status = info.status_code();
                                                  std::cout << "2. ... status " << info.status_name()
                                                            << ", running for " << info.duration << " ms\n";
                                                }));
    std::cout << "2. training job finished: " << final_info.status_name() << " after " << final_info.duration
              << " ms of training\n";

    // 3. Read its log: the file list (one per worker), then the newest lines of the first file.
    const std::vector<std::string> log_files = job.get_job_log_file_list();
    std::cout << "3. log files: " << log_files.size() << '\n';
    if (!log_files.empty()) {
      const ma::JobLog log = job.get_job_log(log_files.front(), ma::LogQuery{}.lines(5));
      std::cout << "3. last " << log.lines << " lines of " << log_files.front() << ":\n" << log.content;
      if (!log.content.empty() && log.content.back() != '\n') std::cout << '\n';
    }

    // 4. A visualization job on the training output (where the event files are).
    const ma::VisualizationJob visualization = ma::VisualizationJob(session).create_visualization_job(
        final_info.train_url.empty() ? output_path : final_info.train_url, "e2e-vis-" + suffix, "end-to-end sample");
    std::cout << "4. created visualization job " << visualization.job_id() << " (" << visualization.info().job_name
              << ") on " << (final_info.train_url.empty() ? output_path : final_info.train_url) << '\n';

    // 5. List: the training jobs page by page (lazily), and one page of visualization jobs as objects.
    std::cout << "5. training jobs:\n";
    for (const ma::TrainingJob& listed : ma::TrainingJob::list(session, ma::ListOptions{}.per_page(50)))
      std::cout << "     " << listed.job_id() << "  " << listed.info().job_name << "  " << listed.info().status_name()
                << '\n';
    std::cout << "5. visualization jobs:\n";
    for (const ma::VisualizationJob& listed : ma::VisualizationJob::get_visualization_job_object_list(session))
      std::cout << "     " << listed.job_id() << "  " << listed.info().job_name << "  " << listed.info().status_name()
                << '\n';

    // 6. Update both descriptions.
    job.update_job_description("end-to-end sample: trained");
    visualization.update_visualization_job("end-to-end sample: looked at");
    std::cout << "6. descriptions now: '" << job.get_job_version_info().job_desc << "' and '"
              << visualization.get_visualization_job_info().job_desc << "'\n";

    // 7. Stop the visualization job once it is up (stop is refused while it is still initializing).
    const ma::VisualizationJobInfo up =
        visualization.wait(ma::VisualizationWaitOptions{}.initial_interval(50ms).max_interval(2s).timeout(2min));
    std::cout << "7. visualization job is " << up.status_name() << '\n';
    visualization.stop_visualization_job();
    const auto stopped = [](int status) { return ma::is_terminal_status(status); };
    std::cout << "7. stopped visualization job: " << wait_for_visualization(visualization, stopped).status_name()
              << '\n';

    // 8. Clean up everything this sample made.
    visualization.delete_visualization_job();
    std::cout << "8. deleted visualization job " << visualization.job_id() << '\n';
    job.delete_job();
    std::cout << "8. deleted training job " << job.job_id() << '\n';
    std::cout << "\ndone\n";
    return 0;
  } catch (const ma::Error& error) {
    std::cerr << "end_to_end_workflow: " << error.what() << '\n';
    return 1;
  }
}
