// SPDX-License-Identifier: Apache-2.0
// The recovery rules of docs/architecture.md read the call's attempt record. A retried delete
// answering "not found", a retried create answering "name exists" (ModelArts.0103) and a retried stop answering
// ModelArts.0105 mean "an earlier attempt did it" only when an earlier attempt was written and its answer lost; a
// 429 or a 503 is an answer (the request never took effect), so what the retry says is the truth. A create's
// look-up by name returns only a job that matches what the call sent, created since its first attempt.
#include <boost/test/unit_test.hpp>

#include <modelarts/modelarts.hpp>

#include "support/api_test_session.hpp"

using namespace modelarts;
using namespace modelarts::test;

namespace {
const char* kNotFound = R"({"is_success":false,"error_code":"ModelArts.0102","error_message":"job does not exist"})";
const char* kNameExists = R"({"is_success":false,"error_code":"ModelArts.0103","error_message":"Job name:my-job is existed"})";
const char* kThrottled = R"({"error_code":"APIGW.0308","error_msg":"throttled"})";
const char* kUnavailable = R"({"error_code":"APIGW.0203","error_msg":"Backend unavailable"})";
// FakeClock's start (2024-01-15 09:30:00 UTC) in ms: a job created as the call ran.
const char* kNow = "1705311000000";
}  // namespace

BOOST_AUTO_TEST_SUITE(api_retry_rules)

BOOST_AUTO_TEST_CASE(delete_not_found_after_an_attempt_whose_answer_was_lost_succeeded) {
  ApiTestSession t;
  t.transport->fail(TransportErrorKind::io, true).reply(400, kNotFound);
  BOOST_CHECK_NO_THROW(VisualizationJob(t.session, "10").delete_visualization_job());
  BOOST_TEST(t.transport->request_count() == 2u);

  t.transport->fail(TransportErrorKind::io, true).reply(404, R"({"error_code":"ModelArts.0015","error_message":"gone"})");
  BOOST_CHECK_NO_THROW(TrainingJob(t.session, "10").delete_job());

  // A gateway's 502/504 says it lost the service's answer: the delete may have happened.
  t.transport->reply(502, "").reply(400, kNotFound);
  BOOST_CHECK_NO_THROW(TrainingJob(t.session, "10", "2").delete_job_version());

  t.transport->fail(TransportErrorKind::timeout, BytesWritten::all).reply(400, kNotFound);
  BOOST_CHECK_NO_THROW(TrainingJobConfig(t.session, "cfg").delete_job_configs());

  t.transport->reply(504, "").reply(404, R"({"error_code":"ModelArts.0102","error_msg":"no such label job"})");
  BOOST_TEST(LabelApi(t.session).delete_label_job(kProject, "u1") == "u1");
}

// A phantom delete. The first attempt never reached the service (429 or 503), so "does not exist"
// on the retry is the truth.
BOOST_AUTO_TEST_CASE(delete_not_found_after_a_429_or_503_is_an_error) {
  for (const auto& [status, body] : {std::pair{429, kThrottled}, std::pair{503, kUnavailable}}) {
    BOOST_TEST_CONTEXT("first attempt " << status) {
      ApiTestSession t;
      t.transport->reply(status, body, {{"Retry-After", "0"}}).reply(400, kNotFound);
      try {
        VisualizationJob(t.session, "10").delete_visualization_job();
        BOOST_FAIL("expected ApiError");
      } catch (const ApiError& e) {
        BOOST_TEST(e.error_code() == "ModelArts.0102");
        BOOST_TEST((e.kind() == ErrorKind::not_found));
        BOOST_TEST(e.attempts() == 2);
      }
      t.transport->reply(status, body, {{"Retry-After", "0"}})
          .reply(404, R"({"error_code":"ModelArts.0102","error_msg":"no such label job"})");
      BOOST_CHECK_THROW(LabelApi(t.session).delete_label_job(kProject, "u1"), ApiError);
      t.transport->reply(status, body, {{"Retry-After", "0"}}).reply(400, kNotFound);
      BOOST_CHECK_THROW(TrainingJob(t.session, "10").delete_job(), ApiError);
    }
  }
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

// The first attempt was applied and its reply cut mid-body: the create returns the job it made.
BOOST_AUTO_TEST_CASE(fit_whose_reply_was_cut_returns_the_job_it_made) {
  ApiTestSession t;
  t.transport->fail(TransportErrorKind::io, true).reply(400, kNameExists);
  t.transport->reply(200, std::string(R"({"is_success":true,"job_total_count":2,"jobs":[
      {"job_id":7,"job_name":"my-job-2","version_id":70,"status":8,"create_time":)") + kNow + R"(},
      {"job_id":8,"job_name":"my-job","version_id":80,"status":1,"create_time":)" + kNow + "}]}");
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
  t.transport->fail(TransportErrorKind::io, true).reply(400, kNameExists);
  t.transport->reply(200, std::string(R"({"is_success":true,"job_total_count":1,"jobs":[
      {"job_id":8,"job_name":"my-job","status":1,"create_time":)") + kNow + R"(,"duration":0,"job_desc":""}]})");
  VisualizationJob created = VisualizationJob(t.session).create_visualization_job("/out/", "my-job");
  BOOST_TEST(created.job_id() == "8");
  BOOST_TEST(t.transport->request_count() == 3u);
}

