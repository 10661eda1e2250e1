// Design section 3: a delete whose retried attempt says "not found" succeeded; a create whose retried
// attempt says "name already exists" (ModelArts.0103) returns the job found by exact name, never a duplicate.
#include <boost/test/unit_test.hpp>

#include <modelarts/modelarts.hpp>

#include "support/api_test_session.hpp"

using namespace modelarts;
using namespace modelarts::test;

namespace {
const char* kNotFound = R"({"is_success":false,"error_code":"ModelArts.0102","error_message":"job does not exist"})";
const char* kNameExists = R"({"is_success":false,"error_code":"ModelArts.0103","error_message":"Job name:my-job is existed"})";
}  // namespace

BOOST_AUTO_TEST_SUITE(api_retry_rules)

BOOST_AUTO_TEST_CASE(delete_not_found_after_a_retry_succeeded) {
  ApiTestSession t;
  t.transport->reply(503, R"({"error_code":"ModelArts.0010","error_message":"busy"})").reply(400, kNotFound);
  BOOST_CHECK_NO_THROW(VisualizationJob(t.session, "10").delete_visualization_job());
  BOOST_TEST(t.transport->request_count() == 2u);

  t.transport->fail(TransportErrorKind::io, true).reply(404, R"({"error_code":"ModelArts.0015","error_message":"gone"})");
  BOOST_CHECK_NO_THROW(TrainingJob(t.session, "10").delete_job());

  t.transport->reply(502, "").reply(400, kNotFound);
  BOOST_CHECK_NO_THROW(TrainingJob(t.session, "10", "2").delete_job_version());

  t.transport->reply(500, "").reply(400, kNotFound);
  BOOST_CHECK_NO_THROW(TrainingJobConfig(t.session, "cfg").delete_job_configs());

  t.transport->reply(503, "").reply(404, R"({"error_code":"ModelArts.0102","error_msg":"no such label job"})");
  BOOST_TEST(LabelApi(t.session).delete_label_job(kProject, "u1") == "u1");
}

BOOST_AUTO_TEST_CASE(delete_not_found_on_the_first_attempt_is_an_error) {
  ApiTestSession t;
  t.transport->reply(400, kNotFound);
  try {
    VisualizationJob(t.session, "10").delete_visualization_job();
    BOOST_FAIL("expected ApiError");
  } catch (const ApiError& e) {
    BOOST_TEST(e.error_code() == "ModelArts.0102");
  }
}

BOOST_AUTO_TEST_CASE(fit_whose_retry_finds_the_name_taken_returns_the_existing_job) {
  ApiTestSession t;
  // The first POST never left (safe to retry); the retry finds the name taken, as if an earlier attempt won.
  t.transport->fail(TransportErrorKind::connect, false).reply(400, kNameExists);
  t.transport->reply(200, R"({"is_success":true,"job_total_count":2,"jobs":[
      {"job_id":7,"job_name":"my-job-2","version_id":70,"status":8},
      {"job_id":8,"job_name":"my-job","version_id":80,"status":1}]})");
  Estimator estimator(t.session, EstimatorOptions{}.spec_id(1).output_path("/o/"));
  TrainingJob job = estimator.fit(Inputs::obs("/d/"), false, "my-job");
  BOOST_TEST(job.job_id() == "8");
  BOOST_TEST(job.version_id() == "80");
  auto requests = t.transport->requests();
  BOOST_REQUIRE(requests.size() == 3u);
  BOOST_TEST(requests[0].method == "POST");
  BOOST_TEST(requests[1].method == "POST");
  BOOST_TEST(requests[2].method == "GET");
  BOOST_TEST(path_of(requests[2]) == v1("training-jobs"));
  BOOST_TEST(query_of(requests[2])["search_content"] == "my-job");
}

BOOST_AUTO_TEST_CASE(a_create_cut_off_after_it_was_written_is_resent_and_finds_its_job) {
  ApiTestSession t;
  // The reply to the first POST was lost after the service applied it: the resend meets the taken name.
  t.transport->fail(TransportErrorKind::io, true).reply(400, kNameExists);
  t.transport->reply(200, R"({"is_success":true,"job_total_count":1,"jobs":[
      {"job_id":8,"job_name":"my-job","status":1,"create_time":1,"duration":0,"job_desc":""}]})");
  VisualizationJob created = VisualizationJob(t.session).create_visualization_job("/out/", "my-job");
  BOOST_TEST(created.job_id() == "8");
  BOOST_TEST(t.transport->request_count() == 3u);
}

