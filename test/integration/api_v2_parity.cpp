// SPDX-License-Identifier: Apache-2.0
// Every estimatorV2 parity row (docs/python-parity.md) against the in-process emulator, over HTTP and HTTPS,
// with AK/SK and with password (IAM token) authentication: the whole lifecycle including terminate and a
// failing job, follow_logs across a moving window, and wait with stall detection.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "support/api_emulator_fixture.hpp"

using namespace modelarts;
using namespace modelarts::test;
namespace v2 = modelarts::v2;
using std::chrono::milliseconds;

namespace {

constexpr const char* kPyTorch = "pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64";

v2::WaitOptions fast_v2_wait() {
  return v2::WaitOptions{}.initial_interval(milliseconds(5)).factor(1.5).max_interval(milliseconds(40)).timeout(std::chrono::seconds(20));
}

v2::EstimatorOptions pytorch(const std::string& outcome = {}) {
  v2::EstimatorOptions options = v2::EstimatorOptions{}
                                     .training_files({"obs://bkt/code/", "train.py", ""})
                                     .framework_type("PyTorch")
                                     .framework_version(kPyTorch)
                                     .train_instance_type("modelarts.vm.cpu.8u")
                                     .train_instance_count(1)
                                     .outputs({{"obs://bkt/out/", "train_url", ""}})
                                     .log_url("obs://bkt/logs/")
                                     .wait_options(fast_v2_wait());
  if (!outcome.empty()) options.env_variables({{"EMULATOR_OUTCOME", outcome}});
  return options;
}

void v2_workflow(const Session& session) {
  // Catalogue statics.
  auto flavors = v2::Estimator::get_train_instance_types(session);
  BOOST_TEST(std::any_of(flavors.begin(), flavors.end(), [](const v2::FlavorInfo& f) { return f.flavor_id == "modelarts.vm.cpu.8u"; }));
  BOOST_TEST(v2::Estimator::get_train_instance_types(session, "GPU").size() == 1u);
  auto engines = v2::Estimator::get_framework_list(session);
  BOOST_TEST(std::any_of(engines.begin(), engines.end(), [](const v2::EngineInfo& e) { return e.engine_version == kPyTorch; }));

  // fit -> a job that runs to completion while its log is followed.
  v2::Estimator estimator(session, pytorch());
  v2::TrainingJob job = estimator.fit({{"obs://bkt/data/", "data_url", ""}}, false, "v2-parity");
  BOOST_TEST(job.info().metadata.name == "v2-parity");
  BOOST_TEST((job.info().status.phase == v2::Phase::creating));
  v2::TrainingJob by_id(session, job.job_id());
  by_id.update_job_configs("described");
  BOOST_TEST(by_id.get_job_info().metadata.description == "described");
  std::string log;
  v2::TrainingJobInfo done = job.follow_logs("worker-0", [&](std::string_view text) { log += text; },
                                             v2::FollowOptions{}.poll_interval(milliseconds(5)));
  BOOST_TEST(v2::succeeded(done));
  BOOST_TEST(log.find("ModelArts training task started\n") != std::string::npos);
  BOOST_TEST(log.find("Training finished. Exit code 0.\n") == log.size() - 32);
  BOOST_TEST(job.get_job_log().full_size == static_cast<std::int64_t>(log.size()));
  BOOST_TEST(job.get_job_log_url().find("modelarts-job-" + job.job_id() + "-worker-0.log") != std::string::npos);
  v2::Metrics metrics = job.get_job_metrics();
  BOOST_TEST(metrics.ready);
  BOOST_TEST(metrics.metrics.at(0).metric == "cpuUsage");
  v2::EventList events = job.get_job_events(v2::EventQuery{}.order("desc").limit(1));
  BOOST_TEST(events.events.at(0).message == "Training job completed.");
  BOOST_CHECK_THROW(job.control_job(), ApiError);  // 2796: a finished job cannot be terminated

  // A failing job: wait returns it.
  v2::TrainingJob failing = v2::Estimator(session, pytorch("fail")).fit({}, false, "v2-failing");
  v2::TrainingJobInfo failed = failing.wait(fast_v2_wait());
  BOOST_TEST((failed.status.phase == v2::Phase::failed));
  BOOST_TEST(failed.status.task_statuses.at(0).exit_code == 1);

  // Terminate, then delete; the deleted job is 2775.
  v2::TrainingJob stopping = v2::Estimator(session, pytorch()).fit({}, false, "v2-stopping");
  v2::TrainingJobInfo terminating = stopping.control_job();
  BOOST_TEST((terminating.status.phase == v2::Phase::terminating));
  BOOST_TEST((stopping.wait(fast_v2_wait()).status.phase == v2::Phase::terminated));

  // Search: one page, the object list, the lazy list, filters.
  v2::TrainingJobList page = v2::Estimator::get_job_list(session, v2::SearchOptions{}.limit(2).filter("name", "like", {"v2-"}));
  BOOST_TEST(page.count == 3);
  BOOST_TEST(page.items.size() == 2u);
  auto objects = v2::TrainingJob::get_job_object_list(session, v2::SearchOptions{}.filter("phase", "in", {"Terminated"}));
  BOOST_TEST_REQUIRE(objects.size() == 1u);
  BOOST_TEST(objects[0].job_id() == stopping.job_id());
  std::vector<std::string> all;
  for (const v2::TrainingJob& j : v2::TrainingJob::list(session, v2::SearchOptions{}.limit(1))) all.push_back(j.info().metadata.name);
  BOOST_TEST(all == (std::vector<std::string>{"v2-stopping", "v2-failing", "v2-parity"}));

  v2::Estimator::delete_job_by_id(session, stopping.job_id());
  failing.delete_job();
  try {
    stopping.get_job_info();
    BOOST_FAIL("deleted job still answers");
  } catch (const ApiError& e) {
    BOOST_TEST(e.http_status() == 400);
    BOOST_TEST(e.error_code() == "ModelArts.2775");
    BOOST_TEST((e.kind() == ErrorKind::not_found));
    BOOST_TEST(!e.error_solution().empty());
  }
  BOOST_CHECK_THROW(v2::Estimator::control_job_by_id(session, stopping.job_id()), ApiError);
  // A duplicate name is refused by the service (2751).
  try {
    v2::Estimator(session, pytorch()).fit({}, false, "v2-parity");
    BOOST_FAIL("duplicate accepted");
  } catch (const ApiError& e) {
    BOOST_TEST(e.error_code() == "ModelArts.2751");
    BOOST_TEST((e.kind() == ErrorKind::conflict));  // a name taken, as v1's ModelArts.0103
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(api_v2_parity)

BOOST_AUTO_TEST_CASE(http_aksk) {
  ApiEmulator e(false, Auth::aksk);
  v2_workflow(e.session);
}

BOOST_AUTO_TEST_CASE(https_aksk) {
  ApiEmulator e(true, Auth::aksk);
  v2_workflow(e.session);
}

BOOST_AUTO_TEST_CASE(http_password) {
  ApiEmulator e(false, Auth::password);
  v2_workflow(e.session);
}

BOOST_AUTO_TEST_CASE(https_password) {
  ApiEmulator e(true, Auth::password);
  v2_workflow(e.session);
}

BOOST_AUTO_TEST_CASE(follow_logs_across_a_moving_window) {
  // A 1000-byte window with time at 50x (a log line every 10 ms, a window of about 280 ms): between two
  // polls the log grows by less than the window, but the window moves several times over the run; the
  // followed text must hold every line once.
  modelarts::testing::Emulator emulator(modelarts::testing::EmulatorOptions{}.time_scale(50).v2_log_window(1000));
  Session session(emulator.session_options());
  v2::TrainingJob job = v2::Estimator(session, pytorch()).fit({}, false, "window");
  std::string log;
  std::size_t writes = 0;
  v2::TrainingJobInfo done = job.follow_logs("worker-0",
                                             [&](std::string_view text) {
                                               log += text;
                                               ++writes;
                                             },
                                             v2::FollowOptions{}.poll_interval(milliseconds(5)));
  BOOST_TEST(v2::succeeded(done));
  BOOST_TEST(log.find("modelarts:") == std::string::npos, "bytes were lost: " << log.substr(0, 200));
  BOOST_TEST(log.size() > 4000u);  // 4 windows' worth
  BOOST_TEST(writes > 5u);
  // Every step line once, in order.
  std::size_t at = 0;
  for (int step = 1; step <= 120; ++step) {
    char expect[40];
    std::snprintf(expect, sizeof expect, "step %06d ", step);
    std::size_t found = log.find(expect, at);
    BOOST_TEST_REQUIRE(found != std::string::npos, "missing " << expect);
    at = found + 1;
    BOOST_TEST(log.find(expect, at) == std::string::npos, "repeated " << expect);
  }
}

BOOST_AUTO_TEST_CASE(wait_detects_a_stalled_job) {
  ApiEmulator e(false, Auth::aksk);
  v2::TrainingJob job = v2::Estimator(e.session, pytorch("hang")).fit({}, false, "stuck");
  BOOST_CHECK_THROW(job.wait(fast_v2_wait().stall_timeout(milliseconds(100))), v2::JobStalledError);
  int stalls = 0;
  BOOST_CHECK_THROW(job.wait(fast_v2_wait()
                                 .stall_timeout(milliseconds(50))
                                 .timeout(milliseconds(300))
                                 .on_stall([&](const v2::TrainingJobInfo& info, milliseconds) {
                                   BOOST_TEST((info.status.phase == v2::Phase::pending));
                                   ++stalls;
                                 })),
                    WaitTimeoutError);
  BOOST_TEST(stalls == 1);
  job.control_job();
}

BOOST_AUTO_TEST_CASE(abnormal_job_is_returned_by_wait) {
  ApiEmulator e(false, Auth::aksk);
  v2::TrainingJobInfo info = v2::Estimator(e.session, pytorch("abnormal")).fit({}, true, "broken").info();
  BOOST_TEST((info.status.phase == v2::Phase::abnormal));
}

BOOST_AUTO_TEST_SUITE_END()
