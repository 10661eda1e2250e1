// SPDX-License-Identifier: Apache-2.0
// Estimator against a fake transport: fit/create_job_version/create_job_configs bodies, the spec and engine
// look-ups and their cache, argument checks, and the static list and look-up calls (ModelArts SDK Reference, "Training
// Jobs", "Training Job Versions" and "Training Job Parameter Configuration"; ModelArts API Reference, "Resource and
// Engine Specifications").
#include <boost/test/unit_test.hpp>

#include <regex>

#include <modelarts/modelarts.hpp>

#include "support/api_test_session.hpp"
#include "support/estimator_options.hpp"

using namespace modelarts;
using namespace modelarts::test;
namespace json = boost::json;

namespace {

const char* kSpecs = R"({"is_success":true,"spec_total_count":2,"specs":[
  {"spec_id":2,"core":"2","cpu":"8","gpu_num":0,"gpu_type":"","spec_code":"modelarts.vm.cpu.2u","unit_num":1,
   "max_num":2,"storage":"","interface_type":1,"no_resource":false},
  {"spec_id":"7","core":8,"cpu":64,"gpu_num":"1","gpu_type":"P100","spec_code":"modelarts.vm.gpu.p100","no_resource":"true"}]})";
const char* kEngines = R"({"is_success":true,"engines":[
  {"engine_type":1,"engine_id":1,"engine_name":"TensorFlow","engine_version":"TF-1.4.0-python2.7"},
  {"engine_type":10,"engine_id":"23","engine_name":"PyTorch","engine_version":"PyTorch-1.0.0-python3.6"}]})";
const char* kCreated = R"({"is_success":true,"job_id":"10","job_name":"my-job","status":"1",
  "create_time":"1524189990635","version_id":"10","version_name":"V0001","resource_id":"jobafd08896"})";

EstimatorOptions pytorch_options() {
  return pytorch_on_cpu()
      .hyperparameters({{"learning_rate", "0.01"}})
      .log_url("/bucket/log/")
      .job_description("first try");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(api_estimator)

BOOST_AUTO_TEST_CASE(fit_resolves_spec_and_engine_then_posts_the_job) {
  ApiTestSession t;
  t.transport->reply(200, kSpecs).reply(200, kEngines).reply(200, kCreated);
  Estimator estimator(t.session, pytorch_options());
  TrainingJob job = estimator.fit(Inputs::obs("/bucket/data/"), false, "my-job");

  BOOST_REQUIRE(t.transport->request_count() == 3u);
  BOOST_TEST(path_of(t.request(0)) == v1("job/resource-specs"));
  BOOST_TEST(query_of(t.request(0))["job_type"] == "train");
  BOOST_TEST(path_of(t.request(1)) == v1("job/ai-engines"));
  HttpRequest post = t.request(2);
  BOOST_TEST(post.method == "POST");
  BOOST_TEST(path_of(post) == v1("training-jobs"));
  BOOST_TEST(body_of(post) == json::parse(R"({"job_name":"my-job","job_desc":"first try","config":{
      "worker_server_num":1,"app_url":"/bucket/code/","boot_file_url":"/bucket/code/train.py","engine_id":23,
      "spec_id":2,"data_url":"/bucket/data/","parameter":[{"label":"learning_rate","value":"0.01"}],
      "train_url":"/bucket/out/","log_url":"/bucket/log/"}})"));

  BOOST_TEST(job.job_id() == "10");
  BOOST_TEST(job.version_id() == "10");
  BOOST_TEST(job.info().status_code() == 1);  // quoted in the documented example
  BOOST_TEST(job.info().create_time == 1524189990635);
  BOOST_TEST(job.info().version_name == "V0001");
  BOOST_TEST(job.info().resource_id == "jobafd08896");
}

