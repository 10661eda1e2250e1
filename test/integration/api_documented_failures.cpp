// SPDX-License-Identifier: Apache-2.0
// The documented failures and the seed examples (README "A short tour"), in C++, against the emulator.
#include <boost/test/unit_test.hpp>

#include "support/api_emulator_fixture.hpp"
#include "support/estimator_options.hpp"

using namespace modelarts;
using namespace modelarts::test;

namespace {

}  // namespace

BOOST_AUTO_TEST_SUITE(api_documented_failures)

BOOST_AUTO_TEST_CASE(deleting_a_version_while_it_is_killing_is_modelarts_0105) {
  for (bool tls : {false, true}) {
    ApiEmulator e(tls, Auth::aksk, 1.0);  // real time: killing lasts 3 s
    Estimator estimator(e.session, pytorch_on_cpu());
    TrainingJob v1 = estimator.fit(Inputs::obs("/bucket/data/"), false, "killing");
    TrainingJob v2 = estimator.create_job_version(v1.job_id(), v1.version_id(), Inputs::obs("/bucket/data/"));
    v2.stop_job_version();
    BOOST_TEST((v2.get_job_info().status == JobStatus::killing));
    try {
      v2.delete_job_version();
      BOOST_FAIL("expected ApiError");
    } catch (const ApiError& error) {
      BOOST_TEST(error.error_code() == "ModelArts.0105");
      BOOST_TEST(error.error_msg() == "This job can't be delete. job status: 9");
      BOOST_TEST(std::string(error.what()).find("DELETE /v1/") == 0u);
    }
  }
}

BOOST_AUTO_TEST_CASE(stopping_a_completed_visualization_job_is_modelarts_0105) {
  for (bool tls : {false, true}) {
    ApiEmulator e(tls, Auth::aksk);
    VisualizationJob job = VisualizationJob(e.session).create_visualization_job("/bucket/out/", "stopper");
    BOOST_TEST(eventually([&] { return job.get_visualization_job_info().status_code() == 8; }));
    job.stop_visualization_job();
    BOOST_TEST(eventually([&] { return job.get_visualization_job_info().status_code() == 10; }));
    try {
      job.stop_visualization_job();
      BOOST_FAIL("expected ApiError");
    } catch (const ApiError& error) {
      BOOST_TEST(error.error_code() == "ModelArts.0105");
      BOOST_TEST(error.error_msg() == "This job can't be stop. job status: 10");
    }
  }
}

BOOST_AUTO_TEST_CASE(a_duplicate_name_on_the_first_attempt_is_modelarts_0103) {
  ApiEmulator e(false, Auth::aksk);
  VisualizationJob(e.session).create_visualization_job("/bucket/out/", "twice");
  try {
    VisualizationJob(e.session).create_visualization_job("/bucket/out/", "twice");
    BOOST_FAIL("expected ApiError");
  } catch (const ApiError& error) {
    BOOST_TEST(error.error_code() == "ModelArts.0103");
  }
}

BOOST_AUTO_TEST_CASE(hostile_ids_are_not_found_never_another_path) {
  ApiEmulator e(false, Auth::aksk);
  VisualizationJob keep = VisualizationJob(e.session).create_visualization_job("/bucket/out/", "keep");
  // IDs holding '/' are refused before sending; the others reach the service as one segment and are not found.
  for (const std::string& id : std::vector<std::string>{"../" + keep.job_id(), "a/b", keep.job_id() + "/stop"}) {
    BOOST_CHECK_THROW(VisualizationJob(e.session, id).delete_visualization_job(), InvalidArgumentError);
  }
  for (const std::string& id : std::vector<std::string>{"..", "%2F", "%2e%2e", keep.job_id() + "%2Fstop"}) {
    BOOST_CHECK_THROW(VisualizationJob(e.session, id).delete_visualization_job(), Error);
  }
  BOOST_TEST(keep.get_visualization_job_info().job_name == "keep");  // untouched
}

BOOST_AUTO_TEST_CASE(seed_delete_a_visualization_job_from_an_id_a_create_and_a_list) {
  ApiEmulator e(true, Auth::aksk);
  VisualizationJob a = VisualizationJob(e.session).create_visualization_job("/bucket/out/", "seed-a");
  VisualizationJob b = VisualizationJob(e.session).create_visualization_job("/bucket/out/", "seed-b");
  VisualizationJob(e.session).create_visualization_job("/bucket/out/", "seed-c");

  VisualizationJob from_id(e.session, a.job_id());  // from an ID: no network call
  from_id.delete_visualization_job();
  b.delete_visualization_job();                     // the object a create returned
  auto listed = VisualizationJob::get_visualization_job_object_list(e.session);
  BOOST_REQUIRE(listed.size() == 1u);
  BOOST_TEST(listed.front().info().job_name == "seed-c");
  listed.front().delete_visualization_job();        // the first element of an object list
  BOOST_TEST(VisualizationJob::get_visualization_job_list(e.session).items.empty());
}

BOOST_AUTO_TEST_CASE(seed_delete_a_training_job) {
  ApiEmulator e(false, Auth::password);
  TrainingJob job = Estimator(e.session, pytorch_on_cpu()).fit(Inputs::obs("/bucket/data/"), false, "seed-train");
  TrainingJob(e.session, job.job_id()).delete_job();
  BOOST_TEST(Estimator::get_job_list(e.session).items.empty());
}

BOOST_AUTO_TEST_CASE(seed_modify_and_delete_a_label_job_through_label_api) {
  ApiEmulator e(false, Auth::aksk);
  LabelApi labels(e.session);
  CreatedLabelJob job = labels.create_label_job(
      e.session.project_id(), CreateLabelRequest{"seed-label", "", "OBS", "/bucket/img/", "", "Manual Image classify"});
  labels.mod_label_job(e.session.project_id(), job.job_id, {"label_name", "label_description"});
  BOOST_TEST(labels.query_label_jobs(e.session.project_id()).items.at(0).name == "label_name");
  labels.delete_label_job(e.session.project_id(), job.job_id);
  BOOST_TEST(labels.query_label_jobs(e.session.project_id()).items.empty());
  try {
    labels.delete_label_job(e.session.project_id(), job.job_id);  // gone, first attempt: an error
    BOOST_FAIL("expected ApiError");
  } catch (const ApiError& error) {
    BOOST_TEST(error.error_code() == "ModelArts.0102");
  }
}

BOOST_AUTO_TEST_SUITE_END()