// Someone else's job is never returned. The first attempt never reached ModelArts (429 or 503),
// so "name exists" on the retry means the name was taken before: no look-up, ModelArts.0103.
BOOST_AUTO_TEST_CASE(name_exists_after_a_429_or_503_is_an_error_and_nothing_is_looked_up) {
  for (const auto& [status, body] : {std::pair{429, kThrottled}, std::pair{503, kUnavailable}}) {
    BOOST_TEST_CONTEXT("first attempt " << status) {
      ApiTestSession t;
      auto expect_0103 = [&](const std::function<void()>& create) {
        const std::size_t before = t.transport->request_count();
        t.transport->reply(status, body, {{"Retry-After", "0"}}).reply(400, kNameExists);
        try {
          create();
          BOOST_FAIL("expected ApiError ModelArts.0103");
        } catch (const ApiError& e) {
          BOOST_TEST(e.error_code() == "ModelArts.0103");
          BOOST_TEST((e.kind() == ErrorKind::conflict));
        }
        BOOST_TEST(t.transport->request_count() == before + 2);  // the two POSTs, no look-up
      };
      Estimator estimator(t.session, EstimatorOptions{}.spec_id(1).output_path("/o/"));
      expect_0103([&] { VisualizationJob(t.session).create_visualization_job("/obs/t/", "shared-name"); });
      expect_0103([&] { estimator.fit(Inputs::obs("/d/"), false, "shared-name"); });
      expect_0103([&] { estimator.create_job_configs(Inputs::obs("/d/"), "shared-name"); });
      expect_0103([&] {
        LabelApi(t.session).create_label_job(kProject, CreateLabelRequest{"shared-name", "", "OBS", "/p/", "",
                                                                         "Manual Image classify"});
      });
    }
  }
}

// The look-up after a lost answer finds a job of that name created before this call, or with other fields:
// someone else's, so the call reports 0103 rather than return it.
BOOST_AUTO_TEST_CASE(a_job_found_by_name_that_this_call_did_not_make_is_not_returned) {
  ApiTestSession t;
  t.clock->advance(std::chrono::hours(1));
  t.transport->fail(TransportErrorKind::io, true).reply(400, kNameExists);
  t.transport->reply(200, std::string(R"({"is_success":true,"job_total_count":1,"jobs":[
      {"job_id":55,"job_name":"viz","status":7,"job_desc":"","create_time":)") + kNow + "}]}");
  BOOST_CHECK_THROW(VisualizationJob(t.session).create_visualization_job("/obs/t/", "viz"), ApiError);

  // Created just now, but with another description than the one this call sent.
  t.transport->fail(TransportErrorKind::io, true).reply(400, kNameExists);
  t.transport->reply(200, R"({"is_success":true,"job_total_count":1,"jobs":[
      {"job_id":56,"job_name":"viz","status":7,"job_desc":"theirs","create_time":1705314600000}]})");
  BOOST_CHECK_THROW(VisualizationJob(t.session).create_visualization_job("/obs/t/", "viz", "mine"), ApiError);
  BOOST_TEST(t.transport->request_count() == 6u);
}

BOOST_AUTO_TEST_CASE(a_post_without_a_recovery_rule_is_not_resent_once_written) {
  ApiTestSession t;
  t.transport->fail(TransportErrorKind::io, true);
  Estimator estimator(t.session, EstimatorOptions{}.spec_id(1).output_path("/o/"));
  BOOST_CHECK_THROW(estimator.create_job_version("10", "1", Inputs::obs("/d/")), TransportError);
  BOOST_TEST(t.transport->request_count() == 1u);  // a second version would be a duplicate
  t.transport->fail(TransportErrorKind::io, BytesWritten::partial);
  BOOST_CHECK_THROW(estimator.create_job_version("10", "1", Inputs::obs("/d/")), TransportError);
  BOOST_TEST(t.transport->request_count() == 2u);
}