BOOST_AUTO_TEST_CASE(look_ups_are_cached_per_estimator_and_its_copies) {
  ApiTestSession t;
  t.transport->reply(200, kSpecs).reply(200, kEngines).reply(200, kCreated).reply(200, kCreated);
  Estimator estimator(t.session, pytorch_options());
  estimator.fit(Inputs::obs("/d/"), false, "a");
  Estimator copy = estimator;
  copy.fit(Inputs::obs("/d/"), false, "b");
  BOOST_TEST(t.transport->request_count() == 4u);
  BOOST_TEST(path_of(t.request(3)) == v1("training-jobs"));
}

BOOST_AUTO_TEST_CASE(known_ids_skip_the_look_ups_and_dataset_inputs_are_sent) {
  ApiTestSession t;
  t.transport->reply(200, kCreated);
  Estimator estimator(t.session, EstimatorOptions{}.spec_id(1).engine_id(1).output_path("/o/").code_dir("/c/").boot_file("/c/b.py"));
  estimator.fit(Inputs::dataset("38277e62", "2ff0d6ba"), false, "ds_job-1");
  json::value body = body_of(t.only_request());
  BOOST_TEST(body.at("config").at("dataset_id") == "38277e62");
  BOOST_TEST(body.at("config").at("dataset_version_id") == "2ff0d6ba");
  BOOST_TEST(body.at("config").as_object().count("data_url") == 0u);
  BOOST_TEST(body.at("config").at("spec_id") == 1);
}

