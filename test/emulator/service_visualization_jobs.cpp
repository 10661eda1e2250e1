// SPDX-License-Identifier: Apache-2.0
// Visualization jobs (ModelArts API Reference, "Visualization Jobs"): shapes and rules (the lifecycle is in
// service_lifecycle).
#include <boost/test/unit_test.hpp>

#include "support/service_harness.hpp"

using namespace modelarts::test;

BOOST_AUTO_TEST_SUITE(service_visualization_jobs)

BOOST_AUTO_TEST_CASE(create_answers_strings_and_list_shows_schedule_with_timeUnit) {
  ServiceHarness h;
  Reply r =
      h.call("POST", "visualization-jobs",
             R"({"job_name":"visualization-job","job_desc":"this is a visualization job","train_url":"/obs/name/",)"
             R"("job_type":"mindinsight","schedule":{"type":"stop","time_unit":"HOURS","duration":1}})");
  BOOST_TEST_REQUIRE(r.status == 200, r.text);
  BOOST_TEST(r.at("is_success").as_bool());
  BOOST_TEST(r.at("job_id").is_string());
  BOOST_TEST(r.str("status") == "1");
  BOOST_TEST(r.str("create_time") == std::to_string(h.now()));
  BOOST_TEST(r.str("job_name") == "visualization-job");
  BOOST_TEST(r.str("service_url").find("/mindinsight/p1/" + r.str("job_id") + "/") != std::string::npos);
  Reply list = h.call("GET", "visualization-jobs");
  BOOST_TEST(list.num("job_total_count") == 1);
  BOOST_TEST(list.num("quotas") == 1000);
  BOOST_TEST(list.num("job_count_limit") == 999);
  const auto& job = list.at("jobs").as_array().at(0).as_object();
  BOOST_TEST(job.at("job_id").is_int64());
  BOOST_TEST(job.at("schedule") == json::parse(R"([{"type":"stop","timeUnit":"HOURS","duration":1}])"));
  for (const char* key : {"job_name", "status", "create_time", "duration", "job_desc", "service_url", "train_url",
                          "resource_id", "remaining_duration"})
    BOOST_TEST(job.contains(key), key);
  // The example's array form of schedule is accepted too.
  BOOST_TEST(
      h.call("POST", "visualization-jobs",
             R"({"job_name":"v2","train_url":"/o/","schedule":[{"type":"stop","time_unit":"HOURS","duration":3}]})")
          .status == 200);
}

BOOST_AUTO_TEST_CASE(detail_update_and_errors) {
  ServiceHarness h;
  Reply r = h.call("POST", "visualization-jobs", R"({"job_name":"board","train_url":"/o/"})");
  const std::string id = r.str("job_id");
  Reply detail = h.call("GET", "visualization-jobs/" + id);
  BOOST_TEST(detail.at("is_success").as_bool());
  BOOST_TEST(detail.num("job_id") == std::stoll(id));
  BOOST_TEST(detail.at("remaining_duration").is_null());
  BOOST_TEST(detail.str("train_url") == "/o/");
  BOOST_TEST(h.call("PUT", "visualization-jobs/" + id, R"({"job_desc":"new"})").text == R"({"is_success":true})");
  BOOST_TEST(h.call("GET", "visualization-jobs/" + id).str("job_desc") == "new");
  expect_v1_error(h.call("PUT", "visualization-jobs/" + id, R"({"job_desc":5})"), 400, "ModelArts.0101");
  expect_v1_error(h.call("GET", "visualization-jobs/42"), 400, "ModelArts.0102");
  expect_v1_error(h.call("POST", "visualization-jobs", R"({"job_name":"board","train_url":"/o/"})"), 400,
                  "ModelArts.0103", "Job name:board is existed");
  expect_v1_error(
      h.call("POST", "visualization-jobs", R"({"job_name":")" + std::string(21, 'v') + R"(","train_url":"/o/"})"), 400,
      "ModelArts.0104", "Illegal name");
  expect_v1_error(h.call("POST", "visualization-jobs", R"({"job_name":"nourl"})"), 400, "ModelArts.0101");
  expect_v1_error(h.call("POST", "visualization-jobs", R"({"job_name":"t","train_url":"/o/","job_type":"visdom"})"),
                  400, "ModelArts.0101");
  expect_v1_error(
      h.call("POST", "visualization-jobs",
             R"({"job_name":"s","train_url":"/o/","schedule":{"type":"stop","time_unit":"HOURS","duration":25}})"),
      400, "ModelArts.0101");
  expect_v1_error(
      h.call("POST", "visualization-jobs",
             R"({"job_name":"s","train_url":"/o/","schedule":{"type":"start","time_unit":"HOURS","duration":2}})"),
      400, "ModelArts.0101");
  expect_v1_error(h.call("POST", "visualization-jobs/" + id + "/stop/now"), 404, "ModelArts.0015");
}

BOOST_AUTO_TEST_CASE(list_sorts_by_job_id_by_default_and_filters) {
  ServiceHarness h;
  for (const char* name : {"zeta", "alpha", "mid-job"}) {
    BOOST_TEST(h.call("POST", "visualization-jobs", R"({"job_name":")" + std::string(name) + R"(","train_url":"/o/"})")
                   .status == 200);
    h.advance(2'000);
  }
  auto names = [&](const std::string& query) {
    std::vector<std::string> out;
    Reply r = h.call("GET", "visualization-jobs" + query);
    BOOST_TEST_REQUIRE(r.status == 200, r.text);
    for (const auto& j : r.at("jobs").as_array()) out.emplace_back(j.at("job_name").as_string());
    return out;
  };
  using V = std::vector<std::string>;
  BOOST_TEST(names("") == (V{"zeta", "alpha", "mid-job"}), boost::test_tools::per_element());
  BOOST_TEST(names("?sortBy=job_name") == (V{"alpha", "mid-job", "zeta"}), boost::test_tools::per_element());
  BOOST_TEST(names("?order=desc&per_page=1") == (V{"mid-job"}), boost::test_tools::per_element());
  // otcextensions sends sort_by for visualization jobs; the wire name sortBy wins when both are present.
  BOOST_TEST(names("?sort_by=job_name") == (V{"alpha", "mid-job", "zeta"}), boost::test_tools::per_element());
  BOOST_TEST(names("?sortBy=job_id&sort_by=job_name") == (V{"zeta", "alpha", "mid-job"}),
             boost::test_tools::per_element());
  BOOST_TEST(names("?status=8") == (V{"zeta"}), boost::test_tools::per_element());
  BOOST_TEST(names("?search_content=-") == (V{"mid-job"}), boost::test_tools::per_element());
  expect_v1_error(h.call("GET", "visualization-jobs?per_page=1001"), 400, "ModelArts.0104");
  expect_v1_error(h.call("GET", "visualization-jobs?search_content=" + std::string(65, 'q')), 400, "ModelArts.0104",
                  "The length of search content should be in [0,64]");
}

BOOST_AUTO_TEST_CASE(quota_of_1000_is_modelarts_0106) {
  ServiceHarness h;
  for (int i = 0; i < 1000; ++i)
    BOOST_TEST_REQUIRE(
        h.call("POST", "visualization-jobs", R"({"job_name":"v)" + std::to_string(i) + R"(","train_url":"/o/"})")
            .status == 200);
  expect_v1_error(h.call("POST", "visualization-jobs", R"({"job_name":"extra","train_url":"/o/"})"), 400,
                  "ModelArts.0106");
  BOOST_TEST(h.call("GET", "visualization-jobs").num("job_count_limit") == 0);
}

BOOST_AUTO_TEST_SUITE_END()
