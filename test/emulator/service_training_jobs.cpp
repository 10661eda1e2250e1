// SPDX-License-Identifier: Apache-2.0
// Training jobs (ModelArts API Reference, "Training Jobs") through ModelArtsService::handle: shapes, rules, paging,
// sorting, filters.
#include <boost/test/unit_test.hpp>

#include "support/service_harness.hpp"

using namespace modelarts::test;

BOOST_AUTO_TEST_SUITE(service_training_jobs)

BOOST_AUTO_TEST_CASE(create_answers_numbers_as_strings_like_the_documented_example) {
  ServiceHarness h;
  Reply r = h.call("POST", "training-jobs", training_job_body("TestModelArtsJob"));
  BOOST_TEST(r.status == 200);
  BOOST_TEST(r.at("is_success").as_bool());
  BOOST_TEST(r.at("job_id").is_string());
  BOOST_TEST(r.str("status") == "1");
  BOOST_TEST(r.str("create_time") == std::to_string(h.now()));
  BOOST_TEST(r.at("version_id").is_string());
  BOOST_TEST(r.str("version_name") == "V0001");
  BOOST_TEST(r.str("job_name") == "TestModelArtsJob");
  BOOST_TEST(r.str("resource_id").rfind("job", 0) == 0u);
  Reply second = h.call("POST", "training-jobs", training_job_body("Second"));
  BOOST_TEST(std::stoll(second.str("job_id")) > std::stoll(r.str("job_id")));
  BOOST_TEST(std::stoll(second.str("version_id")) > std::stoll(r.str("version_id")));
}

BOOST_AUTO_TEST_CASE(duplicate_name_is_modelarts_0103) {
  ServiceHarness h;
  create_training_job(h, "dup");
  expect_v1_error(h.call("POST", "training-jobs", training_job_body("dup")), 400, "ModelArts.0103",
                  "Job name:dup is existed");
}

BOOST_AUTO_TEST_CASE(illegal_names_are_modelarts_0104) {
  ServiceHarness h;
  for (const std::string& name :
       std::vector<std::string>{"", "has space", "semi;colon", std::string(65, 'a'), "\\u00e9t\\u00e9"})
    expect_v1_error(h.call("POST", "training-jobs", training_job_body(name)), 400, "ModelArts.0104", "Illegal name");
  BOOST_TEST(h.call("POST", "training-jobs", training_job_body(std::string(64, 'a'))).status == 200);
  BOOST_TEST(h.call("POST", "training-jobs", training_job_body("a-b_C9")).status == 200);
}

BOOST_AUTO_TEST_CASE(config_rules_are_modelarts_0101_naming_the_field) {
  ServiceHarness h;
  auto expect_field = [&](const std::string& body, const std::string& field) {
    Reply r = h.call("POST", "training-jobs", body);
    expect_v1_error(r, 400, "ModelArts.0101");
    BOOST_TEST(r.str("error_message").find(field) != std::string::npos, r.text);
  };
  expect_field(R"({"job_name":"x"})", "config");
  expect_field(R"({"job_name":"x","config":{"spec_id":2,"data_url":"/d/","app_url":"/a/","boot_file_url":"/a/b.py"}})",
               "worker_server_num");
  expect_field(
      R"({"job_name":"x","config":{"worker_server_num":1,"data_url":"/d/","app_url":"/a/","boot_file_url":"/a/b.py"}})",
      "spec_id");
  expect_field(training_job_body("x", R"(,"dataset_id":"d1","dataset_version_id":"v1")"), "exactly one of");
  expect_field(
      R"({"job_name":"x","config":{"worker_server_num":1,"spec_id":2,"app_url":"/a/","boot_file_url":"/a/b.py"}})",
      "exactly one of");
  expect_field(R"({"job_name":"x","config":{"worker_server_num":1,"spec_id":2,"data_url":"/d/","app_url":"/a/"}})",
               "boot_file_url");
  expect_field(
      R"({"job_name":"x","config":{"worker_server_num":1,"spec_id":999,"data_url":"/d/","app_url":"/a/","boot_file_url":"/b"}})",
      "spec_id");
  expect_field(
      R"({"job_name":"x","config":{"worker_server_num":3,"spec_id":2,"data_url":"/d/","app_url":"/a/","boot_file_url":"/b"}})",
      "worker_server_num");
  expect_field(
      R"({"job_name":"x","config":{"worker_server_num":"two","spec_id":2,"data_url":"/d/","app_url":"/a/","boot_file_url":"/b"}})",
      "config.worker_server_num");
  expect_field(
      R"({"job_name":"x","config":{"worker_server_num":1,"spec_id":2,"data_url":"/d/","app_url":"/a/","boot_file_url":"/b","engine_id":777}})",
      "engine_id");
  expect_field(training_job_body("x", R"(,"parameter":[{"value":"1"}])"), "label");
  expect_field(training_job_body("x", R"(,"bogus":1)"), "config.bogus");
  expect_field(R"({"job_name":"x","bogus":true,"config":{}})", "bogus");
  expect_field(R"({"job_name":"x","job_desc":")" + std::string(257, 'd') + R"(","config":{}})", "job_desc");
  expect_field(
      R"({"job_name":"x","config":{"worker_server_num":1,"spec_id":2,"data_source":[{"type":"ftp"}],"app_url":"/a/","boot_file_url":"/b"}})",
      "type");
}