BOOST_AUTO_TEST_CASE(fit_generates_a_valid_job_name_when_none_is_given) {
  ApiTestSession t;
  t.transport->reply(200, kCreated);
  Estimator estimator(t.session, EstimatorOptions{}.spec_id(1).output_path("/o/"));
  estimator.fit(Inputs::obs("/d/"));
  std::string name = std::string(body_of(t.only_request()).at("job_name").as_string());
  BOOST_TEST(std::regex_match(name, std::regex("[A-Za-z0-9_-]{1,64}")));
  BOOST_TEST(name.rfind("job-", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(fit_checks_its_arguments_before_any_request) {
  ApiTestSession t;
  Estimator good(t.session, EstimatorOptions{}.spec_id(1).output_path("/o/"));
  BOOST_CHECK_THROW(good.fit(Inputs{}, false, "x"), InvalidArgumentError);             // no input form
  BOOST_CHECK_THROW(good.fit(Inputs::obs(""), false, "x"), InvalidArgumentError);
  BOOST_CHECK_THROW(good.fit(Inputs::dataset("id", ""), false, "x"), InvalidArgumentError);
  BOOST_CHECK_THROW(good.fit(Inputs::obs("/d/"), false, "bad name!"), InvalidArgumentError);
  BOOST_CHECK_THROW(good.fit(Inputs::obs("/d/"), false, std::string(65, 'a')), InvalidArgumentError);
  BOOST_CHECK_THROW(Estimator(t.session, EstimatorOptions{}.spec_id(1)).fit(Inputs::obs("/d/"), false, "x"),
                    InvalidArgumentError);  // no output_path
  BOOST_CHECK_THROW(Estimator(t.session, EstimatorOptions{}.output_path("/o/")).fit(Inputs::obs("/d/"), false, "x"),
                    InvalidArgumentError);  // no train_instance_type
  BOOST_CHECK_THROW(Estimator(t.session, EstimatorOptions{}.spec_id(1).output_path("/o/").train_instance_count(0))
                        .fit(Inputs::obs("/d/"), false, "x"),
                    InvalidArgumentError);
  BOOST_TEST(t.transport->request_count() == 0u);
}

BOOST_AUTO_TEST_CASE(an_unknown_instance_type_names_the_known_ones) {
  ApiTestSession t;
  t.transport->reply(200, kSpecs);
  Estimator estimator(t.session, EstimatorOptions{}.train_instance_type("modelarts.vm.none").output_path("/o/"));
  try {
    estimator.fit(Inputs::obs("/d/"), false, "x");
    BOOST_FAIL("expected InvalidArgumentError");
  } catch (const InvalidArgumentError& e) {
    BOOST_TEST(std::string(e.what()).find("modelarts.vm.cpu.2u") != std::string::npos);
  }
  BOOST_TEST(t.transport->request_count() == 1u);  // the look-up only, no create
}

BOOST_AUTO_TEST_CASE(create_job_version_posts_config_with_pre_version_id) {
  ApiTestSession t;
  t.transport->reply(200, R"({"is_success":true,"job_id":10,"job_name":"TestModelArtsJob","status":1,
                               "create_time":1524189990635,"version_id":11,"version_name":"V0002"})");
  Estimator estimator(t.session, EstimatorOptions{}.spec_id(1).engine_id(1).output_path("/usr/train/")
                                     .code_dir("/usr/app/").boot_file("/usr/app/boot.py"));
  TrainingJob v = estimator.create_job_version("10", "20", Inputs::dataset("38277e62", "2ff0d6ba"), false,
                                               "This is a ModelArts job");
  HttpRequest r = t.only_request();
  BOOST_TEST(r.method == "POST");
  BOOST_TEST(path_of(r) == v1("training-jobs/10/versions"));
  BOOST_TEST(body_of(r) == json::parse(R"({"job_desc":"This is a ModelArts job","config":{"worker_server_num":1,
      "app_url":"/usr/app/","boot_file_url":"/usr/app/boot.py","engine_id":1,"spec_id":1,"dataset_id":"38277e62",
      "dataset_version_id":"2ff0d6ba","train_url":"/usr/train/","pre_version_id":20}})"));
  BOOST_TEST(v.job_id() == "10");
  BOOST_TEST(v.version_id() == "11");
  BOOST_TEST(v.info().version_name == "V0002");
}

BOOST_AUTO_TEST_CASE(fit_with_wait_polls_until_terminal) {
  ApiTestSession t;
  t.transport->reply(200, kCreated)
      .reply(200, R"({"is_success":true,"job_id":10,"version_id":10,"status":8})")
      .reply(200, R"({"is_success":true,"job_id":10,"version_id":10,"status":10,"duration":5})");
  Estimator estimator(t.session, EstimatorOptions{}.spec_id(1).output_path("/o/")
                                     .wait_options(WaitOptions{}.initial_interval(std::chrono::seconds(1))));
  TrainingJob job = estimator.fit(Inputs::obs("/d/"), true, "w");
  BOOST_TEST(job.info().status_code() == 10);
  BOOST_TEST(job.info().duration == 5);
  BOOST_TEST(t.transport->request_count() == 3u);
}

BOOST_AUTO_TEST_CASE(create_and_update_job_configs_send_flat_bodies) {
  ApiTestSession t;
  t.transport->reply(200, R"({"is_success":true})").reply(200, R"({"is_success":true})");
  Estimator estimator(t.session, EstimatorOptions{}.spec_id(1).engine_id(1).output_path("/usr/train/")
                                     .code_dir("/usr/app/").boot_file("/usr/app/boot.py"));
  TrainingJobConfig config = estimator.create_job_configs(Inputs::obs("/usr/data/"), "testConfig", "This is config");
  HttpRequest r = t.request(0);
  BOOST_TEST(r.method == "POST");
  BOOST_TEST(path_of(r) == v1("training-job-configs"));
  BOOST_TEST(body_of(r) == json::parse(R"({"config_name":"testConfig","config_desc":"This is config",
      "worker_server_num":1,"app_url":"/usr/app/","boot_file_url":"/usr/app/boot.py","spec_id":1,"engine_id":1,
      "data_url":"/usr/data/","train_url":"/usr/train/"})"));
  BOOST_TEST(config.config_name() == "testConfig");
  BOOST_TEST(config.info().config_desc == "This is config");
  BOOST_TEST(config.info().data_url == "/usr/data/");

  config.update_job_configs(estimator, Inputs::obs("/usr/data2/"), "changed");
  HttpRequest u = t.request(1);
  BOOST_TEST(u.method == "PUT");
  BOOST_TEST(path_of(u) == v1("training-job-configs/testConfig"));
  json::value body = body_of(u);
  BOOST_TEST(body.at("config_desc") == "changed");
  BOOST_TEST(body.at("data_url") == "/usr/data2/");
  BOOST_TEST(body.as_object().count("config_name") == 0u);
}

BOOST_AUTO_TEST_CASE(config_list_info_and_delete) {
  ApiTestSession t;
  t.transport->reply(200, R"({"is_success":true,"config_total_count":3,"configs":[{"config_name":"testConfig",
      "config_desc":"This is config","create_time":1524189990635,"engine_type":1,"engine_name":"TensorFlow",
      "engine_id":1,"engine_version":"TF-1.4.0-python2.7"}]})");
  t.transport->reply(200, R"({"is_success":true,"config_name":"testConfig","worker_server_num":1,"spec_id":"1",
      "parameter":[{"key":"lr","value":"0.1"}],"data_source":[{"type":"obs","data_url":"/d/"}]})");
  t.transport->reply(200, R"({"is_success":true})");
  ConfigList list = Estimator::get_job_configs_list(t.session, ListOptions{}.sort_by("config_name"));
  BOOST_TEST(path_of(t.request(0)) == v1("training-job-configs"));
  BOOST_TEST(query_of(t.request(0))["sortBy"] == "config_name");
  BOOST_TEST(list.total_count == 3);
  BOOST_REQUIRE(list.items.size() == 1u);
  BOOST_TEST(list.items[0].engine_version == "TF-1.4.0-python2.7");

  TrainingJobConfig config(t.session, "testConfig");
  ConfigInfo info = config.get_job_configs_info();
  BOOST_TEST(path_of(t.request(1)) == v1("training-job-configs/testConfig"));
  BOOST_TEST(info.spec_id == 1);
  BOOST_REQUIRE(info.parameter.size() == 1u);
  BOOST_TEST(info.parameter[0].label == "lr");  // the documented "key" typo is read as label
  BOOST_REQUIRE(info.data_source.size() == 1u);
  BOOST_TEST(info.data_source[0].data_url == "/d/");

  config.delete_job_configs();
  BOOST_TEST(t.request(2).method == "DELETE");
  BOOST_TEST(path_of(t.request(2)) == v1("training-job-configs/testConfig"));
}