BOOST_AUTO_TEST_CASE(a_post_is_resent_after_429_or_503_because_the_gateway_never_passed_it_on) {
  ApiTestSession t;
  t.transport->reply(429, kThrottled, {{"Retry-After", "0"}});
  t.transport->reply(503, kUnavailable, {{"Retry-After", "0"}});
  t.transport->reply(200, R"({"is_success":true,"job_id":10,"job_name":"j","status":1,"create_time":1,"version_id":11,"version_name":"V0002"})");
  Estimator estimator(t.session, EstimatorOptions{}.spec_id(1).output_path("/o/"));
  TrainingJob version = estimator.create_job_version("10", "1", Inputs::obs("/d/"));
  BOOST_TEST(version.version_id() == "11");
  BOOST_TEST(t.transport->request_count() == 3u);
}

BOOST_AUTO_TEST_CASE(a_stop_whose_retry_finds_the_job_already_stopped_succeeded_only_after_a_lost_answer) {
  ApiTestSession t;
  const char* kCannotStop = R"({"is_success":false,"error_code":"ModelArts.0105","error_message":"This job can't be stop. job status: 10"})";
  t.transport->fail(TransportErrorKind::io, true).reply(400, kCannotStop);
  BOOST_CHECK_NO_THROW(VisualizationJob(t.session, "10").stop_visualization_job());
  t.transport->fail(TransportErrorKind::timeout, BytesWritten::all).reply(400, kCannotStop);
  BOOST_CHECK_NO_THROW(TrainingJob(t.session, "10", "2").stop_job_version());
  BOOST_TEST(t.transport->request_count() == 4u);
  // A 429 or 503 never reached the service: the job was in that status already, and the caller learns it.
  t.transport->reply(503, kUnavailable).reply(400, kCannotStop);
  BOOST_CHECK_THROW(TrainingJob(t.session, "10", "2").stop_job_version(), ApiError);
  t.transport->reply(429, kThrottled, {{"Retry-After", "0"}}).reply(400, kCannotStop);
  BOOST_CHECK_THROW(VisualizationJob(t.session, "10").restart_visualization_job(), ApiError);
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

BOOST_AUTO_TEST_CASE(visualization_create_after_a_lost_answer_returns_the_job_it_made) {
  ApiTestSession t;
  t.transport->fail(TransportErrorKind::timeout, BytesWritten::all).reply(400, kNameExists);
  t.transport->reply(200, std::string(R"({"is_success":true,"job_total_count":1,"jobs":[{"job_id":55,"job_name":"viz","status":7,"create_time":)") +
                              kNow + "}]}");
  VisualizationJob job = VisualizationJob(t.session).create_visualization_job("/obs/t/", "viz");
  BOOST_TEST(job.job_id() == "55");
  BOOST_TEST(job.info().status_code() == 7);
  BOOST_TEST(t.transport->request_count() == 3u);
}

BOOST_AUTO_TEST_CASE(config_and_label_creates_after_a_lost_answer_return_the_resource_they_made) {
  ApiTestSession t;
  t.transport->fail(TransportErrorKind::io, true).reply(400, kNameExists);
  t.transport->reply(200, std::string(R"({"is_success":true,"config_name":"cfg1","config_desc":"","spec_id":1,
      "worker_server_num":1,"train_url":"/o/","data_url":"/d/","create_time":)") + kNow + "}");
  Estimator estimator(t.session, EstimatorOptions{}.spec_id(1).output_path("/o/"));
  TrainingJobConfig config = estimator.create_job_configs(Inputs::obs("/d/"), "cfg1");
  BOOST_TEST(config.info().config_name == "cfg1");
  BOOST_TEST(path_of(t.request(2)) == v1("training-job-configs/cfg1"));

  t.transport->fail(TransportErrorKind::io, true)
      .reply(400, R"({"error_code":"ModelArts.0103","error_msg":"name exists"})")
      .reply(200, R"({"job_total_count":1,"jobs":[{"id":"uuid-1","name":"lab","dls_prj_id":9,"description":"",
          "data_type":"OBS","path":"/p/","type":"Manual Image classify","create_time":"2024-01-15 09:30:00"}]})");
  CreatedLabelJob created = LabelApi(t.session).create_label_job(
      kProject, CreateLabelRequest{"lab", "", "OBS", "/p/", "", "Manual Image classify"});
  BOOST_TEST(created.job_id == "uuid-1");
  BOOST_TEST(created.dls_prj_id == 9);
  BOOST_TEST(query_of(t.request(5))["search_content"] == "lab");
}

BOOST_AUTO_TEST_SUITE_END()
