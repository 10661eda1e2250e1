// SPDX-License-Identifier: Apache-2.0
// Training job versions (ModelArts API Reference, "Training Jobs"): create, list (page 0 = everything), detail, delete,
// stop.
#include <boost/test/unit_test.hpp>

#include "support/service_harness.hpp"

using namespace modelarts::test;

namespace {
std::string version_body(const std::string& pre_version_id, const std::string& extra = {}) {
  return R"({"job_desc":"v2","config":{"worker_server_num":1,"app_url":"/a/","boot_file_url":"/a/b.py",)"
         R"("dataset_id":"38277e62","dataset_version_id":"2ff0d6ba","spec_id":1,"engine_id":1,"train_url":"/o/",)"
         R"("pre_version_id":)" +
         pre_version_id + extra + "}}";
}

struct JobWithVersions {
  std::string job_id;
  std::vector<std::string> version_ids;
};

JobWithVersions job_with_versions(ServiceHarness& h, int count) {
  Reply created = h.call("POST", "training-jobs", training_job_body("versioned"));
  JobWithVersions out{created.str("job_id"), {created.str("version_id")}};
  for (int i = 1; i < count; ++i) {
    Reply v = h.call("POST", "training-jobs/" + out.job_id + "/versions", version_body(out.version_ids.back()));
    BOOST_TEST_REQUIRE(v.status == 200, v.text);
    out.version_ids.push_back(std::to_string(v.num("version_id")));
  }
  return out;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(service_training_versions)

BOOST_AUTO_TEST_CASE(create_version_answers_real_numbers) {
  ServiceHarness h;
  JobWithVersions job = job_with_versions(h, 1);
  Reply v = h.call("POST", "training-jobs/" + job.job_id + "/versions", version_body(job.version_ids[0]));
  BOOST_TEST_REQUIRE(v.status == 200, v.text);
  BOOST_TEST(v.at("is_success").as_bool());
  BOOST_TEST(v.at("job_id").is_int64());
  BOOST_TEST(v.at("version_id").is_int64());
  BOOST_TEST(v.at("status").as_int64() == 1);
  BOOST_TEST(v.at("create_time").as_int64() == h.now());
  BOOST_TEST(v.str("version_name") == "V0002");
  BOOST_TEST(v.str("job_name") == "versioned");
  BOOST_TEST(v.num("version_id") > std::stoll(job.version_ids[0]));
}

BOOST_AUTO_TEST_CASE(pre_version_id_is_required_and_must_exist) {
  ServiceHarness h;
  JobWithVersions job = job_with_versions(h, 1);
  Reply missing = h.call(
      "POST", "training-jobs/" + job.job_id + "/versions",
      R"({"config":{"worker_server_num":1,"app_url":"/a/","boot_file_url":"/a/b.py","data_url":"/d/","spec_id":1}})");
  expect_v1_error(missing, 400, "ModelArts.0101");
  BOOST_TEST(missing.str("error_message").find("config.pre_version_id") != std::string::npos);
  expect_v1_error(h.call("POST", "training-jobs/" + job.job_id + "/versions", version_body("424242")), 400,
                  "ModelArts.0102");
  expect_v1_error(h.call("POST", "training-jobs/9999/versions", version_body(job.version_ids[0])), 400,
                  "ModelArts.0102");
}

BOOST_AUTO_TEST_CASE(list_without_page_returns_every_version_newest_first) {
  ServiceHarness h;
  JobWithVersions job = job_with_versions(h, 12);
  Reply all = h.call("GET", "training-jobs/" + job.job_id + "/versions");
  BOOST_TEST_REQUIRE(all.status == 200, all.text);
  BOOST_TEST(all.num("version_count") == 12);
  BOOST_TEST(all.str("job_name") == "versioned");
  BOOST_TEST(all.has("job_desc"));
  const auto& versions = all.at("versions").as_array();
  BOOST_TEST(versions.size() == 12u);  // page defaults to 0: no pagination despite per_page 10
  BOOST_TEST(versions.at(0).at("version_name").as_string() == "V0012");
  BOOST_TEST(versions.at(11).at("version_name").as_string() == "V0001");
  Reply paged = h.call("GET", "training-jobs/" + job.job_id + "/versions?per_page=5&page=3");
  BOOST_TEST(paged.at("versions").as_array().size() == 2u);
  BOOST_TEST(paged.at("versions").as_array().at(0).at("version_name").as_string() == "V0002");
  Reply page1 = h.call("GET", "training-jobs/" + job.job_id + "/versions?page=1");
  BOOST_TEST(page1.at("versions").as_array().size() == 10u);
  expect_v1_error(h.call("GET", "training-jobs/" + job.job_id + "/versions?page=-1"), 400, "ModelArts.0104");
  expect_v1_error(h.call("GET", "training-jobs/" + job.job_id + "/versions?per_page=1001"), 400, "ModelArts.0104");
}

BOOST_AUTO_TEST_CASE(metric_lists_are_strings_in_the_list_and_objects_in_detail) {
  ServiceHarness h;
  JobWithVersions job = job_with_versions(h, 1);
  h.advance(70'000);  // completed
  Reply list = h.call("GET", "training-jobs/" + job.job_id + "/versions");
  const auto& item = list.at("versions").as_array().at(0).as_object();
  BOOST_TEST_REQUIRE(item.at("model_metric_list").is_string());
  BOOST_TEST_REQUIRE(item.at("system_metric_list").is_string());
  const json::value model = json::parse(item.at("model_metric_list").as_string());
  BOOST_TEST(model.at("metric").as_array().size() == 2u);
  BOOST_TEST(model.at("total_metric").at("total_metric_values").at("accuracy").as_double() > 0.5);
  const json::value system = json::parse(item.at("system_metric_list").as_string());
  BOOST_TEST(system.at("cpuUsage").as_array().size() == 6u);  // one sample per 10 s of the 60 s run
  BOOST_TEST(system.at("cpuUsage").as_array().at(0).is_string());

  Reply detail = h.call("GET", "training-jobs/" + job.job_id + "/versions/" + job.version_ids[0]);
  BOOST_TEST_REQUIRE(detail.status == 200, detail.text);
  BOOST_TEST(detail.at("model_metric_list").is_object());
  BOOST_TEST(detail.at("system_metric_list").is_object());
  BOOST_TEST(detail.at("model_metric_list") == model);
  BOOST_TEST(detail.at("is_success").as_bool());
  BOOST_TEST(detail.num("status") == 10);
  BOOST_TEST(detail.num("duration") == 60'000);
  BOOST_TEST(detail.num("start_time") == h.now() - 70'000 + 5'000);
  BOOST_TEST(detail.str("engine_name") == "PyTorch");
  BOOST_TEST(detail.str("engine_version") == "PyTorch-1.0.0-python3.6");
  BOOST_TEST(detail.num("engine_type") == 10);
  BOOST_TEST(detail.str("spec_code") == "modelarts.vm.cpu.2u");
  BOOST_TEST(detail.str("core") == "2");
  BOOST_TEST(detail.str("cpu") == "8");
  BOOST_TEST(detail.num("gpu_num") == 0);
  BOOST_TEST(detail.at("parameter").as_array().at(0).at("label").as_string() == "learning_rate");
  for (const char* key : {"job_id",
                          "job_name",
                          "job_desc",
                          "version_id",
                          "version_name",
                          "pre_version_id",
                          "app_url",
                          "boot_file_url",
                          "create_time",
                          "spec_id",
                          "worker_server_num",
                          "data_url",
                          "train_url",
                          "log_url",
                          "dataset_id",
                          "dataset_version_id",
                          "data_source",
                          "model_id",
                          "user_image_url",
                          "user_command",
                          "resource_id",
                          "volumes",
                          "pool_id"})
    BOOST_TEST(detail.has(key), key);
}

BOOST_AUTO_TEST_CASE(detail_and_version_errors) {
  ServiceHarness h;
  JobWithVersions job = job_with_versions(h, 2);
  expect_v1_error(h.call("GET", "training-jobs/" + job.job_id + "/versions/1234"), 400, "ModelArts.0102");
  expect_v1_error(h.call("GET", "training-jobs/77/versions/" + job.version_ids[0]), 400, "ModelArts.0102");
  Reply v2 = h.call("GET", "training-jobs/" + job.job_id + "/versions/" + job.version_ids[1]);
  BOOST_TEST(v2.num("pre_version_id") == std::stoll(job.version_ids[0]));
  BOOST_TEST(v2.str("job_desc") == "v2");
  // The job has one description: the newest version's job_desc replaced it for every version.
  Reply v1 = h.call("GET", "training-jobs/" + job.job_id + "/versions/" + job.version_ids[0]);
  BOOST_TEST(v1.str("job_desc") == "v2");
}

BOOST_AUTO_TEST_CASE(delete_version) {
  ServiceHarness h;
  JobWithVersions job = job_with_versions(h, 2);
  Reply deleted = h.call("DELETE", "training-jobs/" + job.job_id + "/versions/" + job.version_ids[1]);
  BOOST_TEST(deleted.text == R"({"is_success":true})");
  BOOST_TEST(h.call("GET", "training-jobs/" + job.job_id + "/versions").num("version_count") == 1);
  expect_v1_error(h.call("DELETE", "training-jobs/" + job.job_id + "/versions/" + job.version_ids[1]), 400,
                  "ModelArts.0102");
  // The only version left is the job itself: delete the job instead.
  expect_v1_error(h.call("DELETE", "training-jobs/" + job.job_id + "/versions/" + job.version_ids[0]), 400,
                  "ModelArts.0105");
}

BOOST_AUTO_TEST_SUITE_END()
