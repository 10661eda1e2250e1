// SPDX-License-Identifier: Apache-2.0
// The emulator's v2 training endpoints, driven without sockets on a test clock: create/get/update/delete/
// terminate with the documented statuses and bodies, the phase machine, validation errors, and search.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <filesystem>
#include <unistd.h>

#include "support/v2_service_harness.hpp"

using namespace modelarts::test;

namespace {

std::string create(V2Harness& h, const std::string& name, const std::string& algorithm_extra = {}) {
  Reply r = h.call("POST", "training-jobs", v2_create_body(name, algorithm_extra));
  BOOST_TEST_REQUIRE(r.status == 201, r.text);
  return std::string(r.at("metadata").at("id").as_string());
}

std::string phase(V2Harness& h, const std::string& id) {
  Reply r = h.call("GET", "training-jobs/" + id);
  BOOST_TEST_REQUIRE(r.status == 200, r.text);
  return std::string(r.at("status").at("phase").as_string());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(service_v2_jobs)

BOOST_AUTO_TEST_CASE(create_answers_201_with_the_job_object) {
  V2Harness h;
  Reply r = h.call("POST", "training-jobs", v2_create_body("resnet", "", "", 2));
  BOOST_TEST_REQUIRE(r.status == 201, r.text);
  const auto& job = r.object();
  BOOST_TEST(job.at("kind").as_string() == "job");
  const std::string id(job.at("metadata").at("id").as_string());
  BOOST_TEST(id.size() == 36u);
  BOOST_TEST(job.at("metadata").at("name").as_string() == "resnet");
  BOOST_TEST(job.at("metadata").at("create_time").as_int64() == 1'700'000'000'000);
  BOOST_TEST(job.at("status").at("phase").as_string() == "Creating");
  BOOST_TEST(job.at("status").at("start_time").as_int64() == 0);
  BOOST_TEST(job.at("status").at("tasks").as_array().size() == 2u);
  BOOST_TEST(job.at("status").at("tasks").at(1).as_string() == "worker-1");
  const auto& algorithm = job.at("algorithm");
  BOOST_TEST(algorithm.at("engine").at("engine_id").as_string() == "pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64");
  BOOST_TEST(algorithm.at("engine").at("run_user").as_string() == "1102");
  BOOST_TEST(algorithm.at("inputs").at(0).at("local_dir").as_string() == "/home/ma-user/modelarts/inputs/data_url_0");
  BOOST_TEST(algorithm.at("outputs").at(0).at("mode").as_string() == "upload_periodically");
  const auto& resource = job.at("spec").at("resource");
  BOOST_TEST(resource.at("flavor_name").as_string() == "Computing CPU(8U) instance");
  BOOST_TEST(resource.at("flavor_detail").at("flavor_type").as_string() == "CPU");
  Reply got = h.call("GET", "training-jobs/" + id);
  BOOST_TEST(got.status == 200);
  BOOST_TEST(got.at("metadata").at("id").as_string() == id);
}

BOOST_AUTO_TEST_CASE(phases_run_creating_pending_running_completed) {
  V2Harness h;
  const std::string id = create(h, "life");
  BOOST_TEST(phase(h, id) == "Creating");
  h.advance(2'000);
  BOOST_TEST(phase(h, id) == "Pending");
  BOOST_TEST(h.call("GET", "training-jobs/" + id).at("status").at("secondary_phase").as_string() == "Queuing");
  h.advance(3'000);
  BOOST_TEST(phase(h, id) == "Running");
  h.advance(30'000);
  Reply running = h.call("GET", "training-jobs/" + id);
  BOOST_TEST(running.at("status").at("duration").as_int64() == 30'000);
  BOOST_TEST(running.at("status").at("start_time").as_int64() == 1'700'000'005'000);
  h.advance(30'000);
  BOOST_TEST(phase(h, id) == "Completed");
  Reply done = h.call("GET", "training-jobs/" + id);
  BOOST_TEST(done.at("status").at("duration").as_int64() == 60'000);
  BOOST_TEST(done.at("status").at("task_statuses").at(0).at("exit_code").as_int64() == 0);
}

BOOST_AUTO_TEST_CASE(configured_failures_fail_abnormal_and_hang) {
  V2Harness h;
  const std::string failing = create(h, "failing", R"(,"parameters":[{"name":"emulator_outcome","value":"fail"}])");
  const std::string abnormal = create(h, "abnormal", R"(,"environments":{"EMULATOR_OUTCOME":"abnormal"})");
  const std::string hanging = create(h, "hanging", R"(,"environments":{"EMULATOR_OUTCOME":"hang"})");
  h.advance(2'000);
  BOOST_TEST(phase(h, abnormal) == "Abnormal");
  BOOST_TEST(h.call("GET", "training-jobs/" + abnormal).at("status").at("secondary_phase").as_string() == "CreateFailed");
  h.advance(3'000 + 30'000);
  BOOST_TEST(phase(h, failing) == "Failed");
  BOOST_TEST(h.call("GET", "training-jobs/" + failing).at("status").at("task_statuses").at(0).at("exit_code").as_int64() == 1);
  h.advance(3'600'000);
  BOOST_TEST(phase(h, hanging) == "Pending");
}

BOOST_AUTO_TEST_CASE(terminate_moves_through_terminating_to_terminated) {
  V2Harness h;
  const std::string id = create(h, "stop-me");
  h.advance(10'000);  // running for 5 s
  Reply r = h.call("POST", "training-jobs/" + id + "/actions", R"({"action_type":"terminate"})");
  BOOST_TEST(r.status == 202, r.text);
  BOOST_TEST(r.at("status").at("phase").as_string() == "Terminating");
  h.advance(2'999);
  BOOST_TEST(phase(h, id) == "Terminating");
  h.advance(1);
  BOOST_TEST(phase(h, id) == "Terminated");
  BOOST_TEST(h.call("GET", "training-jobs/" + id).at("status").at("duration").as_int64() == 5'000);
  expect_v2_error(h.call("POST", "training-jobs/" + id + "/actions", R"({"action_type":"terminate"})"), 409, "ModelArts.2796");
  expect_v2_error(h.call("POST", "training-jobs/" + id + "/actions", R"({"action_type":"restart"})"), 400, "ModelArts.2812");
}

BOOST_AUTO_TEST_CASE(terminate_during_terminating_and_after_completion_is_2796) {
  V2Harness h;
  const std::string id = create(h, "t2");
  BOOST_TEST(h.call("POST", "training-jobs/" + id + "/actions", R"({"action_type":"terminate"})").status == 202);
  expect_v2_error(h.call("POST", "training-jobs/" + id + "/actions", R"({"action_type":"terminate"})"), 409, "ModelArts.2796");
  const std::string done = create(h, "t3");
  h.advance(70'000);
  expect_v2_error(h.call("POST", "training-jobs/" + done + "/actions", R"({"action_type":"terminate"})"), 409, "ModelArts.2796");
}

BOOST_AUTO_TEST_CASE(update_answers_null_and_delete_202_then_2775) {
  V2Harness h;
  const std::string id = create(h, "edit");
  Reply updated = h.call("PUT", "training-jobs/" + id, R"({"description":"new words"})");
  BOOST_TEST(updated.status == 200);
  BOOST_TEST(updated.text == "null");
  BOOST_TEST(h.call("GET", "training-jobs/" + id).at("metadata").at("description").as_string() == "new words");
  expect_v2_error(h.call("PUT", "training-jobs/" + id, R"({"description":")" + std::string(257, 'x') + "\"}"), 400,
                  "ModelArts.2788");
  expect_v2_error(h.call("PUT", "training-jobs/" + id, R"({"description":"x","priority":1})"), 400, "ModelArts.2788");
  Reply deleted = h.call("DELETE", "training-jobs/" + id);
  BOOST_TEST(deleted.status == 202);
  BOOST_TEST(deleted.text.empty());
  Reply gone = h.call("GET", "training-jobs/" + id);
  expect_v2_error(gone, 400, "ModelArts.2775");
  BOOST_TEST(gone.has("error_solution"));
  expect_v2_error(h.call("DELETE", "training-jobs/" + id), 400, "ModelArts.2775");
  // The name is free again once the job is deleted.
  create(h, "edit");
}

BOOST_AUTO_TEST_CASE(create_refusals_carry_the_documented_codes) {
  V2Harness h;
  create(h, "dup");
  expect_v2_error(h.call("POST", "training-jobs", v2_create_body("dup")), 400, "ModelArts.2751");
  expect_v2_error(h.call("POST", "training-jobs", "{not json"), 400, "ModelArts.2787");
  expect_v2_error(h.call("POST", "training-jobs", v2_create_body("bad name")), 400, "ModelArts.2788");
  expect_v2_error(h.call("POST", "training-jobs", v2_create_body(std::string(65, 'a'))), 400, "ModelArts.2788");
  expect_v2_error(h.call("POST", "training-jobs", R"({"kind":"job","metadata":{"name":"x"},"spec":{}})"), 400,
                  "ModelArts.2788");
  auto body = v2_create_body("eng");
  body.replace(body.find("pytorch_1.8.0"), 13, "pytorch_0.0.0");
  expect_v2_error(h.call("POST", "training-jobs", body), 400, "ModelArts.2780");
  body = v2_create_body("flv");
  body.replace(body.find("modelarts.vm.cpu.8u"), 19, "modelarts.vm.cpu.9u");
  expect_v2_error(h.call("POST", "training-jobs", body), 400, "ModelArts.2781");
  expect_v2_error(h.call("POST", "training-jobs", v2_create_body("many", "", "", 17)), 400, "ModelArts.2793");
  body = v2_create_body("boot");
  body.replace(body.find("obs://bkt/code/train.py"), 23, "obs://other/train.py");
  expect_v2_error(h.call("POST", "training-jobs", body), 400, "ModelArts.2758");
  body = v2_create_body("path");
  body.replace(body.find("obs://bkt/data/"), 15, "bkt/data/");
  expect_v2_error(h.call("POST", "training-jobs", body), 400, "ModelArts.2791");
  expect_v2_error(h.call("POST", "training-jobs",
                         R"({"kind":"job","metadata":{"name":"img"},"algorithm":{"engine":{"image_url":"org/i:1"}},)"
                         R"("spec":{"resource":{"flavor_id":"modelarts.vm.cpu.2u"}}})"),
                  400, "ModelArts.2806");
  expect_v2_error(h.call("POST", "training-jobs", v2_create_body("env", R"(,"environments":{"1X":"y"})")), 400,
                  "ModelArts.2788");
  // Custom image with a command, and the algorithm-ID form, are accepted.
  Reply custom = h.call("POST", "training-jobs",
                        R"({"kind":"job","metadata":{"name":"img"},"algorithm":{"engine":{"image_url":"org/i:1"},)"
                        R"("command":"sh run.sh"},"spec":{"resource":{"flavor_id":"modelarts.vm.cpu.2u"}}})");
  BOOST_TEST(custom.status == 201, custom.text);
  Reply saved = h.call("POST", "training-jobs",
                       R"({"kind":"job","metadata":{"name":"alg"},"algorithm":{"id":"2e5451fe"},)"
                       R"("spec":{"resource":{"flavor_id":"modelarts.vm.cpu.2u"}}})");
  BOOST_TEST(saved.status == 201, saved.text);
}

BOOST_AUTO_TEST_CASE(unknown_paths_and_methods) {
  V2Harness h;
  expect_v2_error(h.call("GET", "training-jobz"), 404, "ModelArts.2836");
  Reply wrong = h.call("GET", "training-jobs");
  expect_v2_error(wrong, 405, "ModelArts.2803");
  BOOST_TEST(wrong.headers.at(0).second == "POST");
  expect_v2_error(h.call("GET", "training-jobs/no-such-job"), 400, "ModelArts.2775");
  expect_v2_error(h.call("GET", "training-jobs/no-such-job/tasks/worker-0/logs/preview"), 400, "ModelArts.2775");
}

BOOST_AUTO_TEST_CASE(search_pages_sorts_and_filters) {
  V2Harness h;
  for (int i = 0; i < 7; ++i) {
    create(h, "job-" + std::to_string(i), i == 3 ? R"(,"environments":{"EMULATOR_OUTCOME":"hang"})" : "");
    h.advance(1'000);
  }
  h.advance(10'000);
  Reply page = h.call("POST", "training-job-searches", R"({"offset":1,"limit":3})");
  BOOST_TEST_REQUIRE(page.status == 200, page.text);
  BOOST_TEST(page.num("total") == 7);
  BOOST_TEST(page.num("count") == 7);
  BOOST_TEST(page.str("order") == "desc");
  BOOST_TEST(page.str("ai_project") == "default-ai-project");
  const auto& items = page.at("items").as_array();
  BOOST_TEST(items.size() == 3u);
  BOOST_TEST(items.at(0).at("metadata").at("name").as_string() == "job-3");  // page index 1 of desc: 3,2,1
  Reply asc = h.call("POST", "training-job-searches", R"({"limit":2,"sort_by":"name","order":"asc"})");
  BOOST_TEST(asc.at("items").at(1).at("metadata").at("name").as_string() == "job-1");
  Reply pending = h.call("POST", "training-job-searches",
                         R"({"filters":[{"key":"phase","operator":"in","value":["Pending"]},{"key":"name","operator":"like","value":["job-"]}]})");
  BOOST_TEST(pending.num("count") == 1);
  BOOST_TEST(pending.at("items").at(0).at("metadata").at("name").as_string() == "job-3");
  Reply not_pending = h.call("POST", "training-job-searches", R"({"filters":[{"key":"phase","operator":"not","value":["Pending"]}]})");
  BOOST_TEST(not_pending.num("count") == 6);
  Reply window = h.call("POST", "training-job-searches",
                        R"({"filters":[{"key":"create_time","operator":"between","value":["1700000001000","1700000002000"]}]})");
  BOOST_TEST(window.num("count") == 2);
  Reply open = h.call("POST", "training-job-searches",
                      R"({"filters":[{"key":"create_time","operator":"between","value":["",""]},{"key":"name","operator":"in","value":[""]},{"key":"algorithm_name","operator":"like","value":["x"]}]})");
  BOOST_TEST(open.num("count") == 7);
  expect_v2_error(h.call("POST", "training-job-searches", R"({"filters":[{"key":"color","operator":"in","value":["x"]}]})"), 400, "ModelArts.2807");
  expect_v2_error(h.call("POST", "training-job-searches", R"({"filters":[{"key":"phase","operator":"like","value":["x"]}]})"), 400, "ModelArts.2808");
  expect_v2_error(h.call("POST", "training-job-searches", R"({"filters":[{"key":"phase","operator":"in","value":"Running"}]})"), 400, "ModelArts.2809");
  expect_v2_error(h.call("POST", "training-job-searches", R"({"sort_by":"color"})"), 400, "ModelArts.2790");
  expect_v2_error(h.call("POST", "training-job-searches", R"({"limit":51})"), 400, "ModelArts.2816");
  expect_v2_error(h.call("POST", "training-job-searches", R"({"limit":0})"), 400, "ModelArts.2788");
}

BOOST_AUTO_TEST_CASE(search_with_record_offsets_when_configured) {
  V2Harness h({}, 5 * 1024 * 1024, /*record_offsets=*/true);
  for (int i = 0; i < 5; ++i) {
    create(h, "r" + std::to_string(i));
    h.advance(1'000);
  }
  Reply page = h.call("POST", "training-job-searches", R"({"offset":1,"limit":2,"order":"asc"})");
  BOOST_TEST(page.at("items").at(0).at("metadata").at("name").as_string() == "r1");
}

BOOST_AUTO_TEST_CASE(jobs_survive_a_restart_through_the_state_file) {
  const std::string file =
      (std::filesystem::temp_directory_path() / ("v2-state-" + std::to_string(::getpid()) + ".json")).string();
  std::remove(file.c_str());
  auto clock = std::make_shared<std::int64_t>(1'700'000'000'000);
  std::string id;
  {
    V2Harness h(file, 5 * 1024 * 1024, false, clock);
    id = create(h, "kept");
    h.advance(10'000);
    BOOST_TEST(h.call("POST", "training-jobs/" + id + "/actions", R"({"action_type":"terminate"})").status == 202);
  }
  V2Harness again(file, 5 * 1024 * 1024, false, clock);
  Reply r = again.call("GET", "training-jobs/" + id);
  BOOST_TEST(r.status == 200, r.text);
  BOOST_TEST(r.at("metadata").at("name").as_string() == "kept");
  BOOST_TEST(r.at("status").at("phase").as_string() == "Terminating");
  again.advance(3'000);
  BOOST_TEST(phase(again, id) == "Terminated");
  std::remove(file.c_str());
}

BOOST_AUTO_TEST_SUITE_END()
