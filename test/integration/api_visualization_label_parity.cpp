// SPDX-License-Identifier: Apache-2.0
// Every visualization-job and label-job parity row against the in-process emulator, over HTTP and HTTPS,
// with AK/SK and with password (IAM token) authentication.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "support/api_emulator_fixture.hpp"

using namespace modelarts;
using namespace modelarts::test;

namespace {

void visualization_workflow(const Session& session) {
  VisualizationJob created = VisualizationJob(session).create_visualization_job(
      "/bucket/out/", "parity-vis", "first", VisualizationJobOptions{}.job_type("tensorboard").auto_stop_hours(2));
  BOOST_TEST(!created.job_id().empty());
  BOOST_TEST(created.info().job_name == "parity-vis");

  VisualizationJob by_id(session, created.job_id());
  VisualizationJobInfo info = by_id.get_visualization_job_info();
  BOOST_TEST(info.job_name == "parity-vis");
  BOOST_TEST(info.train_url == "/bucket/out/");

  VisualizationJobList list = VisualizationJob::get_visualization_job_list(session, ListOptions{}.search_content("parity"));
  BOOST_REQUIRE(list.items.size() == 1u);
  BOOST_TEST(list.items[0].job_id == created.job_id());
  BOOST_REQUIRE(list.items[0].schedule.size() == 1u);
  BOOST_TEST(list.items[0].schedule[0].duration == 2);
  auto objects = VisualizationJob::get_visualization_job_object_list(session);
  BOOST_REQUIRE(!objects.empty());
  BOOST_TEST(objects[0].info().job_id == objects[0].job_id());
  std::size_t paged = 0;
  for (const VisualizationJob& v : VisualizationJob::list(session, ListOptions{}.per_page(1))) {
    paged += v.job_id() == created.job_id();
  }
  BOOST_TEST(paged == 1u);

  by_id.update_visualization_job("second");
  BOOST_TEST(by_id.get_visualization_job_info().job_desc == "second");

  int polls = 0;
  VisualizationJobInfo running = by_id.wait(VisualizationWaitOptions{}
                                                .initial_interval(std::chrono::milliseconds(5))
                                                .max_interval(std::chrono::milliseconds(40))
                                                .timeout(std::chrono::seconds(20))
                                                .on_progress([&](const VisualizationJobInfo&) { ++polls; }));
  BOOST_TEST(running.status_code() == 8);
  BOOST_TEST(polls >= 1);
  by_id.stop_visualization_job();
  BOOST_TEST(eventually([&] { return by_id.get_visualization_job_info().status_code() == 10; }));
  by_id.restart_visualization_job();
  BOOST_TEST(eventually([&] { return by_id.get_visualization_job_info().status_code() == 8; }));
  by_id.stop_visualization_job();
  BOOST_TEST(eventually([&] { return by_id.get_visualization_job_info().status_code() == 10; }));
  created.delete_visualization_job();
  BOOST_CHECK_THROW(by_id.get_visualization_job_info(), ApiError);
}

void label_workflow(const Session& session) {
  LabelApi labels(session);
  const std::string project = session.project_id();
  CreatedLabelJob created =
      labels.create_label_job(project, CreateLabelRequest{"parity-label", "first", "OBS", "/bucket/images/", "",
                                                          "Manual Image classify"});
  BOOST_TEST(!created.job_id.empty());

  LabelJobList list = labels.query_label_jobs(project, LabelJobQuery{}.search_content("parity-label"));
  BOOST_REQUIRE(list.items.size() == 1u);
  BOOST_TEST(list.items[0].id == created.job_id);
  BOOST_TEST(list.items[0].path == "/bucket/images/");

  BOOST_TEST(labels.mod_label_job(project, created.job_id, {"parity-label2", "second"}) == created.job_id);
  list = labels.query_label_jobs(project);
  BOOST_REQUIRE(list.items.size() == 1u);
  BOOST_TEST(list.items[0].name == "parity-label2");
  BOOST_TEST(list.items[0].description == "second");

  BOOST_TEST(labels.save_validation(project, created.job_id, SaveValidationRequest{87.5}) == created.job_id);
  ValidationInfo validation = labels.query_validation(project, created.job_id);
  BOOST_TEST(validation.last_pass_rate == 87.5);

  // LabelJob objects: from create, from list, from ID.
  LabelJob made = LabelJob::create(session, CreateLabelRequest{"parity-object", "", "OBS", "/bucket/b/", "",
                                                               "Manual Object detection"});
  BOOST_TEST(made.info().name == "parity-object");
  made.update_label_job({"parity-object2", "renamed"});
  made.save_validation(50.0);
  BOOST_TEST(made.query_validation().last_pass_rate == 50.0);
  auto objects = LabelJob::get_label_job_object_list(session);
  BOOST_TEST(objects.size() == 2u);
  std::size_t paged = 0;
  for (const LabelJob& job : LabelJob::list(session, LabelJobQuery{}.limit(1))) {
    BOOST_TEST(job.has_info());
    ++paged;
  }
  BOOST_TEST(paged == 2u);
  LabelJob(session, made.job_id()).delete_label_job();
  BOOST_TEST(labels.delete_label_job(project, created.job_id) == created.job_id);
  BOOST_TEST(labels.query_label_jobs(project).items.empty());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(api_visualization_label_parity)

BOOST_AUTO_TEST_CASE(http_with_access_key) {
  ApiEmulator e(false, Auth::aksk);
  visualization_workflow(e.session);
  label_workflow(e.session);
}

BOOST_AUTO_TEST_CASE(https_with_access_key) {
  ApiEmulator e(true, Auth::aksk);
  visualization_workflow(e.session);
  label_workflow(e.session);
}

BOOST_AUTO_TEST_CASE(http_with_password) {
  ApiEmulator e(false, Auth::password);
  visualization_workflow(e.session);
  label_workflow(e.session);
}

BOOST_AUTO_TEST_CASE(https_with_password) {
  ApiEmulator e(true, Auth::password);
  visualization_workflow(e.session);
  label_workflow(e.session);
}

BOOST_AUTO_TEST_SUITE_END()
