// SPDX-License-Identifier: Apache-2.0
// Every training parity row (docs/python-parity.md) against the in-process emulator, over HTTP and HTTPS,
// with AK/SK and with password (IAM token) authentication.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "support/api_emulator_fixture.hpp"
#include "support/estimator_options.hpp"

using namespace modelarts;
using namespace modelarts::test;

namespace {

EstimatorOptions pytorch_job() {
  return pytorch_on_cpu().hyperparameters({{"learning_rate", "0.01"}}).wait_options(fast_wait());
}

void training_workflow(const Session& session) {
  // Look-ups (Estimator statics).
  auto specs = Estimator::get_train_instance_types(session);
  BOOST_TEST(std::any_of(specs.begin(), specs.end(), [](const SpecInfo& s) { return s.spec_code == "modelarts.vm.cpu.2u"; }));
  auto engines = Estimator::get_framework_list(session);
  BOOST_TEST(std::any_of(engines.begin(), engines.end(), [](const EngineInfo& e) {
    return e.framework_type() == "PyTorch" && e.framework_version() == "PyTorch-1.0.0-python3.6";
  }));
  auto algorithms = Estimator::get_built_in_algorithms(session);
  BOOST_TEST(!algorithms.empty());

  // fit -> TrainingJob from create.
  Estimator estimator(session, pytorch_job());
  TrainingJob job = estimator.fit(Inputs::obs("/bucket/data/"), false, "parity-job");
  BOOST_TEST(!job.job_id().empty());
  BOOST_TEST(!job.version_id().empty());
  BOOST_TEST(job.info().job_name == "parity-job");

  job.update_job_description("retrained");
  JobVersionList versions = job.get_job_version_info();
  BOOST_TEST(versions.job_desc == "retrained");
  BOOST_TEST(versions.versions.size() == 1u);

  // Lists: the raw dict form, one page as objects, and the lazy pager.
  TrainingJobList list = Estimator::get_job_list(session, ListOptions{}.search_content("parity-job"));
  BOOST_TEST(list.total_count >= 1);
  BOOST_TEST(std::any_of(list.items.begin(), list.items.end(), [&](const JobInfo& j) { return j.job_id == job.job_id(); }));
  auto objects = Estimator::get_job_object_list(session);
  BOOST_TEST(std::any_of(objects.begin(), objects.end(), [&](const TrainingJob& j) { return j.job_id() == job.job_id(); }));
  std::size_t paged = 0;
  for (const TrainingJob& j : TrainingJob::list(session, ListOptions{}.per_page(1))) paged += j.job_id() == job.job_id();
  BOOST_TEST(paged == 1u);

  // wait -> terminal, with progress.
  int polls = 0;
  JobInfo done = TrainingJob(session, job.job_id(), job.version_id())
                     .wait(fast_wait().on_progress([&](const JobInfo&) { ++polls; }));
  BOOST_TEST((done.status == JobStatus::completed));
  BOOST_TEST(polls >= 1);
  BOOST_TEST(job.get_job_info().status_code() == 10);

  // Logs.
  auto files = job.get_job_log_file_list();
  BOOST_REQUIRE(files.size() == 1u);
  BOOST_TEST(files[0] == "parity-job.0");
  JobLog newest = job.get_job_log(files[0], LogQuery{});
  BOOST_TEST(newest.lines > 0);
  BOOST_TEST(!newest.content.empty());
  JobLogRange python_shaped = job.get_job_log(files[0], 0, 3);
  BOOST_TEST(python_shaped.content.size() == 3u);

  // Versions: create, list as objects, stop, delete.
  TrainingJob v2 = estimator.create_job_version(job.job_id(), job.version_id(), Inputs::obs("/bucket/data2/"), false,
                                                "second");
  BOOST_TEST(v2.job_id() == job.job_id());
  BOOST_TEST(v2.version_id() != job.version_id());
  auto version_objects = job.get_job_version_object_list();
  BOOST_TEST(version_objects.size() == 2u);
  v2.stop_job_version();
  JobInfo stopped = v2.wait(fast_wait());
  BOOST_TEST((stopped.status == JobStatus::killed));
  v2.delete_job_version();
  BOOST_TEST(job.get_job_version_info().versions.size() == 1u);

  // Configs.
  TrainingJobConfig config = estimator.create_job_configs(Inputs::obs("/bucket/data/"), "parity-config", "first");
  BOOST_TEST(config.info().config_name == "parity-config");
  ConfigList configs = Estimator::get_job_configs_list(session);
  BOOST_TEST(std::any_of(configs.items.begin(), configs.items.end(),
                         [](const ConfigInfo& c) { return c.config_name == "parity-config"; }));
  auto config_objects = Estimator::get_job_configs_object_list(session);
  BOOST_TEST(config_objects.size() == static_cast<std::size_t>(configs.total_count));
  std::size_t config_paged = 0;
  for (const TrainingJobConfig& c : TrainingJobConfig::list(session, ListOptions{}.per_page(1))) {
    config_paged += c.config_name() == "parity-config";
  }
  BOOST_TEST(config_paged == 1u);
  ConfigInfo detail = TrainingJobConfig(session, "parity-config").get_job_configs_info();
  BOOST_TEST(detail.data_url == "/bucket/data/");
  BOOST_TEST(detail.worker_server_num == 1);
  config.update_job_configs(estimator, Inputs::obs("/bucket/data3/"), "second");
  BOOST_TEST(config.get_job_configs_info().config_desc == "second");
  BOOST_TEST(config.get_job_configs_info().data_url == "/bucket/data3/");
  config.delete_job_configs();
  BOOST_CHECK_THROW(config.get_job_configs_info(), ApiError);

  // Delete: from the object, and by ID through the static.
  TrainingJob other = estimator.fit(Inputs::dataset("ds-1", "dsv-1"), false, "parity-other");
  job.delete_job();
  Estimator::delete_job_by_id(session, other.job_id());
  BOOST_TEST(Estimator::get_job_list(session, ListOptions{}.search_content("parity-")).items.empty());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(api_training_parity)

BOOST_AUTO_TEST_CASE(http_with_access_key) {
  ApiEmulator e(false, Auth::aksk);
  training_workflow(e.session);
}

BOOST_AUTO_TEST_CASE(https_with_access_key) {
  ApiEmulator e(true, Auth::aksk);
  training_workflow(e.session);
}

BOOST_AUTO_TEST_CASE(http_with_password) {
  ApiEmulator e(false, Auth::password);
  training_workflow(e.session);
}

BOOST_AUTO_TEST_CASE(https_with_password) {
  ApiEmulator e(true, Auth::password);
  training_workflow(e.session);
}

BOOST_AUTO_TEST_CASE(a_failing_job_is_returned_by_wait) {
  ApiEmulator e(false, Auth::aksk);
  Estimator estimator(e.session, pytorch_job().hyperparameters({{"emulator_outcome", "fail"}}));
  TrainingJob job = estimator.fit(Inputs::obs("/bucket/data/"), true, "doomed");
  BOOST_TEST((job.info().status == JobStatus::failed));
}

BOOST_AUTO_TEST_CASE(wait_times_out_with_a_slow_job) {
  ApiEmulator e(false, Auth::aksk, 1.0);  // real time: the job stays in its first statuses
  TrainingJob job = Estimator(e.session, pytorch_job()).fit(Inputs::obs("/bucket/data/"), false, "slow");
  BOOST_CHECK_THROW(job.wait(fast_wait().timeout(std::chrono::milliseconds(100))), WaitTimeoutError);
}

BOOST_AUTO_TEST_SUITE_END()
