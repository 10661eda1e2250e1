// SPDX-License-Identifier: Apache-2.0
// Job statuses over (test-controlled) time and the documented ModelArts.0105 refusals.
#include <boost/test/unit_test.hpp>

#include "support/service_harness.hpp"

using namespace modelarts::test;

namespace {
struct Training {
  std::string job;
  std::string version;
};

Training create(ServiceHarness& h, const std::string& name, const std::string& extra = {}) {
  Reply r = h.call("POST", "training-jobs", training_job_body(name, extra));
  BOOST_TEST_REQUIRE(r.status == 200, r.text);
  return {r.str("job_id"), r.str("version_id")};
}

std::int64_t status_of(ServiceHarness& h, const Training& t) {
  Reply r = h.call("GET", "training-jobs/" + t.job + "/versions/" + t.version);
  BOOST_TEST_REQUIRE(r.status == 200, r.text);
  return r.num("status");
}

std::int64_t visualization_status(ServiceHarness& h, const std::string& id) {
  Reply r = h.call("GET", "visualization-jobs/" + id);
  BOOST_TEST_REQUIRE(r.status == 200, r.text);
  return r.num("status");
}

std::string create_visualization(ServiceHarness& h, const std::string& name, const std::string& extra = {}) {
  Reply r =
      h.call("POST", "visualization-jobs", R"({"job_name":")" + name + R"(","train_url":"/obs/logs/")" + extra + "}");
  BOOST_TEST_REQUIRE(r.status == 200, r.text);
  return r.str("job_id");
}
}  // namespace

BOOST_AUTO_TEST_SUITE(service_lifecycle)

