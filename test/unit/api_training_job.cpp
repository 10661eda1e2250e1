// SPDX-License-Identifier: Apache-2.0
// TrainingJob against a fake transport: the request each call sends and the decoding of the documented
// reply examples (ModelArts API Reference, "Training Jobs").
#include <boost/test/unit_test.hpp>

#include <modelarts/modelarts.hpp>

#include "support/api_test_session.hpp"

using namespace modelarts;
using namespace modelarts::test;
namespace json = boost::json;

BOOST_AUTO_TEST_SUITE(api_training_job)

BOOST_AUTO_TEST_CASE(from_ids_makes_no_request) {
  ApiTestSession t;
  TrainingJob job(t.session, "10", "20");
  BOOST_TEST(job.job_id() == "10");
  BOOST_TEST(job.version_id() == "20");
  BOOST_TEST(!job.has_info());
  BOOST_CHECK_THROW(job.info(), InvalidArgumentError);
  BOOST_TEST(t.transport->request_count() == 0u);
}

BOOST_AUTO_TEST_CASE(get_job_info_decodes_the_documented_version_detail) {
  ApiTestSession t;
  t.transport->reply(200, R"({"is_success":true,"job_id":10,"job_name":"TestModelArtsJob","version_id":10,
    "version_name":"jobVersion","pre_version_id":5,"engine_name":"TensorFlow","engine_id":1,"status":10,
    "create_time":1524189990635,"duration":532003,"spec_id":1,"worker_server_num":1,"data_url":"/usr/data/",
    "train_url":"/usr/train/","start_time":1563172362000,"pool_id":"pool9928813f"})");
  JobInfo info = TrainingJob(t.session, "10", "10").get_job_info();
  HttpRequest r = t.only_request();
  BOOST_TEST(r.method == "GET");
  BOOST_TEST(path_of(r) == v1("training-jobs/10/versions/10"));
  BOOST_TEST(info.job_id == "10");
  BOOST_TEST(info.job_name == "TestModelArtsJob");
  BOOST_TEST(info.version_id == "10");
  BOOST_TEST(info.version_name == "jobVersion");
  BOOST_TEST(info.pre_version_id == "5");
  BOOST_TEST(info.engine_name == "TensorFlow");
  BOOST_TEST(info.engine_id == 1);
  BOOST_TEST(info.status_code() == 10);
  BOOST_TEST(info.status_name() == "JOBSTAT_COMPLETED");
  BOOST_TEST(info.create_time == 1524189990635);
  BOOST_TEST(info.duration == 532003);
  BOOST_TEST(info.start_time == 1563172362000);
  BOOST_TEST(info.data_url == "/usr/data/");
  BOOST_TEST(info.pool_id == "pool9928813f");
  BOOST_TEST(json::parse(info.raw_json).at("pool_id") == "pool9928813f");
}

BOOST_AUTO_TEST_CASE(version_calls_need_a_version_id_and_send_nothing_without_one) {
  ApiTestSession t;
  TrainingJob job(t.session, "10");
  BOOST_CHECK_THROW(job.get_job_info(), InvalidArgumentError);
  BOOST_CHECK_THROW(job.stop_job_version(), InvalidArgumentError);
  BOOST_CHECK_THROW(job.delete_job_version(), InvalidArgumentError);
  BOOST_CHECK_THROW(job.get_job_log_file_list(), InvalidArgumentError);
  BOOST_CHECK_THROW(job.get_job_log("a.log"), InvalidArgumentError);
  BOOST_CHECK_THROW(job.wait(), InvalidArgumentError);
  BOOST_TEST(t.transport->request_count() == 0u);
}

BOOST_AUTO_TEST_CASE(update_job_description_puts_job_desc) {
  ApiTestSession t;
  t.transport->reply(200, R"({"is_success":true})");
  TrainingJob(t.session, "10").update_job_description("This is a ModelArts job");
  HttpRequest r = t.only_request();
  BOOST_TEST(r.method == "PUT");
  BOOST_TEST(path_of(r) == v1("training-jobs/10"));
  BOOST_TEST(body_of(r) == json::parse(R"({"job_desc":"This is a ModelArts job"})"));
}