BOOST_AUTO_TEST_CASE(config_object_list_holds_rows) {
  ApiTestSession t;
  t.transport->reply(200, R"({"is_success":true,"config_total_count":2,"configs":[{"config_name":"a"},{"config_name":"b"}]})");
  auto configs = Estimator::get_job_configs_object_list(t.session);
  BOOST_REQUIRE(configs.size() == 2u);
  BOOST_TEST(configs[1].config_name() == "b");
  BOOST_TEST(configs[1].info().config_name == "b");
}

BOOST_AUTO_TEST_CASE(specs_engines_and_algorithms_decode_leniently) {
  ApiTestSession t;
  t.transport->reply(200, kSpecs).reply(200, kEngines);
  t.transport->reply(200, R"({"is_success":true,"model_total_count":1,"models":[{"model_id":"4","model_name":"resnet_v1_50",
      "model_usage":1,"model_precision":"75.2%","model_size":"97MB","parameter":[{"label":"lr"}],
      "create_time":1524189990635,"engine_id":1,"engine_name":"TensorFlow","engine_version":"TF-1.8.0-python2.7"}]})");
  auto specs = Estimator::get_train_instance_types(t.session);
  BOOST_REQUIRE(specs.size() == 2u);
  BOOST_TEST(specs[0].spec_code == "modelarts.vm.cpu.2u");
  BOOST_TEST(specs[0].max_num == 2);
  BOOST_TEST(specs[1].spec_id == 7);
  BOOST_TEST(specs[1].core == "8");
  BOOST_TEST(specs[1].gpu_num == 1);
  BOOST_TEST(specs[1].no_resource);
  auto engines = Estimator::get_framework_list(t.session);
  BOOST_REQUIRE(engines.size() == 2u);
  BOOST_TEST(engines[1].engine_id == 23);
  BOOST_TEST(engines[1].framework_type() == "PyTorch");
  BOOST_TEST(engines[1].framework_version() == "PyTorch-1.0.0-python3.6");
  auto algorithms = Estimator::get_built_in_algorithms(t.session);
  BOOST_TEST(path_of(t.request(2)) == v1("built-in-algorithms"));
  BOOST_REQUIRE(algorithms.size() == 1u);
  BOOST_TEST(algorithms[0].model_id == 4);
  BOOST_TEST(algorithms[0].model_name == "resnet_v1_50");
  BOOST_TEST(json::parse(algorithms[0].parameter).as_array().size() == 1u);
  BOOST_TEST(t.transport->request_count() == 3u);  // one algorithm page covered the total
}