BOOST_AUTO_TEST_CASE(alternative_sources_and_algorithms_are_accepted) {
  ServiceHarness h;
  BOOST_TEST(
      h.call(
           "POST", "training-jobs",
           R"({"job_name":"ds","config":{"worker_server_num":1,"spec_id":2,"dataset_id":"d1","dataset_version_id":"v1","app_url":"/a/","boot_file_url":"/a/b.py"}})")
          .status == 200);
  BOOST_TEST(
      h.call(
           "POST", "training-jobs",
           R"({"job_name":"src","config":{"worker_server_num":1,"spec_id":2,"data_source":[{"type":"obs","data_url":"/d/"}],"app_url":"/a/","boot_file_url":"/a/b.py"}})")
          .status == 200);
  Reply algo = h.call(
      "POST", "training-jobs",
      R"({"job_name":"algo","config":{"worker_server_num":1,"spec_id":3,"model_id":1,"data_url":"/d/","train_url":"/o/"}})");
  BOOST_TEST_REQUIRE(algo.status == 200, algo.text);
  Reply detail = h.call("GET", "training-jobs/" + algo.str("job_id") + "/versions/" + algo.str("version_id"));
  BOOST_TEST(detail.num("model_id") == 1);
  BOOST_TEST(detail.str("engine_name") == "TensorFlow");
  BOOST_TEST(detail.str("spec_code") == "modelarts.vm.gpu.p100");
  BOOST_TEST(
      h.call(
           "POST", "training-jobs",
           R"({"job_name":"image","config":{"worker_server_num":1,"spec_id":2,"data_url":"/d/","user_image_url":"swr/x:1","user_command":"run"}})")
          .status == 200);
}

BOOST_AUTO_TEST_CASE(list_reports_quota_fields_and_documented_item_fields) {
  ServiceHarness h;
  create_training_job(h, "alpha");
  Reply r = h.call("GET", "training-jobs");
  BOOST_TEST(r.at("is_success").as_bool());
  BOOST_TEST(r.num("job_total_count") == 1);
  BOOST_TEST(r.num("quotas") == 1000);
  BOOST_TEST(r.num("job_count_limit") == 999);
  const auto& job = r.at("jobs").as_array().at(0).as_object();
  for (const char* key :
       {"job_id", "job_name", "version_id", "status", "create_time", "duration", "job_desc", "version_count"})
    BOOST_TEST(job.contains(key), key);
  BOOST_TEST(job.at("job_id").is_int64());
  BOOST_TEST(job.at("status").as_int64() == 1);
  BOOST_TEST(job.at("version_count").as_int64() == 1);
}

BOOST_AUTO_TEST_CASE(list_pages_sorts_searches_and_filters) {
  ServiceHarness h;
  for (const char* name : {"charlie", "alpha", "bravo", "delta-job", "echo-job"}) {
    create_training_job(h, name);
    h.advance(1000);
  }
  auto names = [&](const std::string& query) {
    Reply r = h.call("GET", "training-jobs" + query);
    BOOST_TEST_REQUIRE(r.status == 200, r.text);
    std::vector<std::string> out;
    for (const auto& j : r.at("jobs").as_array()) out.emplace_back(j.at("job_name").as_string());
    return out;
  };
  using V = std::vector<std::string>;
  BOOST_TEST(names("") == (V{"alpha", "bravo", "charlie", "delta-job", "echo-job"}), boost::test_tools::per_element());
  BOOST_TEST(names("?order=desc&per_page=2") == (V{"echo-job", "delta-job"}), boost::test_tools::per_element());
  BOOST_TEST(names("?per_page=2&page=3") == (V{"echo-job"}), boost::test_tools::per_element());
  BOOST_TEST(names("?per_page=2&page=4").empty());
  BOOST_TEST(names("?sortBy=create_time") == (V{"charlie", "alpha", "bravo", "delta-job", "echo-job"}),
             boost::test_tools::per_element());
  BOOST_TEST(names("?search_content=-job") == (V{"delta-job", "echo-job"}), boost::test_tools::per_element());
  Reply searched = h.call("GET", "training-jobs?search_content=-job&per_page=1");
  BOOST_TEST(searched.num("job_total_count") == 2);
  // After 5 s of job time charlie (the oldest) runs while echo-job is still initializing.
  BOOST_TEST(names("?status=8") == (V{"charlie"}), boost::test_tools::per_element());
  BOOST_TEST(names("?status=1") == (V{"echo-job"}), boost::test_tools::per_element());
  BOOST_TEST(names("?status=7") == (V{"alpha", "bravo", "delta-job"}), boost::test_tools::per_element());
  BOOST_TEST(names("?sortBy=status&order=desc").front() == "charlie");
}