BOOST_AUTO_TEST_CASE(delete_job_and_delete_job_by_id_send_delete) {
  ApiTestSession t;
  t.transport->reply(200, R"({"is_success":true})").reply(200, R"({"is_success":true})");
  TrainingJob(t.session, "10").delete_job();
  Estimator::delete_job_by_id(t.session, "11");
  BOOST_TEST(t.request(0).method == "DELETE");
  BOOST_TEST(path_of(t.request(0)) == v1("training-jobs/10"));
  BOOST_TEST(t.request(1).method == "DELETE");
  BOOST_TEST(path_of(t.request(1)) == v1("training-jobs/11"));
}

BOOST_AUTO_TEST_CASE(delete_failure_is_an_api_error_with_code_and_message) {
  ApiTestSession t;
  t.transport->reply(400, R"({"is_success":false,"error_message":"Error string","error_code":"ModelArts.0105"})");
  try {
    TrainingJob(t.session, "10").delete_job();
    BOOST_FAIL("expected ApiError");
  } catch (const ApiError& e) {
    BOOST_TEST(e.error_code() == "ModelArts.0105");
    BOOST_TEST(e.error_msg() == "Error string");
  }
}

BOOST_AUTO_TEST_CASE(version_list_decodes_metric_lists_sent_as_strings) {
  ApiTestSession t;
  t.transport->reply(200, R"({"is_success":true,"job_id":10,"job_name":"testModelArtsJob","job_desc":"d","version_count":2,
    "versions":[{"version_id":10,"version_name":"V0004","pre_version_id":5,"engine_type":1,"engine_name":"TensorFlow",
      "engine_id":1,"engine_version":"TF-1.4.0-python2.7","status":10,"create_time":1524189990635,"duration":532003,
      "spec_id":1,"core":2,"cpu":8,"gpu_num":2,"gpu_type":"P100","worker_server_num":1,"train_url":"/usr/train/",
      "model_metric_list":"{\"total_metric\":{\"total_metric_values\":{\"accuracy\":0.9}}}",
      "system_metric_list":{"cpuUsage":["1.0"],"interval":1}},
     {"version_id":"11","status":"8"}]})");
  TrainingJob job(t.session, "10");
  JobVersionList list = job.get_job_version_info();
  HttpRequest r = t.only_request();
  BOOST_TEST(r.method == "GET");
  BOOST_TEST(path_of(r) == v1("training-jobs/10/versions"));
  BOOST_TEST(query_of(r)["page"] == "0");
  BOOST_TEST(list.job_id == "10");
  BOOST_TEST(list.version_count == 2);
  BOOST_REQUIRE(list.versions.size() == 2u);
  const JobInfo& v = list.versions[0];
  BOOST_TEST(v.job_id == "10");  // filled from the enclosing job
  BOOST_TEST(v.core == "2");     // documented String, sent as a number
  BOOST_TEST(v.cpu == "8");
  BOOST_TEST(v.gpu_type == "P100");
  BOOST_TEST(v.engine_type == 1);
  BOOST_TEST(json::parse(v.model_metric_list).at("total_metric").at("total_metric_values").at("accuracy").as_double() == 0.9);
  BOOST_TEST(json::parse(v.system_metric_list).at("interval") == 1);
  BOOST_TEST(list.versions[1].version_id == "11");
  BOOST_TEST(list.versions[1].status_code() == 8);
}

