// SPDX-License-Identifier: Apache-2.0
// The state file: written before a mutating request returns, loaded by a new service, corrupt files refused.
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "support/service_harness.hpp"
#include "testing/emulator/service/persistence.hpp"

using namespace modelarts::test;
namespace service = modelarts::testing::detail::service;
namespace fs = std::filesystem;

namespace {
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("ma-service-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  static int& counter() {
    static int n = 0;
    return n;
  }
};
}  // namespace

BOOST_AUTO_TEST_SUITE(service_persistence)

BOOST_AUTO_TEST_CASE(round_trip_keeps_jobs_ids_and_lifecycle) {
  TempDir dir;
  const std::string file = (dir.path / "state.json").string();
  auto clock = std::make_shared<std::int64_t>(1'700'000'000'000);
  std::string job_id, version_id, vis_id, label_id;
  {
    ServiceHarness h(file, 1.0, clock);
    BOOST_TEST(!fs::exists(file));
    Reply job = h.call("POST", "training-jobs", training_job_body("persisted"));
    job_id = job.str("job_id");
    version_id = job.str("version_id");
    BOOST_TEST(fs::exists(file));  // written before handle() returned
    BOOST_TEST(!fs::exists(file + ".tmp"));
    h.advance(6'000);
    BOOST_TEST(h.call("POST", "training-job-configs",
                      R"({"config_name":"cfg","worker_server_num":1,"model_id":2,"spec_id":3,"data_url":"/d/"})")
                   .status == 200);
    vis_id =
        h.call("POST", "visualization-jobs",
               R"({"job_name":"vis","train_url":"/o/","schedule":{"type":"stop","time_unit":"HOURS","duration":1}})")
            .str("job_id");
    label_id = h.call("POST", "annotation-jobs",
                      R"({"name":"lab","data_type":"OBS","path":"/p/","type":"Manual Image classify"})")
                   .str("job_id");
    BOOST_TEST(h.call("POST", "annotation-jobs/" + label_id + "/validation", R"({"pass_rate":50})").status == 200);
    BOOST_TEST(h.call("POST", "training-jobs/" + job_id + "/versions/" + version_id + "/stop").status == 200);
  }
  ServiceHarness again(file, 1.0, clock);
  Reply version = again.call("GET", "training-jobs/" + job_id + "/versions/" + version_id);
  BOOST_TEST_REQUIRE(version.status == 200, version.text);
  BOOST_TEST(version.num("status") == 9);
  BOOST_TEST(version.str("engine_version") == "PyTorch-1.0.0-python3.6");
  again.advance(3'000);
  BOOST_TEST(again.call("GET", "training-jobs/" + job_id + "/versions/" + version_id).num("status") == 12);
  BOOST_TEST(again.call("GET", "training-job-configs/cfg").num("model_id") == 2);
  again.advance(2'000);
  BOOST_TEST(again.call("GET", "visualization-jobs/" + vis_id).num("status") == 8);
  BOOST_TEST(again.call("GET", "visualization-jobs").at("jobs").as_array().at(0).at("schedule").as_array().size() ==
             1u);
  BOOST_TEST(again.call("GET", "annotation-jobs/" + label_id + "/validation").at("last_pass_rate").as_double() == 50.0);
  // Ids continue where they stopped.
  Reply next = again.call("POST", "training-jobs", training_job_body("after-restart"));
  BOOST_TEST(std::stoll(next.str("job_id")) == std::stoll(job_id) + 1);
  BOOST_TEST(std::stoll(next.str("version_id")) == std::stoll(version_id) + 1);
  BOOST_TEST(
      std::stoll(again.call("POST", "visualization-jobs", R"({"job_name":"vis2","train_url":"/o/"})").str("job_id")) ==
      std::stoll(vis_id) + 1);
  expect_v1_error(again.call("POST", "training-jobs", training_job_body("persisted")), 400, "ModelArts.0103");
  // Deletions persist too.
  BOOST_TEST(again.call("DELETE", "training-jobs/" + job_id).status == 200);
  ServiceHarness third(file, 1.0, clock);
  expect_v1_error(third.call("DELETE", "training-jobs/" + job_id), 400, "ModelArts.0102");
  BOOST_TEST(third.call("GET", "training-jobs").num("job_total_count") == 1);
}

BOOST_AUTO_TEST_CASE(failed_requests_and_reads_do_not_write) {
  TempDir dir;
  const std::string file = (dir.path / "state.json").string();
  ServiceHarness h(file);
  BOOST_TEST(h.call("POST", "training-jobs", "{bad").status == 400);
  BOOST_TEST(h.call("GET", "training-jobs").status == 200);
  BOOST_TEST(!fs::exists(file));
}

BOOST_AUTO_TEST_CASE(corrupt_file_is_refused_with_a_clear_message) {
  TempDir dir;
  const std::string file = (dir.path / "state.json").string();
  for (const std::string& content :
       {std::string("{not json"), std::string(R"({"format":"other"})"),
        std::string(R"({"format":"modelarts-emulator-state","version":1})"), std::string("")}) {
    std::ofstream(file) << content;
    ServiceConfig config;
    config.project_id = kProject;
    config.state_file = file;
    try {
      ModelArtsService service(config);
      BOOST_ERROR("a corrupt state file was accepted: " << content);
    } catch (const std::runtime_error& e) {
      BOOST_TEST(std::string(e.what()).find("corrupt") != std::string::npos, e.what());
      BOOST_TEST(std::string(e.what()).find(file) != std::string::npos, e.what());
    }
  }
}

// The format of version 1 as the hand-written codec wrote it (before the field tables), without the v2 jobs a
// file of that time lacked: it still loads field by field and is written back unchanged.
BOOST_AUTO_TEST_CASE(a_version_1_document_loads_field_by_field_and_writes_back_the_same) {
  const std::string document = R"({"format":"modelarts-emulator-state","version":1,
    "next_training_job_id":5,"next_version_id":7,"next_visualization_id":3,"next_dls_prj_id":1002,
    "training_jobs":[],"job_configs":[],
    "visualization_jobs":[{"job_id":2,"job_name":"vis","job_desc":"d","train_url":"/o/","job_type":"mindinsight",
      "flavor_code":"f","workspace_id":"0","schedule_hours":4,"create_ms":1000,"run_start_ms":2000,
      "restarted":true,"stop_ms":0}],
    "label_jobs":[{"id":"u1","name":"lab","description":"","data_type":"OBS","path":"/p/","filter_id":"",
      "type":"Manual Image classify","create_ms":5,"dls_prj_id":1001,"image_count":12,"last_pass_rate":null,
      "last_validation_ms":0}]})";
  const service::ServiceState state = service::state_from_text(document);
  BOOST_TEST(state.next_training_job_id == 5);
  BOOST_TEST(state.next_dls_prj_id == 1002);
  BOOST_TEST_REQUIRE(state.visualization_jobs.count(2) == 1u);
  const service::VisualizationJob& vis = state.visualization_jobs.at(2);
  BOOST_TEST(vis.job_type == "mindinsight");
  BOOST_TEST(vis.schedule_hours == 4);
  BOOST_TEST(vis.restarted);
  BOOST_TEST_REQUIRE(state.label_jobs.count("u1") == 1u);
  BOOST_TEST(state.label_jobs.at("u1").image_count == 12);
  BOOST_TEST(!state.label_jobs.at("u1").last_pass_rate.has_value());
  BOOST_TEST(state.v2_training_jobs.by_id.empty());

  const boost::json::object original = boost::json::parse(document).as_object();
  const boost::json::object written = boost::json::parse(service::state_to_text(state)).as_object();
  for (const auto& [key, value] : original) BOOST_TEST(written.at(key) == value, key);
  BOOST_TEST(written.at("v2_training_jobs") == boost::json::array());
  BOOST_TEST(written.size() == original.size() + 1);
}

BOOST_AUTO_TEST_CASE(a_field_of_the_wrong_type_or_missing_is_named) {
  const std::string head = R"({"format":"modelarts-emulator-state","version":1,"next_training_job_id":1,
    "next_version_id":1,"next_visualization_id":1,"next_dls_prj_id":1,"label_jobs":[{"id":"u1","name":"n",
    "description":"","data_type":"OBS","path":"","filter_id":"","type":"t","create_ms":0,"dls_prj_id":1,)";
  const auto refusal = [](const std::string& text) {
    try {
      service::state_from_text(text);
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  const std::string wrong = refusal(head + R"("image_count":"many","last_pass_rate":null,"last_validation_ms":0}]})");
  BOOST_TEST(wrong.find("image_count") != std::string::npos, wrong);
  const std::string missing = refusal(head + R"("image_count":1,"last_pass_rate":null}]})");
  BOOST_TEST(missing.find("missing field last_validation_ms") != std::string::npos, missing);
  const std::string outcome = refusal(R"({"format":"modelarts-emulator-state","version":1,"next_training_job_id":1,
    "next_version_id":1,"next_visualization_id":1,"next_dls_prj_id":1,"v2_training_jobs":[{"id":"a","name":"n",
    "description":"","workspace_id":"0","create_ms":0,"terminate_ms":0,"outcome":"explode","annotations":{},
    "algorithm":{},"spec":{}}]})");
  BOOST_TEST(outcome.find("outcome") != std::string::npos, outcome);
}

BOOST_AUTO_TEST_CASE(persisted_mutations_stay_fast) {
  TempDir dir;
  ServiceHarness h((dir.path / "state.json").string());
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 50; ++i) create_training_job(h, "job" + std::to_string(i));
  const auto elapsed = std::chrono::steady_clock::now() - start;
  BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() < 5'000);
  BOOST_TEST_MESSAGE("50 persisted creates took "
                     << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() << " ms");
}

BOOST_AUTO_TEST_SUITE_END()
