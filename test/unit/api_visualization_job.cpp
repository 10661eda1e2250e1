// SPDX-License-Identifier: Apache-2.0
// VisualizationJob against a fake transport: requests and decoding of the documented examples (ModelArts API Reference,
// "Visualization Jobs").
#include <boost/test/unit_test.hpp>

#include <regex>

#include <modelarts/modelarts.hpp>

#include "support/api_test_session.hpp"

using namespace modelarts;
using namespace modelarts::test;
namespace json = boost::json;

BOOST_AUTO_TEST_SUITE(api_visualization_job)

BOOST_AUTO_TEST_CASE(create_posts_the_documented_body_and_keeps_the_reply) {
  ApiTestSession t;
  t.transport->reply(200, R"({"is_success":true,"job_id":"10","job_name":"visualization-job","status":"1",
                               "create_time":"1524189990635"})");
  VisualizationJob created = VisualizationJob(t.session).create_visualization_job(
      "/obs/name/", "visualization-job", "this is a visualization job",
      VisualizationJobOptions{}.job_type("mindinsight").auto_stop_hours(1));
  HttpRequest r = t.only_request();
  BOOST_TEST(r.method == "POST");
  BOOST_TEST(path_of(r) == v1("visualization-jobs"));
  BOOST_TEST(body_of(r) == json::parse(R"({"job_name":"visualization-job","job_desc":"this is a visualization job",
      "train_url":"/obs/name/","job_type":"mindinsight","schedule":{"type":"stop","time_unit":"HOURS","duration":1}})"));
  BOOST_TEST(created.job_id() == "10");
  BOOST_TEST(created.info().status_code() == 1);
  BOOST_TEST(created.info().create_time == 1524189990635);
  BOOST_TEST(created.info().train_url == "/obs/name/");
}

// Decoders name the call in their messages: method and the call's own (encoded) segments, without the
// endpoint's base path, whatever that is.
BOOST_AUTO_TEST_CASE(an_invalid_reply_names_the_call_without_the_endpoint_base_path) {
  for (const std::string endpoint : {"https://modelarts.example.com", "https://gateway.example.com/base/path"}) {
    auto transport = std::make_shared<FakeTransport>();
    const Session session(fake_session_options(transport).modelarts_endpoint(endpoint));
    transport->reply(200, R"({"is_success":true,"job_name":"no id"})");
    try {
      VisualizationJob(session, "a?b c").get_visualization_job_info();
      BOOST_FAIL("expected TransportError");
    } catch (const TransportError& e) {
      BOOST_TEST(static_cast<int>(e.transport_kind()) == static_cast<int>(TransportErrorKind::invalid_reply));
      BOOST_TEST(std::string(e.what()).rfind("GET " + v1("visualization-jobs/a%3Fb%20c") + ": invalid reply", 0) == 0,
                 e.what());
    }
  }
}

BOOST_AUTO_TEST_CASE(create_generates_a_short_name_and_checks_arguments) {
  ApiTestSession t;
  t.transport->reply(200, R"({"is_success":true,"job_id":1})");
  VisualizationJob(t.session).create_visualization_job("/obs/x/");
  std::string name = std::string(body_of(t.only_request()).at("job_name").as_string());
  BOOST_TEST(std::regex_match(name, std::regex("[A-Za-z0-9_-]{1,20}")));
  BOOST_CHECK_THROW(VisualizationJob(t.session).create_visualization_job("/o/", std::string(21, 'a')), InvalidArgumentError);
  BOOST_CHECK_THROW(VisualizationJob(t.session).create_visualization_job(""), InvalidArgumentError);
  BOOST_CHECK_THROW(VisualizationJob(t.session).create_visualization_job("/o/", "a b"), InvalidArgumentError);
  BOOST_TEST(t.transport->request_count() == 1u);
}

BOOST_AUTO_TEST_CASE(list_decodes_schedule_arrays_with_camel_case_and_null_remaining_duration) {
  ApiTestSession t;
  t.transport->reply(200, R"({"quotas":100,"is_success":true,"job_total_count":1,"job_count_limit":999,
    "jobs":[{"job_id":1,"job_name":"visualization-job","status":1,"create_time":15099239923,"resource_id":"4787c885",
             "duration":1502323,"job_desc":"d","service_url":"https://console/tensorboard/xxxx/111","train_url":"/obs/name/",
             "schedule":[{"type":"stop","timeUnit":"HOURS","duration":1}],"remaining_duration":null}]})");
  VisualizationJobList list = VisualizationJob::get_visualization_job_list(
      t.session, ListOptions{}.status(7).sort_by("status").order("asc").search_content("job_name"));
  auto q = query_of(t.only_request());
  BOOST_TEST(path_of(t.only_request()) == v1("visualization-jobs"));
  BOOST_TEST(q["status"] == "7");
  BOOST_TEST(q["sortBy"] == "status");
  BOOST_TEST(q["per_page"] == "10");
  BOOST_TEST(list.quotas == 100);
  BOOST_TEST(list.count_limit == 999);
  BOOST_REQUIRE(list.items.size() == 1u);
  const VisualizationJobInfo& job = list.items[0];
  BOOST_TEST(job.job_id == "1");
  BOOST_TEST(job.service_url == "https://console/tensorboard/xxxx/111");
  BOOST_TEST(!job.remaining_duration.has_value());
  BOOST_REQUIRE(job.schedule.size() == 1u);
  BOOST_TEST(job.schedule[0].time_unit == "HOURS");
  BOOST_TEST(job.schedule[0].duration == 1);
}