BOOST_AUTO_TEST_CASE(version_object_list_builds_one_object_per_version_holding_its_info) {
  ApiTestSession t;
  t.transport->reply(200, R"({"is_success":true,"job_id":10,"versions":[{"version_id":1,"status":10},{"version_id":2,"status":8}]})");
  std::vector<TrainingJob> versions = TrainingJob(t.session, "10").get_job_version_object_list();
  BOOST_REQUIRE(versions.size() == 2u);
  BOOST_TEST(versions[1].job_id() == "10");
  BOOST_TEST(versions[1].version_id() == "2");
  BOOST_TEST(versions[1].info().status_code() == 8);
  BOOST_TEST(t.transport->request_count() == 1u);
}

BOOST_AUTO_TEST_CASE(stop_and_delete_version) {
  ApiTestSession t;
  t.transport->reply(200, R"({"is_success":true})").reply(200, R"({"is_success":true})");
  TrainingJob job(t.session, "10", "12");
  job.stop_job_version();
  job.delete_job_version();
  BOOST_TEST(t.request(0).method == "POST");
  BOOST_TEST(path_of(t.request(0)) == v1("training-jobs/10/versions/12/stop"));
  BOOST_TEST(t.request(1).method == "DELETE");
  BOOST_TEST(path_of(t.request(1)) == v1("training-jobs/10/versions/12"));
}

BOOST_AUTO_TEST_CASE(log_file_list_and_aom_log) {
  ApiTestSession t;
  t.transport->reply(200, R"({"is_success":true,"log_file_list":["teseJob.0"]})");
  t.transport->reply(200, R"({"is_success":true,"start_line":"1551252759254000002","content":"Log string",
                               "end_line":"1551252759254000003","lines":1})");
  TrainingJob job(t.session, "10", "10");
  BOOST_TEST(job.get_job_log_file_list() == std::vector<std::string>{"teseJob.0"});
  BOOST_TEST(path_of(t.request(0)) == v1("training-jobs/10/versions/10/log/file-names"));

  JobLog log = job.get_job_log("log1.log", LogQuery{}.base_line("1551252759254000002").lines(50).order("desc"));
  HttpRequest r = t.request(1);
  BOOST_TEST(path_of(r) == v1("training-jobs/10/versions/10/aom-log"));
  auto q = query_of(r);
  BOOST_TEST(q["log_file"] == "log1.log");
  BOOST_TEST(q["base_line"] == "1551252759254000002");
  BOOST_TEST(q["lines"] == "50");
  BOOST_TEST(q["order"] == "desc");
  BOOST_TEST(log.content == "Log string");
  BOOST_TEST(log.lines == 1);
  BOOST_TEST(log.start_line == "1551252759254000002");
  BOOST_TEST(log.end_line == "1551252759254000003");
}

BOOST_AUTO_TEST_CASE(python_shaped_get_job_log_reads_byte_ranges) {
  // Python get_job_log(log_file, start_byte=0, offset=2048): the legacy /log API, in bytes; 0 is the start of
  // the log and -1 its newest part. Every value is sent as given.
  ApiTestSession t;
  t.transport->set_fallback([](const HttpRequest&) -> TransportResult {
    return HttpResponse{200, {}, R"({"is_success":true,"log":"abc","log_byte_count":3,"end_byte":2051})"};
  });
  TrainingJob job(t.session, "10", "10");
  const JobLogRange first = job.get_job_log("w.0");
  job.get_job_log("w.0", -1, 100);
  job.get_job_log("w.0", 12345, -100);
  job.get_job_log("w.0", 0, 0);
  struct Sent {
    const char* start_byte;
    const char* offset;
  };
  const Sent sent[] = {{"0", "2048"}, {"-1", "100"}, {"12345", "-100"}, {"0", "0"}};
  BOOST_REQUIRE(t.transport->request_count() == 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    const HttpRequest r = t.request(i);
    BOOST_TEST(path_of(r) == v1("training-jobs/10/versions/10/log"));
    auto q = query_of(r);
    BOOST_TEST(q["log_file"] == "w.0");
    BOOST_TEST(q["start_byte"] == sent[i].start_byte);
    BOOST_TEST(q["offset"] == sent[i].offset);
    BOOST_TEST(q.size() == 3u);
  }
  // The byte positions are kept: where the read began and where the next one starts.
  BOOST_TEST(first.content == "abc");
  BOOST_TEST(first.log_byte_count == 3);
  BOOST_TEST(first.end_byte == 2051);
  BOOST_TEST(first.start_byte == 2048);
  BOOST_CHECK_THROW(job.get_job_log("w.0", -2, 10), InvalidArgumentError);
  BOOST_CHECK_THROW(job.get_job_log("w.0", 0, 2049), InvalidArgumentError);
  BOOST_CHECK_THROW(job.get_job_log("w.0", 0, -2049), InvalidArgumentError);
  BOOST_CHECK_THROW(job.get_job_log("w.0", LogQuery{}.lines(501)), InvalidArgumentError);
  BOOST_TEST(t.transport->request_count() == 4u);
}