BOOST_AUTO_TEST_CASE(list_parameter_errors) {
  ServiceHarness h;
  expect_v1_error(h.call("GET", "training-jobs?search_content=" + std::string(65, 'x')), 400, "ModelArts.0104",
                  "The length of search content should be in [0,64]");
  BOOST_TEST(h.call("GET", "training-jobs?search_content=" + std::string(64, 'x')).status == 200);
  expect_v1_error(h.call("GET", "training-jobs?per_page=0"), 400, "ModelArts.0104");
  expect_v1_error(h.call("GET", "training-jobs?per_page=1001"), 400, "ModelArts.0104");
  expect_v1_error(h.call("GET", "training-jobs?page=0"), 400, "ModelArts.0104");
  expect_v1_error(h.call("GET", "training-jobs?page=65536"), 400, "ModelArts.0104");
  expect_v1_error(h.call("GET", "training-jobs?per_page=ten"), 400, "ModelArts.0101");
  expect_v1_error(h.call("GET", "training-jobs?sortBy=size"), 400, "ModelArts.0101");
  expect_v1_error(h.call("GET", "training-jobs?order=up"), 400, "ModelArts.0101");
  expect_v1_error(h.call("GET", "training-jobs?status=x"), 400, "ModelArts.0101");
}

BOOST_AUTO_TEST_CASE(update_description_and_delete) {
  ServiceHarness h;
  const std::string id = create_training_job(h, "job");
  Reply updated = h.call("PUT", "training-jobs/" + id, R"({"job_desc":"retrained"})");
  BOOST_TEST(updated.status == 200);
  BOOST_TEST(updated.text == R"({"is_success":true})");
  BOOST_TEST(h.call("GET", "training-jobs").at("jobs").as_array().at(0).at("job_desc").as_string() == "retrained");
  // One description per job, shown by every call: the versions list and the version detail too.
  Reply versions = h.call("GET", "training-jobs/" + id + "/versions");
  BOOST_TEST(versions.str("job_desc") == "retrained");
  const auto& first = versions.at("versions").as_array().at(0).as_object();
  BOOST_TEST(first.at("job_desc").as_string() == "retrained");
  const std::string version_id = std::to_string(first.at("version_id").to_number<std::int64_t>());
  BOOST_TEST(h.call("GET", "training-jobs/" + id + "/versions/" + version_id).str("job_desc") == "retrained");
  expect_v1_error(h.call("PUT", "training-jobs/" + id, R"({"description":"x"})"), 400, "ModelArts.0101");
  expect_v1_error(h.call("PUT", "training-jobs/" + id, R"({})"), 400, "ModelArts.0101");
  Reply deleted = h.call("DELETE", "training-jobs/" + id);
  BOOST_TEST(deleted.text == R"({"is_success":true})");
  BOOST_TEST(h.call("GET", "training-jobs").num("job_total_count") == 0);
  expect_v1_error(h.call("DELETE", "training-jobs/" + id), 400, "ModelArts.0102");
  expect_v1_error(h.call("PUT", "training-jobs/999", R"({"job_desc":"x"})"), 400, "ModelArts.0102");
}

BOOST_AUTO_TEST_CASE(quota_of_1000_jobs_is_modelarts_0106) {
  ServiceHarness h;
  for (int i = 0; i < 1000; ++i) create_training_job(h, "job" + std::to_string(i));
  expect_v1_error(h.call("POST", "training-jobs", training_job_body("one-more")), 400, "ModelArts.0106");
  Reply list = h.call("GET", "training-jobs?per_page=1000");
  BOOST_TEST(list.num("job_count_limit") == 0);
  BOOST_TEST(list.at("jobs").as_array().size() == 1000u);
}

BOOST_AUTO_TEST_CASE(unknown_paths_and_methods) {
  ServiceHarness h;
  Reply r = h.call("POST", "training-jobs/1");
  BOOST_TEST(r.status == 405);
  BOOST_TEST(r.at("is_success").as_bool() == false);
  bool allow = false;
  for (const auto& [k, v] : r.headers) allow = allow || (k == "Allow" && v == "PUT, DELETE");
  BOOST_TEST(allow);
  BOOST_TEST(h.call("GET", "training-jobs/1").status == 405);  // there is no job-level GET in v1
  Reply missing = h.call("GET", "no-such-thing");
  BOOST_TEST(missing.status == 404);
  BOOST_TEST(missing.error_code() == "ModelArts.0015");
  BOOST_TEST(h.call("GET", "training-jobs/1/versions/2/unknown").status == 404);
}

BOOST_AUTO_TEST_SUITE_END()
