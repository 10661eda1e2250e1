// SPDX-License-Identifier: Apache-2.0
// v2::Estimator: the create body each Python keyword fills (ModelArts SDK Reference (modelarts.estimatorV2)), the three
// algorithm forms, and every check made before sending (nothing sent when one fails).
#include <boost/test/unit_test.hpp>

#include <modelarts/modelarts.hpp>

#include "support/v2_replies.hpp"

using namespace modelarts;
using namespace modelarts::test;
namespace v2 = modelarts::v2;

namespace {

v2::EstimatorOptions preset() {
  return v2::EstimatorOptions{}
      .training_files({"obs://b/code", "train.py", ""})
      .framework_type("PyTorch")
      .framework_version("pytorch_1.8.0")
      .train_instance_type("modelarts.vm.cpu.8u")
      .train_instance_count(2)
      .outputs({{"obs://b/out/", "train_url", ""}})
      .parameters({{"epochs", "3"}, {"dist", ""}})
      .env_variables({{"NCCL_DEBUG", "WARN"}})
      .log_url("obs://b/logs")
      .working_dir("/home/ma-user/modelarts/user-job-dir")
      .job_description("nightly")
      .pool_id("pool-1");
}

void expect_refused(const v2::EstimatorOptions& options, const std::string& name = "job-1") {
  ApiTestSession t;
  BOOST_CHECK_THROW(v2::Estimator(t.session, options).fit({{"obs://b/data/", "data_url", ""}}, false, name),
                    InvalidArgumentError);
  BOOST_TEST(t.transport->request_count() == 0u);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(v2_estimator)

BOOST_AUTO_TEST_CASE(fit_posts_the_documented_create_body) {
  ApiTestSession t;
  t.transport->reply(201, v2_job("Creating"));
  v2::TrainingJob job = v2::Estimator(t.session, preset()).fit({{"obs://b/data/", "data_url", ""}}, false, "resnet-ci");
  HttpRequest r = t.only_request();
  BOOST_TEST(r.method == "POST");
  BOOST_TEST(path_of(r) == v2_path("training-jobs"));
  auto b = body_of(r);
  BOOST_TEST(b.at("kind").as_string() == "job");
  BOOST_TEST(b.at("metadata").at("name").as_string() == "resnet-ci");
  BOOST_TEST(b.at("metadata").at("description").as_string() == "nightly");
  const auto& a = b.at("algorithm");
  BOOST_TEST(a.at("code_dir").as_string() == "obs://b/code/");
  // Relative joined (docs/service-quirks.md, Q24).
  BOOST_TEST(a.at("boot_file").as_string() == "obs://b/code/train.py");
  BOOST_TEST(a.at("engine").at("engine_name").as_string() == "PyTorch");
  BOOST_TEST(a.at("engine").at("engine_version").as_string() == "pytorch_1.8.0");
  BOOST_TEST(a.at("parameters").at(0).at("value").as_string() == "3");
  BOOST_TEST(!a.at("parameters").at(1).as_object().contains("value"));  // a flag without value
  BOOST_TEST(a.at("inputs").at(0).at("remote").at("obs").at("obs_url").as_string() == "obs://b/data/");
  BOOST_TEST(a.at("outputs").at(0).at("name").as_string() == "train_url");
  BOOST_TEST(a.at("environments").at("NCCL_DEBUG").as_string() == "WARN");
  BOOST_TEST(a.at("working_dir").as_string() == "/home/ma-user/modelarts/user-job-dir");
  const auto& s = b.at("spec");
  BOOST_TEST(s.at("resource").at("flavor_id").as_string() == "modelarts.vm.cpu.8u");
  BOOST_TEST(s.at("resource").at("node_count").as_int64() == 2);
  BOOST_TEST(s.at("resource").at("pool_id").as_string() == "pool-1");
  BOOST_TEST(s.at("log_export_path").at("obs_url").as_string() == "obs://b/logs/");
  BOOST_TEST(job.job_id() == kJobId);
  BOOST_TEST((job.info().status.phase == v2::Phase::running || job.info().status.phase == v2::Phase::creating));
}

BOOST_AUTO_TEST_CASE(custom_image_and_algorithm_id_forms) {
  ApiTestSession t;
  t.transport->reply(201, v2_job("Creating")).reply(201, v2_job("Creating"));
  v2::Estimator(t.session, v2::EstimatorOptions{}
                               .user_image_url("org/img:1")
                               .user_command("cd /home/ma-user && sh run.sh")
                               .train_instance_type("modelarts.vm.cpu.2u"))
      .fit({}, false, "custom");
  auto a = body_of(t.request(0)).at("algorithm");
  BOOST_TEST(a.at("engine").at("image_url").as_string() == "org/img:1");
  BOOST_TEST(a.at("command").as_string() == "cd /home/ma-user && sh run.sh");
  BOOST_TEST(!a.as_object().contains("code_dir"));
  v2::Estimator(t.session, v2::EstimatorOptions{}.algorithm_id("alg-1").train_instance_type("modelarts.vm.cpu.2u"))
      .fit({}, false, "saved");
  auto a2 = body_of(t.request(1)).at("algorithm");
  BOOST_TEST(a2.at("id").as_string() == "alg-1");
  BOOST_TEST(!a2.as_object().contains("engine"));
}

BOOST_AUTO_TEST_CASE(a_name_is_generated_when_none_is_given) {
  ApiTestSession t;
  t.transport->reply(201, v2_job("Creating"));
  v2::Estimator(t.session, preset()).fit();
  std::string name(body_of(t.only_request()).at("metadata").at("name").as_string());
  BOOST_TEST(name.rfind("job-", 0) == 0u);
  BOOST_TEST(name.size() <= 64u);
}

BOOST_AUTO_TEST_CASE(exactly_one_algorithm_form) {
  expect_refused(preset().algorithm_id("alg"));
  expect_refused(preset().user_image_url("org/img:1").user_command("x"));
  expect_refused(v2::EstimatorOptions{}.train_instance_type("modelarts.vm.cpu.2u"));  // none
  expect_refused(preset().framework_version(""));                                   // type without version
  expect_refused(v2::EstimatorOptions{}.user_image_url("org/img:1").train_instance_type("f"));  // no command
  expect_refused(preset().training_files({}));                                      // preset without code
}

BOOST_AUTO_TEST_CASE(bad_input_is_refused_before_sending) {
  expect_refused(preset(), "bad name!");
  expect_refused(preset(), std::string(65, 'a'));
  expect_refused(preset().job_description(std::string(257, 'd')));
  expect_refused(preset().train_instance_type(""));
  expect_refused(preset().train_instance_count(0));
  expect_refused(preset().training_files({"obs://b/code/", "", ""}));                  // code_dir without boot_file
  expect_refused(preset().training_files({"obs://b/code/", "obs://other/train.py", ""}));  // boot_file outside
  expect_refused(preset().training_files({"relative/code/", "train.py", ""}));        // not an OBS path
  expect_refused(preset().training_files({"./local/", "train.py", "obs://b/stage/"}));  // local upload: not yet
  expect_refused(preset().env_variables({{"1BAD", "x"}}));
  expect_refused(preset().env_variables({{"A$B", "x"}}));
  expect_refused(preset().parameters({{"bad name", "1"}}));
  expect_refused(preset().outputs({{"not-obs", "train_url", ""}}));
  expect_refused(preset().log_url("logs/"));
  ApiTestSession t;
  BOOST_CHECK_THROW(v2::Estimator(t.session, preset()).fit({{"obs://b/d/", "", ""}}, false, "x"), InvalidArgumentError);
  BOOST_TEST(t.transport->request_count() == 0u);
}

// The options of the job v2_job() describes (name resnet-ci, description "d", PyTorch pt-1.8, 2 x cpu.8u).
v2::EstimatorOptions as_in_reply() {
  return v2::EstimatorOptions{}
      .training_files({"obs://b/code/", "train.py", ""})
      .framework_type("PyTorch")
      .framework_version("pt-1.8")
      .train_instance_type("modelarts.vm.cpu.8u")
      .train_instance_count(2)
      .job_description("d");
}

std::string search_of(const std::string& job) {
  return R"({"total":1,"count":1,"limit":50,"offset":0,"items":[)" + job + "]}";
}

const char* kDuplicate = R"({"error_code":"ModelArts.2751","error_msg":"Duplicate training job name."})";

// The first create was written and its answer lost; the resend meets 2751; the search by name finds
// the job the first attempt made (same fields, created since): one job, returned, no third create.
BOOST_AUTO_TEST_CASE(a_lost_create_answer_is_recovered_by_a_search_by_name) {
  ApiTestSession t(RetryOptions{}.max_attempts(3).initial_backoff(std::chrono::milliseconds(1)));
  t.transport->fail(TransportErrorKind::io, /*request_written=*/true)
      .reply(400, kDuplicate)
      .reply(200, search_of(v2_job("Creating")));
  const v2::TrainingJob job = v2::Estimator(t.session, as_in_reply()).fit({}, false, "resnet-ci");
  BOOST_TEST(job.job_id() == kJobId);
  const auto requests = t.transport->requests();
  BOOST_REQUIRE(requests.size() == 3u);
  BOOST_TEST(path_of(requests[0]) == v2_path("training-jobs"));
  BOOST_TEST(path_of(requests[1]) == v2_path("training-jobs"));  // the resend, refused: no second job
  BOOST_TEST(path_of(requests[2]) == v2_path("training-job-searches"));
  const auto search = body_of(requests[2]);
  BOOST_TEST(search.at("filters").at(0).at("key").as_string() == "name");
  BOOST_TEST(search.at("filters").at(0).at("value").at(0).as_string() == "resnet-ci");
}

// The job found under the name is someone else's: other fields, or made before our first attempt (less 5 s).
BOOST_AUTO_TEST_CASE(a_job_of_the_name_that_is_not_ours_is_never_returned) {
  std::string older = v2_job("Running");
  older.replace(older.find("1795941000123"), 13, "1705310994000");  // 6 s before the session clock's now
  const std::string other_flavor = [] {
    std::string job = v2_job("Creating");
    job.replace(job.find("modelarts.vm.cpu.8u"), 19, "modelarts.vm.gpu.v1");
    return job;
  }();
  for (const std::string& found : {older, other_flavor}) {
    ApiTestSession t(RetryOptions{}.max_attempts(3).initial_backoff(std::chrono::milliseconds(1)));
    t.transport->fail(TransportErrorKind::io, true).reply(400, kDuplicate).reply(200, search_of(found));
    try {
      v2::Estimator(t.session, as_in_reply()).fit({}, false, "resnet-ci");
      BOOST_FAIL("returned a job it did not create");
    } catch (const ApiError& e) {
      BOOST_TEST(e.error_code() == "ModelArts.2751");
      BOOST_TEST((e.kind() == ErrorKind::conflict));
    }
    BOOST_TEST(t.transport->request_count() == 3u);
  }
  // Made 4 s before our first attempt: within the clock skew allowed, so ours.
  std::string skewed = v2_job("Running");
  skewed.replace(skewed.find("1795941000123"), 13, "1705310996000");
  ApiTestSession t(RetryOptions{}.max_attempts(3).initial_backoff(std::chrono::milliseconds(1)));
  t.transport->fail(TransportErrorKind::io, true).reply(400, kDuplicate).reply(200, search_of(skewed));
  BOOST_TEST(v2::Estimator(t.session, as_in_reply()).fit({}, false, "resnet-ci").job_id() == kJobId);
}

// 2751 on the first attempt: nothing of ours can hold the name, so no search; and a search that finds no job
// of the name leaves the 2751 standing.
BOOST_AUTO_TEST_CASE(a_duplicate_name_without_an_earlier_attempt_is_the_answer) {
  {
    ApiTestSession t(RetryOptions{}.max_attempts(3).initial_backoff(std::chrono::milliseconds(1)));
    t.transport->reply(400, kDuplicate);
    BOOST_CHECK_THROW(v2::Estimator(t.session, as_in_reply()).fit({}, false, "resnet-ci"), ApiError);
    BOOST_TEST(t.transport->request_count() == 1u);
  }
  {
    ApiTestSession t(RetryOptions{}.max_attempts(3).initial_backoff(std::chrono::milliseconds(1)));
    t.transport->fail(TransportErrorKind::io, true)
        .reply(400, kDuplicate)
        .reply(200, R"({"total":0,"count":0,"limit":50,"offset":0,"items":[]})");
    BOOST_CHECK_THROW(v2::Estimator(t.session, as_in_reply()).fit({}, false, "resnet-ci"), ApiError);
    BOOST_TEST(t.transport->request_count() == 3u);
  }
  // A 429 first never reached the service: the resend creates, one job.
  ApiTestSession t(RetryOptions{}.max_attempts(3).initial_backoff(std::chrono::milliseconds(1)));
  t.transport->reply(429, R"({"error_code":"ModelArts.2799","error_msg":"slow down"})", {{"Retry-After", "0"}})
      .reply(201, v2_job("Creating"));
  BOOST_TEST(v2::Estimator(t.session, as_in_reply()).fit({}, false, "resnet-ci").job_id() == kJobId);
  BOOST_TEST(t.transport->request_count() == 2u);
}

// --file: a whole body, with the same recovery; a body without metadata.name is refused before sending.
BOOST_AUTO_TEST_CASE(create_job_posts_a_whole_body) {
  ApiTestSession t;
  t.transport->reply(201, v2_job("Creating"));
  const std::string body = v2::Estimator(t.session, as_in_reply()).create_body({}, "resnet-ci");
  BOOST_TEST(v2::Estimator::create_job(t.session, body).metadata.id == kJobId);
  BOOST_TEST(t.only_request().body == body);
  ApiTestSession u;
  BOOST_CHECK_THROW(v2::Estimator::create_job(u.session, R"({"kind":"job","metadata":{}})"), InvalidArgumentError);
  BOOST_CHECK_THROW(v2::Estimator::create_job(u.session, "[1]"), InvalidArgumentError);
  BOOST_CHECK_THROW(v2::Estimator::create_job(u.session, "{"), InvalidArgumentError);
  BOOST_TEST(u.transport->request_count() == 0u);
}

BOOST_AUTO_TEST_CASE(fit_with_wait_polls_to_the_end) {
  ApiTestSession t;
  t.transport->reply(201, v2_job("Creating")).reply(200, v2_job("Running")).reply(200, v2_job("Completed"));
  v2::TrainingJob job =
      v2::Estimator(t.session, preset().wait_options(v2::WaitOptions{}.initial_interval(std::chrono::seconds(1))))
          .fit({}, true, "waited");
  BOOST_TEST((job.info().status.phase == v2::Phase::completed));
  BOOST_TEST(t.transport->request_count() == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