BOOST_AUTO_TEST_CASE(byte_range_log_reads_the_documented_reply_and_its_example_spelling) {
  ApiTestSession t;
  t.transport->reply(200, R"({"is_success":true,"log":"0123456789","count":10,"end_byte":10})");
  t.transport->reply(200, R"({"is_success":false,"error_code":"ModelArts.0104","error_msg":"offset out of range"})");
  TrainingJob job(t.session, "10", "10");
  const JobLogRange range = job.get_job_log("w.0", 0, 10);
  BOOST_TEST(range.log_byte_count == 10);
  BOOST_TEST(range.start_byte == 0);
  try {
    job.get_job_log("w.0", 0, 10);
    BOOST_FAIL("expected ApiError");
  } catch (const ApiError& e) {
    BOOST_TEST(e.error_code() == "ModelArts.0104");
    BOOST_TEST(std::string(e.what()).find("offset out of range") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(job_list_sends_the_documented_query_and_decodes_rows) {
  ApiTestSession t;
  t.transport->reply(200, R"({"is_success":true,"quotas":5,"job_total_count":1,"job_count_limit":3,
    "jobs":[{"job_id":10,"job_name":"testModelArtsJob","version_id":10,"status":10,
             "create_time":1524189990635,"duration":532003,"job_desc":"This is ModelArts job","version_count":5}]})");
  TrainingJobList list = Estimator::get_job_list(
      t.session, ListOptions{}.status(7).per_page(10).page(1).sort_by("job_name").order("asc").search_content("job"));
  HttpRequest r = t.only_request();
  BOOST_TEST(r.method == "GET");
  BOOST_TEST(path_of(r) == v1("training-jobs"));
  auto q = query_of(r);
  BOOST_TEST(q["status"] == "7");
  BOOST_TEST(q["per_page"] == "10");
  BOOST_TEST(q["page"] == "1");
  BOOST_TEST(q["sortBy"] == "job_name");
  BOOST_TEST(q["order"] == "asc");
  BOOST_TEST(q["search_content"] == "job");
  BOOST_TEST(list.quotas == 5);
  BOOST_TEST(list.total_count == 1);
  BOOST_TEST(list.count_limit == 3);
  BOOST_REQUIRE(list.items.size() == 1u);
  BOOST_TEST(list.items[0].job_id == "10");
  BOOST_TEST(list.items[0].version_id == "10");
  BOOST_TEST(list.items[0].version_count == 5);
  BOOST_TEST(list.items[0].job_desc == "This is ModelArts job");
}

BOOST_AUTO_TEST_CASE(status_is_typed_and_keeps_the_code_as_sent) {
  ApiTestSession t;
  t.transport->reply(200, R"({"is_success":true,"job_total_count":3,"jobs":[{"job_id":1,"status":8},
                                                                          {"job_id":2,"status":"11"},
                                                                          {"job_id":3,"status":42}]})");
  const TrainingJobList list = Estimator::get_job_list(t.session);
  BOOST_REQUIRE(list.items.size() == 3u);
  BOOST_TEST((list.items[0].status == JobStatus::running));
  BOOST_TEST((list.items[1].status == JobStatus::failed));  // a number sent as a string
  BOOST_TEST(is_failed_status(list.items[1].status));
  BOOST_TEST(list.items[2].status_code() == 42);  // outside the documented table: kept, named unknown
  BOOST_TEST(list.items[2].status_name() == "JOBSTAT_UNKNOWN");
  BOOST_TEST(list.total_count == 3);
  BOOST_TEST(!list.raw_json.empty());
}

