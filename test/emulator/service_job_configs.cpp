// SPDX-License-Identifier: Apache-2.0
// Training job parameter presets (ModelArts API Reference, "Training Job Parameter Configuration").
#include <boost/test/unit_test.hpp>

#include "support/service_harness.hpp"

using namespace modelarts::test;

namespace {
std::string config_body(const std::string& name, const std::string& desc = "This is config") {
  return R"({"config_name":")" + name + R"(","config_desc":")" + desc +
         R"(","worker_server_num":1,"app_url":"/usr/app/","boot_file_url":"/usr/app/boot.py","spec_id":1,)"
         R"("engine_id":1,"data_url":"/usr/data/","train_url":"/usr/train/","parameter":[{"label":"lr","value":"0.1"}]})";
}
}  // namespace

BOOST_AUTO_TEST_SUITE(service_job_configs)

BOOST_AUTO_TEST_CASE(create_get_update_delete) {
  ServiceHarness h;
  Reply created = h.call("POST", "training-job-configs", config_body("testConfig"));
  BOOST_TEST(created.text == R"({"is_success":true})");
  Reply detail = h.call("GET", "training-job-configs/testConfig");
  BOOST_TEST_REQUIRE(detail.status == 200, detail.text);
  BOOST_TEST(detail.str("config_name") == "testConfig");
  BOOST_TEST(detail.str("config_desc") == "This is config");
  BOOST_TEST(detail.num("create_time") == h.now());
  BOOST_TEST(detail.str("engine_name") == "TensorFlow");
  BOOST_TEST(detail.num("engine_type") == 1);
  BOOST_TEST(detail.str("spec_code") == "modelarts.vm.cpu.8u");
  BOOST_TEST(detail.str("data_url") == "/usr/data/");
  BOOST_TEST(detail.at("parameter").as_array().size() == 1u);
  Reply updated = h.call(
      "PUT", "training-job-configs/testConfig",
      R"({"config_desc":"changed","worker_server_num":2,"app_url":"/a/","boot_file_url":"/a/b.py","spec_id":3,"engine_id":8,"dataset_id":"d","dataset_version_id":"v","user_command":"x"})");
  BOOST_TEST(updated.status == 200, updated.text);
  Reply after = h.call("GET", "training-job-configs/testConfig");
  BOOST_TEST(after.str("config_desc") == "changed");
  BOOST_TEST(after.num("worker_server_num") == 2);
  BOOST_TEST(after.str("engine_name") == "PyTorch");
  BOOST_TEST(after.str("dataset_id") == "d");
  BOOST_TEST(after.str("data_url") == "");
  expect_v1_error(h.call("PUT", "training-job-configs/testConfig", R"({"config_name":"renamed"})"), 400,
                  "ModelArts.0101");
  BOOST_TEST(h.call("DELETE", "training-job-configs/testConfig").text == R"({"is_success":true})");
  expect_v1_error(h.call("GET", "training-job-configs/testConfig"), 400, "ModelArts.0102");
  expect_v1_error(h.call("DELETE", "training-job-configs/testConfig"), 400, "ModelArts.0102");
}

BOOST_AUTO_TEST_CASE(names_and_rules) {
  ServiceHarness h;
  BOOST_TEST(h.call("POST", "training-job-configs", config_body("c1")).status == 200);
  expect_v1_error(h.call("POST", "training-job-configs", config_body("c1")), 400, "ModelArts.0103",
                  "Config name:c1 is existed");
  expect_v1_error(h.call("POST", "training-job-configs", config_body("bad name")), 400, "ModelArts.0104",
                  "Illegal name");
  expect_v1_error(h.call("POST", "training-job-configs", config_body(std::string(65, 'c'))), 400, "ModelArts.0104");
  expect_v1_error(h.call("POST", "training-job-configs", config_body("c2", std::string(257, 'd'))), 400,
                  "ModelArts.0101");
  expect_v1_error(h.call("POST", "training-job-configs", R"({"config_name":"c3","spec_id":1})"), 400, "ModelArts.0101");
  expect_v1_error(h.call("POST", "training-job-configs", R"({"config_desc":"no name"})"), 400, "ModelArts.0101");
}

BOOST_AUTO_TEST_CASE(list_sorts_desc_by_default_and_searches) {
  ServiceHarness h;
  for (const char* name : {"b-conf", "a-conf", "c-other"}) {
    BOOST_TEST(h.call("POST", "training-job-configs", config_body(name)).status == 200);
    h.advance(10);
  }
  Reply list = h.call("GET", "training-job-configs");
  BOOST_TEST(list.num("config_total_count") == 3);
  const auto& configs = list.at("configs").as_array();
  BOOST_TEST(configs.at(0).at("config_name").as_string() == "c-other");
  BOOST_TEST(configs.at(2).at("config_name").as_string() == "a-conf");
  for (const char* key : {"config_name", "config_desc", "create_time", "engine_type", "engine_name", "engine_id",
                          "engine_version", "user_image_url", "user_command"})
    BOOST_TEST(configs.at(0).as_object().contains(key), key);
  Reply asc = h.call("GET", "training-job-configs?sortBy=create_time&order=asc&per_page=1&page=2");
  BOOST_TEST(asc.at("configs").as_array().at(0).at("config_name").as_string() == "a-conf");
  Reply searched = h.call("GET", "training-job-configs?search_content=conf");
  BOOST_TEST(searched.num("config_total_count") == 2);
  Reply samples = h.call("GET", "training-job-configs?config_type=sample");
  BOOST_TEST(samples.num("config_total_count") == 0);
  expect_v1_error(h.call("GET", "training-job-configs?config_type=mine"), 400, "ModelArts.0101");
  expect_v1_error(h.call("GET", "training-job-configs?search_content=" + std::string(65, 's')), 400, "ModelArts.0104");
}

BOOST_AUTO_TEST_SUITE_END()
