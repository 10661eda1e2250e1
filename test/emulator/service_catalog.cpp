// SPDX-License-Identifier: Apache-2.0
// Resource specs, AI engines and built-in algorithms (ModelArts API Reference, "Resource and Engine Specifications").
#include <boost/test/unit_test.hpp>

#include "support/service_harness.hpp"

using namespace modelarts::test;

BOOST_AUTO_TEST_SUITE(service_catalog)

BOOST_AUTO_TEST_CASE(resource_specs_include_the_documented_cpu_spec_and_gpus) {
  ServiceHarness h;
  Reply r = h.call("GET", "job/resource-specs?job_type=train");
  BOOST_TEST_REQUIRE(r.status == 200, r.text);
  BOOST_TEST(r.at("is_success").as_bool());
  const auto& specs = r.at("specs").as_array();
  BOOST_TEST(r.num("spec_total_count") == static_cast<std::int64_t>(specs.size()));
  bool documented = false;
  int gpus = 0;
  for (const auto& s : specs) {
    if (s.at("spec_code").as_string() == "modelarts.vm.cpu.2u") {
      documented = true;
      BOOST_TEST(
          s ==
          json::parse(
              R"({"spec_id":2,"core":"2","cpu":"8","gpu_num":0,"gpu_type":"","spec_code":"modelarts.vm.cpu.2u","max_num":2,"unit_num":1,"storage":"","interface_type":1,"no_resource":false})"));
    }
    if (s.at("gpu_num").as_int64() > 0) ++gpus;
  }
  BOOST_TEST(documented);
  BOOST_TEST(gpus >= 2);
  expect_v1_error(h.call("GET", "job/resource-specs?job_type=serve"), 400, "ModelArts.0101");
  expect_v1_error(h.call("GET", "job/resource-specs?engine_id=99999"), 400, "ModelArts.0101");
  BOOST_TEST(h.call("GET", "job/resource-specs").status == 200);
  BOOST_TEST(h.call("POST", "job/resource-specs").status == 405);
}

BOOST_AUTO_TEST_CASE(ai_engines_include_tensorflow_pytorch_mxnet) {
  ServiceHarness h;
  Reply r = h.call("GET", "job/ai-engines?job_type=train");
  BOOST_TEST_REQUIRE(r.status == 200, r.text);
  bool pytorch = false, tensorflow = false, mxnet = false;
  for (const auto& e : r.at("engines").as_array()) {
    const auto& o = e.as_object();
    for (const char* key : {"engine_type", "engine_id", "engine_name", "engine_version"})
      BOOST_TEST(o.contains(key), key);
    pytorch = pytorch || (o.at("engine_name") == "PyTorch" && o.at("engine_version") == "PyTorch-1.0.0-python3.6");
    tensorflow = tensorflow || o.at("engine_name") == "TensorFlow";
    mxnet = mxnet || o.at("engine_name") == "MXNet";
  }
  BOOST_TEST(pytorch);
  BOOST_TEST(tensorflow);
  BOOST_TEST(mxnet);
}

BOOST_AUTO_TEST_CASE(built_in_algorithms_page_sort_and_search) {
  ServiceHarness h;
  Reply r = h.call("GET", "built-in-algorithms");
  BOOST_TEST_REQUIRE(r.status == 200, r.text);
  const auto total = r.num("model_total_count");
  BOOST_TEST(total >= 5);
  const auto& first = r.at("models").as_array().at(0).as_object();
  for (const char* key : {"model_id", "model_name", "model_usage", "model_precision", "model_size",
                          "model_train_dataset", "model_dataset_format", "model_description_url", "parameter",
                          "create_time", "engine_id", "engine_name", "engine_version"})
    BOOST_TEST(first.contains(key), key);
  Reply page = h.call("GET", "built-in-algorithms?per_page=2&page=2&sortBy=model_id");
  BOOST_TEST(page.at("models").as_array().size() == 2u);
  BOOST_TEST(page.at("models").as_array().at(0).at("model_id").as_int64() == 3);
  Reply search = h.call("GET", "built-in-algorithms?search_content=ResNet");
  BOOST_TEST(search.num("model_total_count") == 2);
  expect_v1_error(h.call("GET", "built-in-algorithms?per_page=101"), 400, "ModelArts.0104");
}

BOOST_AUTO_TEST_SUITE_END()