BOOST_AUTO_TEST_CASE(job_object_list_holds_rows) {
  ApiTestSession t;
  t.transport->reply(200, R"({"is_success":true,"job_total_count":2,"jobs":[{"job_id":1,"version_id":3,"job_name":"a"},
                                                                          {"job_id":"2","version_id":"4","job_name":"b"}]})");
  auto jobs = Estimator::get_job_object_list(t.session);
  BOOST_REQUIRE(jobs.size() == 2u);
  BOOST_TEST(jobs[1].job_id() == "2");
  BOOST_TEST(jobs[1].version_id() == "4");
  BOOST_TEST(jobs[1].info().job_name == "b");
}

BOOST_AUTO_TEST_CASE(list_options_are_checked_before_sending) {
  ApiTestSession t;
  BOOST_CHECK_THROW(Estimator::get_job_list(t.session, ListOptions{}.per_page(0)), InvalidArgumentError);
  BOOST_CHECK_THROW(Estimator::get_job_list(t.session, ListOptions{}.per_page(1001)), InvalidArgumentError);
  BOOST_CHECK_THROW(Estimator::get_job_list(t.session, ListOptions{}.page(0)), InvalidArgumentError);
  BOOST_CHECK_THROW(Estimator::get_job_list(t.session, ListOptions{}.order("up")), InvalidArgumentError);
  BOOST_CHECK_THROW(Estimator::get_job_list(t.session, ListOptions{}.status(99)), InvalidArgumentError);
  BOOST_CHECK_THROW(Estimator::get_job_list(t.session, ListOptions{}.search_content(std::string(65, 'x'))),
                    InvalidArgumentError);
  BOOST_TEST(t.transport->request_count() == 0u);
}

BOOST_AUTO_TEST_CASE(missing_required_fields_are_invalid_replies) {
  ApiTestSession t;
  t.transport->reply(200, R"({"is_success":true,"job_name":"x"})")
      .reply(200, R"({"is_success":true,"jobs":{}})")
      .reply(200, R"({"is_success":true,"jobs":[{"job_name":"no id"}]})")
      .reply(200, "not json at all")
      .reply(200, R"({"is_success":true,"job_id":{"nested":1}})");
  auto expect_invalid = [](auto&& f) {
    try {
      f();
      BOOST_FAIL("expected TransportError");
    } catch (const TransportError& e) {
      BOOST_TEST(static_cast<int>(e.transport_kind()) == static_cast<int>(TransportErrorKind::invalid_reply));
    }
  };
  expect_invalid([&] { TrainingJob(t.session, "1", "2").get_job_info(); });
  expect_invalid([&] { Estimator::get_job_list(t.session); });
  expect_invalid([&] { Estimator::get_job_list(t.session); });
  expect_invalid([&] { Estimator::get_job_list(t.session); });
  expect_invalid([&] { TrainingJob(t.session, "1", "2").get_job_info(); });
}

BOOST_AUTO_TEST_CASE(is_success_false_with_http_200_is_an_api_error) {
  ApiTestSession t;
  t.transport->reply(200, R"({"is_success":false,"error_code":"ModelArts.0102","error_message":"no such job"})");
  try {
    TrainingJob(t.session, "1", "2").get_job_info();
    BOOST_FAIL("expected ApiError");
  } catch (const ApiError& e) {
    BOOST_TEST(e.error_code() == "ModelArts.0102");
    BOOST_TEST(e.error_msg() == "no such job");
  }
}

BOOST_AUTO_TEST_SUITE_END()