BOOST_AUTO_TEST_CASE(a_post_without_a_recovery_rule_is_not_resent_once_written) {
  ApiTestSession t;
  t.transport->fail(TransportErrorKind::io, true);
  Estimator estimator(t.session, EstimatorOptions{}.spec_id(1).output_path("/o/"));
  BOOST_CHECK_THROW(estimator.create_job_version("10", "1", Inputs::obs("/d/")), TransportError);
  BOOST_TEST(t.transport->request_count() == 1u);  // a second version would be a duplicate
}

BOOST_AUTO_TEST_CASE(a_post_is_resent_after_429_because_the_gateway_never_passed_it_on) {
  ApiTestSession t;
  t.transport->reply(429, R"({"error_code":"APIGW.0308","error_msg":"throttled"})", {{"Retry-After", "0"}});
  t.transport->reply(200, R"({"is_success":true,"job_id":10,"job_name":"j","status":1,"create_time":1,"version_id":11,"version_name":"V0002"})");
  Estimator estimator(t.session, EstimatorOptions{}.spec_id(1).output_path("/o/"));
  TrainingJob version = estimator.create_job_version("10", "1", Inputs::obs("/d/"));
  BOOST_TEST(version.version_id() == "11");
  BOOST_TEST(t.transport->request_count() == 2u);
}

BOOST_AUTO_TEST_CASE(a_stop_whose_retry_finds_the_job_already_stopped_succeeded) {
  ApiTestSession t;
  const char* kCannotStop = R"({"is_success":false,"error_code":"ModelArts.0105","error_message":"This job can't be stop. job status: 10"})";
  t.transport->fail(TransportErrorKind::io, true).reply(400, kCannotStop);
  BOOST_CHECK_NO_THROW(VisualizationJob(t.session, "10").stop_visualization_job());
  t.transport->reply(503, "").reply(400, kCannotStop);
  BOOST_CHECK_NO_THROW(TrainingJob(t.session, "10", "2").stop_job_version());
  BOOST_TEST(t.transport->request_count() == 4u);
  // Refused on the first attempt: the caller learns the job could not be stopped.
  t.transport->reply(400, kCannotStop);
  BOOST_CHECK_THROW(VisualizationJob(t.session, "10").stop_visualization_job(), ApiError);
}

BOOST_AUTO_TEST_CASE(a_name_taken_on_the_first_attempt_is_an_error) {
  ApiTestSession t;
  t.transport->reply(400, kNameExists);
  Estimator estimator(t.session, EstimatorOptions{}.spec_id(1).output_path("/o/"));
  try {
    estimator.fit(Inputs::obs("/d/"), false, "my-job");
    BOOST_FAIL("expected ApiError");
  } catch (const ApiError& e) {
    BOOST_TEST(e.error_code() == "ModelArts.0103");
  }
  BOOST_TEST(t.transport->request_count() == 1u);
}

BOOST_AUTO_TEST_CASE(visualization_create_retry_returns_the_existing_job) {
  ApiTestSession t;
  t.transport->fail(TransportErrorKind::connect, false).reply(400, kNameExists);
  t.transport->reply(200, R"({"is_success":true,"job_total_count":1,"jobs":[{"job_id":55,"job_name":"viz","status":7}]})");
  VisualizationJob job = VisualizationJob(t.session).create_visualization_job("/obs/t/", "viz");
  BOOST_TEST(job.job_id() == "55");
  BOOST_TEST(job.info().status == 7);
  BOOST_TEST(t.transport->request_count() == 3u);
}

BOOST_AUTO_TEST_CASE(config_and_label_create_retries_return_the_existing_resource) {
  ApiTestSession t;
  t.transport->fail(TransportErrorKind::connect, false).reply(400, kNameExists);
  t.transport->reply(200, R"({"is_success":true,"config_name":"cfg1","config_desc":"earlier"})");
  Estimator estimator(t.session, EstimatorOptions{}.spec_id(1).output_path("/o/"));
  TrainingJobConfig config = estimator.create_job_configs(Inputs::obs("/d/"), "cfg1");
  BOOST_TEST(config.info().config_desc == "earlier");
  BOOST_TEST(path_of(t.request(2)) == v1("training-job-configs/cfg1"));

  t.transport->fail(TransportErrorKind::connect, false)
      .reply(400, R"({"error_code":"ModelArts.0103","error_msg":"name exists"})")
      .reply(200, R"({"job_total_count":1,"jobs":[{"id":"uuid-1","name":"lab","dls_prj_id":9}]})");
  CreatedLabelJob created = LabelApi(t.session).create_label_job(
      kProject, CreateLabelRequest{"lab", "", "OBS", "/p/", "", "Manual Image classify"});
  BOOST_TEST(created.job_id == "uuid-1");
  BOOST_TEST(created.dls_prj_id == 9);
  BOOST_TEST(query_of(t.request(5))["search_content"] == "lab");
}

BOOST_AUTO_TEST_SUITE_END()