BOOST_AUTO_TEST_CASE(model_name_resolves_to_model_id) {
  ApiTestSession t;
  t.transport->reply(200, R"({"is_success":true,"model_total_count":2,"models":[{"model_id":3,"model_name":"other"},
                                                                               {"model_id":4,"model_name":"resnet"}]})");
  t.transport->reply(200, kCreated);
  Estimator estimator(t.session, EstimatorOptions{}.spec_id(1).output_path("/o/").model_name("resnet"));
  estimator.fit(Inputs::obs("/d/"), false, "m");
  BOOST_TEST(body_of(t.request(1)).at("config").at("model_id") == 4);
}

BOOST_AUTO_TEST_CASE(versions_and_configs_share_one_training_config_struct) {
  ApiTestSession t;
  const std::string fields =
      R"("worker_server_num":2,"app_url":"/a/","boot_file_url":"/a/b.py","spec_id":3,"spec_code":"modelarts.vm.cpu.2u",)"
      R"("engine_id":4,"engine_name":"PyTorch","engine_version":"PyTorch-1.0.0-python3.6","data_url":"/d/",)"
      R"("train_url":"/o/","log_url":"/l/","parameter":[{"label":"lr","value":"0.1"}],"pool_id":"pool1")";
  t.transport->reply(200, R"({"is_success":true,"job_id":1,"version_id":2,)" + fields + "}");
  t.transport->reply(200, R"({"is_success":true,"config_name":"c1",)" + fields + "}");
  const JobInfo version = TrainingJob(t.session, "1", "2").get_job_info();
  const ConfigInfo config = TrainingJobConfig(t.session, "c1").get_job_configs_info();
  for (const TrainingConfigInfo* read : {static_cast<const TrainingConfigInfo*>(&version),
                                         static_cast<const TrainingConfigInfo*>(&config)}) {
    BOOST_TEST(read->worker_server_num == 2);
    BOOST_TEST(read->app_url == "/a/");
    BOOST_TEST(read->boot_file_url == "/a/b.py");
    BOOST_TEST(read->spec_id == 3);
    BOOST_TEST(read->spec_code == "modelarts.vm.cpu.2u");
    BOOST_TEST(read->engine_id == 4);
    BOOST_TEST(read->engine_version == "PyTorch-1.0.0-python3.6");
    BOOST_TEST(read->data_url == "/d/");
    BOOST_TEST(read->train_url == "/o/");
    BOOST_TEST(read->log_url == "/l/");
    BOOST_REQUIRE(read->parameter.size() == 1u);
    BOOST_TEST(read->parameter[0].value == "0.1");
    BOOST_TEST(read->pool_id == "pool1");
  }
}

BOOST_AUTO_TEST_SUITE_END()