BOOST_AUTO_TEST_CASE(schedule_as_an_object_is_read_too) {
  ApiTestSession t;
  t.transport->reply(200, R"({"is_success":true,"job_id":5,"schedule":{"type":"stop","time_unit":"HOURS","duration":"3"},
                               "remaining_duration":"120"})");
  VisualizationJobInfo info = VisualizationJob(t.session, "5").get_visualization_job_info();
  BOOST_REQUIRE(info.schedule.size() == 1u);
  BOOST_TEST(info.schedule[0].duration == 3);
  BOOST_TEST(info.remaining_duration.value_or(-1) == 120);
}

BOOST_AUTO_TEST_CASE(info_decodes_the_documented_detail) {
  ApiTestSession t;
  t.transport->reply(200, R"({"duration":33000,"service_url":"https://x/tensorboard/04f6/197/","job_name":"apiTest-11",
      "create_time":1565149736000,"train_url":"/wph-test/ApiTest/","job_id":197,"job_desc":"ModelArts API Dialtest",
      "resource_id":"e17dd874","remaining_duration":null,"is_success":true,"status":7})");
  VisualizationJobInfo info = VisualizationJob(t.session, "197").get_visualization_job_info();
  BOOST_TEST(t.only_request().method == "GET");
  BOOST_TEST(path_of(t.only_request()) == v1("visualization-jobs/197"));
  BOOST_TEST(info.job_id == "197");
  BOOST_TEST(info.job_name == "apiTest-11");
  BOOST_TEST(info.status_code() == 7);
  BOOST_TEST(info.status_name() == "JOBSTAT_WAITING");
  BOOST_TEST(info.duration == 33000);
}

BOOST_AUTO_TEST_CASE(update_stop_restart_delete) {
  ApiTestSession t;
  for (int i = 0; i < 4; ++i) t.transport->reply(200, R"({"is_success":true})");
  VisualizationJob job(t.session, "10");
  job.update_visualization_job("This is a ModelArts job");
  job.stop_visualization_job();
  job.restart_visualization_job();
  job.delete_visualization_job();
  BOOST_TEST(t.request(0).method == "PUT");
  BOOST_TEST(path_of(t.request(0)) == v1("visualization-jobs/10"));
  BOOST_TEST(body_of(t.request(0)) == json::parse(R"({"job_desc":"This is a ModelArts job"})"));
  BOOST_TEST(t.request(1).method == "POST");
  BOOST_TEST(path_of(t.request(1)) == v1("visualization-jobs/10/stop"));
  BOOST_TEST(t.request(2).method == "POST");
  BOOST_TEST(path_of(t.request(2)) == v1("visualization-jobs/10/restart"));
  BOOST_TEST(t.request(3).method == "DELETE");
  BOOST_TEST(path_of(t.request(3)) == v1("visualization-jobs/10"));
}

BOOST_AUTO_TEST_CASE(documented_failures_surface_as_api_errors) {
  ApiTestSession t;
  t.transport->reply(400, R"({"is_success":false,"error_message":"This job can't be stop. job status: 10","error_code":"ModelArts.0105"})");
  t.transport->reply(200, R"({"is_success":false,"error_message":"This job can't be delete. job status: 9","error_code":"ModelArts.0105"})");
  VisualizationJob job(t.session, "10");
  try {
    job.stop_visualization_job();
    BOOST_FAIL("expected ApiError");
  } catch (const ApiError& e) {
    BOOST_TEST(e.error_code() == "ModelArts.0105");
    BOOST_TEST(e.error_msg() == "This job can't be stop. job status: 10");
  }
  try {
    job.delete_visualization_job();
    BOOST_FAIL("expected ApiError");
  } catch (const ApiError& e) {
    BOOST_TEST(e.error_msg() == "This job can't be delete. job status: 9");
  }
}

BOOST_AUTO_TEST_CASE(object_list_holds_rows_so_reading_them_costs_nothing) {
  ApiTestSession t;
  t.transport->reply(200, R"({"is_success":true,"job_total_count":2,"jobs":[{"job_id":1,"job_name":"a"},{"job_id":2,"job_name":"b"}]})");
  t.transport->reply(200, R"({"is_success":true})");
  auto jobs = VisualizationJob::get_visualization_job_object_list(t.session);
  BOOST_REQUIRE(jobs.size() == 2u);
  BOOST_TEST(jobs[0].job_id() == "1");
  BOOST_TEST(jobs[1].info().job_name == "b");
  BOOST_TEST(t.transport->request_count() == 1u);
  jobs.front().delete_visualization_job();
  BOOST_TEST(path_of(t.request(1)) == v1("visualization-jobs/1"));
}

BOOST_AUTO_TEST_SUITE_END()