BOOST_AUTO_TEST_CASE(training_version_runs_to_completion) {
  ServiceHarness h;
  Training t = create(h, "life");
  BOOST_TEST(status_of(h, t) == 1);
  h.advance(1'999);
  BOOST_TEST(status_of(h, t) == 1);
  h.advance(1);
  BOOST_TEST(status_of(h, t) == 7);
  h.advance(3'000);
  BOOST_TEST(status_of(h, t) == 8);
  h.advance(30'000);
  Reply running = h.call("GET", "training-jobs/" + t.job + "/versions/" + t.version);
  BOOST_TEST(running.num("duration") == 30'000);
  h.advance(29'999);
  BOOST_TEST(status_of(h, t) == 8);
  h.advance(1);
  BOOST_TEST(status_of(h, t) == 10);
  Reply list = h.call("GET", "training-jobs");
  BOOST_TEST(list.at("jobs").as_array().at(0).at("status").as_int64() == 10);
  BOOST_TEST(list.at("jobs").as_array().at(0).at("duration").as_int64() == 60'000);
}

BOOST_AUTO_TEST_CASE(emulator_outcome_fail_parameter_ends_failed) {
  ServiceHarness h;
  Training t = create(h, "doomed", R"(,"parameter":[{"label":"emulator_outcome","value":"fail"}])");
  h.advance(64'999);
  BOOST_TEST(status_of(h, t) == 8);
  h.advance(1);
  BOOST_TEST(status_of(h, t) == 11);
}

BOOST_AUTO_TEST_CASE(time_scale_speeds_job_time) {
  ServiceHarness h({}, 1000.0);
  Training t = create(h, "fast");
  h.advance(5);  // 5 s of job time
  BOOST_TEST(status_of(h, t) == 8);
  h.advance(60);
  BOOST_TEST(status_of(h, t) == 10);
}

BOOST_AUTO_TEST_CASE(stop_kills_then_killed_and_refusals_are_documented) {
  ServiceHarness h;
  Training t = create(h, "stoppable");
  h.advance(6'000);
  const std::string stop = "training-jobs/" + t.job + "/versions/" + t.version + "/stop";
  Reply stopped = h.call("POST", stop);
  BOOST_TEST(stopped.text == R"({"is_success":true})");
  BOOST_TEST(status_of(h, t) == 9);
  expect_v1_error(h.call("POST", stop), 400, "ModelArts.0105", "This job can't be stop. job status: 9");
  expect_v1_error(h.call("DELETE", "training-jobs/" + t.job), 400, "ModelArts.0105",
                  "This job can't be delete. job status: 9");
  h.advance(3'000);
  BOOST_TEST(status_of(h, t) == 12);
  expect_v1_error(h.call("POST", stop), 400, "ModelArts.0105", "This job can't be stop. job status: 12");
  BOOST_TEST(h.call("DELETE", "training-jobs/" + t.job).status == 200);
}

BOOST_AUTO_TEST_CASE(stop_is_allowed_in_init_and_waiting_but_not_after_completion) {
  ServiceHarness h;
  Training init = create(h, "init");
  BOOST_TEST(h.call("POST", "training-jobs/" + init.job + "/versions/" + init.version + "/stop").status == 200);
  Training waiting = create(h, "waiting");
  h.advance(2'500);
  BOOST_TEST(status_of(h, waiting) == 7);
  BOOST_TEST(h.call("POST", "training-jobs/" + waiting.job + "/versions/" + waiting.version + "/stop").status == 200);
  Training done = create(h, "done");
  h.advance(65'000);
  expect_v1_error(h.call("POST", "training-jobs/" + done.job + "/versions/" + done.version + "/stop"), 400,
                  "ModelArts.0105", "This job can't be stop. job status: 10");
  BOOST_TEST(status_of(h, init) == 12);
}

BOOST_AUTO_TEST_CASE(version_delete_is_refused_while_killing) {
  ServiceHarness h;
  Training t = create(h, "v");
  Reply v2 = h.call(
      "POST", "training-jobs/" + t.job + "/versions",
      R"({"config":{"worker_server_num":1,"app_url":"/a/","boot_file_url":"/a/b.py","data_url":"/d/","spec_id":1,"pre_version_id":)" +
          t.version + "}}");
  const std::string v2_path = "training-jobs/" + t.job + "/versions/" + std::to_string(v2.num("version_id"));
  BOOST_TEST(h.call("POST", v2_path + "/stop").status == 200);
  expect_v1_error(h.call("DELETE", v2_path), 400, "ModelArts.0105", "This job can't be delete. job status: 9");
  h.advance(3'000);
  BOOST_TEST(h.call("DELETE", v2_path).status == 200);
}

BOOST_AUTO_TEST_CASE(visualization_job_runs_until_stopped_and_restarts) {
  ServiceHarness h;
  const std::string id = create_visualization(h, "board");
  BOOST_TEST(visualization_status(h, id) == 1);
  expect_v1_error(h.call("POST", "visualization-jobs/" + id + "/stop"), 400, "ModelArts.0105",
                  "This job can't be stop. job status: 1");
  h.advance(2'000);
  BOOST_TEST(visualization_status(h, id) == 7);
  h.advance(3'000);
  BOOST_TEST(visualization_status(h, id) == 8);
  h.advance(10 * 3'600'000);  // it stays running without a schedule
  BOOST_TEST(visualization_status(h, id) == 8);
  BOOST_TEST(h.call("GET", "visualization-jobs/" + id).num("duration") == 10 * 3'600'000);
  expect_v1_error(h.call("POST", "visualization-jobs/" + id + "/restart"), 400, "ModelArts.0105",
                  "This job can't be resubmit. job status: 8");
  BOOST_TEST(h.call("POST", "visualization-jobs/" + id + "/stop").text == R"({"is_success":true})");
  BOOST_TEST(visualization_status(h, id) == 9);
  expect_v1_error(h.call("DELETE", "visualization-jobs/" + id), 400, "ModelArts.0105",
                  "This job can't be delete. job status: 9");
  h.advance(3'000);
  BOOST_TEST(visualization_status(h, id) == 10);
  expect_v1_error(h.call("POST", "visualization-jobs/" + id + "/stop"), 400, "ModelArts.0105",
                  "This job can't be stop. job status: 10");
  BOOST_TEST(h.call("POST", "visualization-jobs/" + id + "/restart").text == R"({"is_success":true})");
  BOOST_TEST(visualization_status(h, id) == 7);
  BOOST_TEST(h.call("GET", "visualization-jobs/" + id).num("duration") == 0);
  h.advance(3'000);
  BOOST_TEST(visualization_status(h, id) == 8);
  BOOST_TEST(h.call("POST", "visualization-jobs/" + id + "/stop").status == 200);
  h.advance(3'000);
  BOOST_TEST(h.call("DELETE", "visualization-jobs/" + id).status == 200);
  expect_v1_error(h.call("GET", "visualization-jobs/" + id), 400, "ModelArts.0102");
}

BOOST_AUTO_TEST_CASE(visualization_schedule_stops_after_its_hours) {
  ServiceHarness h;
  const std::string id =
      create_visualization(h, "sched", R"(,"schedule":{"type":"stop","time_unit":"HOURS","duration":2})");
  h.advance(5'000);
  Reply running = h.call("GET", "visualization-jobs/" + id);
  BOOST_TEST(running.num("status") == 8);
  BOOST_TEST(running.num("remaining_duration") == 2 * 3'600'000);
  h.advance(3'600'000);
  BOOST_TEST(h.call("GET", "visualization-jobs/" + id).num("remaining_duration") == 3'600'000);
  h.advance(3'600'000);
  Reply stopped = h.call("GET", "visualization-jobs/" + id);
  BOOST_TEST(stopped.num("status") == 10);
  BOOST_TEST(stopped.num("duration") == 2 * 3'600'000);
  BOOST_TEST(stopped.at("remaining_duration").is_null());
  expect_v1_error(h.call("POST", "visualization-jobs/" + id + "/stop"), 400, "ModelArts.0105",
                  "This job can't be stop. job status: 10");
}

BOOST_AUTO_TEST_SUITE_END()
