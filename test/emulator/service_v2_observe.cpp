// SPDX-License-Identifier: Apache-2.0
// The emulator's v2 views of a running job: log preview (204 before start, growing, the window), the log's
// OBS link, metrics, events with their query, tasks, and the flavor and engine catalogues.
#include <boost/test/unit_test.hpp>

#include "support/v2_service_harness.hpp"

using namespace modelarts::test;

namespace {

std::string create(V2Harness& h, const std::string& name, const std::string& spec_extra = {}, bool log_path = true) {
  std::string body = v2_create_body(name, "", spec_extra);
  if (!log_path) body.replace(body.find(R"(,"log_export_path":{"obs_url":"obs://bkt/logs/"})"), 48, "");
  Reply r = h.call("POST", "training-jobs", body);
  BOOST_TEST_REQUIRE(r.status == 201, r.text);
  return std::string(r.at("metadata").at("id").as_string());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(service_v2_observe)

BOOST_AUTO_TEST_CASE(log_preview_is_204_before_running_then_grows) {
  V2Harness h;
  const std::string id = create(h, "logs");
  const std::string preview = "training-jobs/" + id + "/tasks/worker-0/logs/preview";
  Reply early = h.call("GET", preview);
  BOOST_TEST(early.status == 204);
  BOOST_TEST(early.text.empty());
  h.advance(5'000);
  Reply first = h.call("GET", preview);
  BOOST_TEST_REQUIRE(first.status == 200, first.text);
  const std::string start(first.at("content").as_string());
  BOOST_TEST(start.find("[worker-0] ModelArts training task started") == 0u);
  BOOST_TEST(first.num("current_size") == static_cast<std::int64_t>(start.size()));
  BOOST_TEST(first.num("full_size") == first.num("current_size"));
  h.advance(10'000);
  Reply later = h.call("GET", preview);
  const std::string grown(later.at("content").as_string());
  BOOST_TEST(grown.size() > start.size());
  BOOST_TEST(grown.compare(0, start.size(), start) == 0);  // the log only grows
  h.advance(60'000);
  Reply done = h.call("GET", preview);
  const std::string all(done.at("content").as_string());
  BOOST_TEST(all.find("Training finished. Exit code 0.\n") == all.size() - 32);
  expect_v2_error(h.call("GET", "training-jobs/" + id + "/tasks/worker-9/logs/preview"), 400, "ModelArts.2788");
}

BOOST_AUTO_TEST_CASE(log_preview_window_keeps_the_newest_bytes) {
  V2Harness h({}, /*log_window=*/256);
  const std::string id = create(h, "window");
  h.advance(5'000 + 30'000);
  Reply r = h.call("GET", "training-jobs/" + id + "/tasks/worker-0/logs/preview");
  BOOST_TEST(r.num("current_size") == 256);
  BOOST_TEST(r.num("full_size") > 256);
  const std::string content(r.at("content").as_string());
  BOOST_TEST(content.size() == 256u);
  h.advance(60'000);
  Reply end = h.call("GET", "training-jobs/" + id + "/tasks/worker-0/logs/preview");
  const std::string last(end.at("content").as_string());
  BOOST_TEST(last.substr(last.size() - 32) == "Training finished. Exit code 0.\n");
}

BOOST_AUTO_TEST_CASE(log_url_needs_an_export_path_and_a_started_task) {
  V2Harness h;
  const std::string id = create(h, "url");
  expect_v2_error(h.call("GET", "training-jobs/" + id + "/tasks/worker-0/logs/url"), 400, "ModelArts.2818");
  h.advance(6'000);
  Reply r = h.call("GET", "training-jobs/" + id + "/tasks/worker-0/logs/url");
  BOOST_TEST_REQUIRE(r.status == 200, r.text);
  const std::string url(r.at("obs_url").as_string());
  BOOST_TEST(url.find("https://bkt.obs.") == 0u, url);
  BOOST_TEST(url.find("/logs/modelarts-job-" + id + "-worker-0.log?") != std::string::npos, url);
  const std::string bare = create(h, "no-export", "", /*log_path=*/false);
  h.advance(6'000);
  expect_v2_error(h.call("GET", "training-jobs/" + bare + "/tasks/worker-0/logs/url"), 400, "ModelArts.2822");
}

BOOST_AUTO_TEST_CASE(metrics_are_204_until_running_then_one_sample_a_minute) {
  V2Harness h;
  const std::string id = create(h, "metrics");
  BOOST_TEST(h.call("GET", "training-jobs/" + id + "/metrics/worker-0").status == 204);
  h.advance(5'000 + 60'000);
  Reply r = h.call("GET", "training-jobs/" + id + "/metrics/worker-0");
  BOOST_TEST_REQUIRE(r.status == 200, r.text);
  const auto& metrics = r.at("metrics").as_array();
  BOOST_TEST(metrics.at(0).at("metric").as_string() == "cpuUsage");
  BOOST_TEST(metrics.at(0).at("value").as_array().size() == 1u);
  BOOST_TEST(metrics.at(2).at("value").at(0).as_int64() == -1);
}

BOOST_AUTO_TEST_CASE(events_follow_the_phases_with_their_query) {
  V2Harness h;
  const std::string id = create(h, "events");
  h.advance(70'000);
  Reply all = h.call("GET", "training-jobs/" + id + "/events");
  BOOST_TEST_REQUIRE(all.status == 200, all.text);
  BOOST_TEST(all.num("total") == 6);
  BOOST_TEST(all.num("limit") == 50);
  const auto& events = all.at("events").as_array();
  BOOST_TEST(events.at(0).at("message").as_string() == "Training job created.");
  BOOST_TEST(events.at(5).at("message").as_string() == "Training job completed.");
  BOOST_TEST(events.at(0).at("time").as_string() == "2023-11-15T06:13:20+08:00");
  Reply tasks_only = h.call("GET", "training-jobs/" + id + "/events", {}, {{"source", "task"}, {"order", "desc"}});
  BOOST_TEST(tasks_only.num("total") == 2);
  BOOST_TEST(tasks_only.at("events").at(0).at("message").as_string() == "Training finished. Exit code 0.");
  Reply paged = h.call("GET", "training-jobs/" + id + "/events", {}, {{"offset", "5"}, {"limit", "1"}, {"pattern", "Training"}});
  BOOST_TEST(paged.num("total") == 5);
  BOOST_TEST(paged.at("events").as_array().size() == 0u);
  Reply windowed = h.call("GET", "training-jobs/" + id + "/events", {},
                          {{"start_time", "1700000004000"}, {"end_time", "1700000006000"}});
  BOOST_TEST(windowed.num("total") == 2);  // the pod scheduled and training started at 5 s
  Reply bad = h.call("GET", "training-jobs/" + id + "/events", {}, {{"start_time", "1"}});
  BOOST_TEST(bad.status == 400);
  BOOST_TEST(bad.error_code() == "ModelArts.50004000");
  BOOST_TEST(h.call("GET", "training-jobs/" + id + "/events", {}, {{"limit", "101"}}).status == 400);
  BOOST_TEST(h.call("GET", "training-jobs/" + id + "/events", {}, {{"level", "Debug"}}).status == 400);
}

BOOST_AUTO_TEST_CASE(tasks_are_a_bare_array) {
  V2Harness h;
  Reply created = h.call("POST", "training-jobs", v2_create_body("tasks", "", "", 2));
  const std::string id(created.at("metadata").at("id").as_string());
  Reply r = h.call("GET", "training-jobs/" + id + "/tasks");
  BOOST_TEST_REQUIRE(r.body.is_array(), r.text);
  BOOST_TEST(r.body.as_array().size() == 2u);
  BOOST_TEST(r.body.as_array().at(1).at("task").as_string() == "worker-1");
  BOOST_TEST(h.call("GET", "training-jobs/" + id + "/tasks", {}, {{"schedule_count", "2"}}).body.as_array().empty());
}

BOOST_AUTO_TEST_CASE(flavor_and_engine_catalogues) {
  V2Harness h;
  Reply all = h.call("GET", "training-job-flavors");
  BOOST_TEST(all.num("total_count") == 3);
  Reply cpu = h.call("GET", "training-job-flavors", {}, {{"flavor_type", "CPU"}});
  BOOST_TEST(cpu.num("total_count") == 2);
  const auto& two = cpu.at("flavors").at(0);
  BOOST_TEST(two.at("flavor_id").as_string() == "modelarts.vm.cpu.2u");
  BOOST_TEST(two.at("max_num").as_int64() == 1);
  BOOST_TEST(two.at("flavor_info").at("memory").at("size").as_int64() == 8);
  expect_v2_error(h.call("GET", "training-job-flavors", {}, {{"flavor_type", "TPU"}}), 400, "ModelArts.2764");
  Reply engines = h.call("GET", "training-job-engines");
  BOOST_TEST(engines.num("total") == 4);
  BOOST_TEST(engines.at("items").at(0).at("engine_version").as_string() == "caffe-1.0.0-python2.7");
  BOOST_TEST(engines.at("items").at(0).at("v1_compatible").as_bool());
}

BOOST_AUTO_TEST_SUITE_END()
