// SPDX-License-Identifier: Apache-2.0
// The gaps found by porting Python SDK code and by signing like the official signers, each held end
// to end against the in-process emulator.
#include <boost/test/unit_test.hpp>

#include <string>

#include "support/api_emulator_fixture.hpp"
#include "support/estimator_options.hpp"

using namespace modelarts;
using namespace modelarts::test;
namespace mt = modelarts::testing;

BOOST_AUTO_TEST_SUITE(api_python_parity_gaps)

BOOST_AUTO_TEST_CASE(an_encoded_slash_in_a_raw_path_is_signed_as_the_gateway_expects) {
  mt::Emulator emulator;
  Session session(emulator.session_options().retry(RetryOptions{}.max_attempts(1)));
  // Sent as ".../visualization-jobs/a%2Fb", signed as ".../visualization-jobs/a/b/": the gateway accepts the
  // signature and the service answers for the one segment "a/b" (no such job), not 401 APIGW.0301.
  const RawResponse reply = session.request("GET", "/v1/" + session.project_id() + "/visualization-jobs/a%2Fb");
  BOOST_TEST(reply.status != 401, reply.body);
  BOOST_TEST(reply.body.find("APIGW") == std::string::npos, reply.body);
  BOOST_TEST(reply.body.find("ModelArts.") != std::string::npos, reply.body);
}

BOOST_AUTO_TEST_CASE(an_id_with_a_slash_is_refused_before_sending) {
  mt::Emulator emulator;
  Session session(emulator.session_options());
  session.project_id();
  const auto before = emulator.stats().requests;
  BOOST_CHECK_THROW(TrainingJob(session, "x/y", "1").get_job_info(), InvalidArgumentError);
  BOOST_CHECK_THROW(VisualizationJob(session, "a/b").delete_visualization_job(), InvalidArgumentError);
  BOOST_TEST(emulator.stats().requests == before);
}

BOOST_AUTO_TEST_CASE(main_account_password_login_needs_no_account) {
  // The user is the account: the emulator's IAM knows "boss" as both.
  mt::Emulator emulator(mt::EmulatorOptions{}.account("boss").username("boss"));
  SessionOptions options = emulator.password_session_options().account({});
  Session session(options);
  BOOST_TEST(session.options().account() == "boss");
  BOOST_TEST(Estimator::get_job_list(session).items.empty());
}

BOOST_AUTO_TEST_CASE(endpoints_are_given_to_the_python_shaped_constructors) {
  mt::Emulator emulator(mt::EmulatorOptions{}.account("boss").username("boss"));
  const Endpoints endpoints = Endpoints{}
                                  .modelarts_endpoint(emulator.endpoint())
                                  .iam_endpoint(emulator.endpoint())
                                  .obs_endpoint("http://127.0.0.1:9/obs");
  Session by_key = Session::with_access_key(mt::kDefaultAccessKey, mt::kDefaultSecretKey, mt::kDefaultProjectId,
                                            mt::kDefaultRegion, endpoints);
  BOOST_TEST(by_key.modelarts_endpoint() == emulator.endpoint());
  BOOST_TEST(by_key.options().obs_endpoint() == "http://127.0.0.1:9/obs");
  BOOST_TEST(Estimator::get_job_list(by_key).items.empty());

  Session by_password = Session::with_password("", "boss", mt::kDefaultPassword, mt::kDefaultRegion, {}, endpoints);
  BOOST_TEST(by_password.project_id() == mt::kDefaultProjectId);  // from the token the emulator's IAM issued
  BOOST_TEST(VisualizationJob::get_visualization_job_list(by_password).items.empty());
}

BOOST_AUTO_TEST_CASE(lists_come_back_in_the_python_default_order) {
  mt::Emulator emulator;
  Session session(emulator.session_options());
  Estimator estimator(session, pytorch_on_cpu());
  for (const char* name : {"job-b", "job-a", "job-c"}) estimator.fit(Inputs::obs("/bucket/data/"), false, name);
  for (const char* name : {"cfg-b", "cfg-a", "cfg-c"}) estimator.create_job_configs(Inputs::obs("/bucket/data/"), name);
  // Created in this order, so job_id order (the service's default for visualization jobs) differs from names.
  for (const char* name : {"vis-b", "vis-a", "vis-c"}) VisualizationJob(session).create_visualization_job("/bucket/o/", name);

  const auto names = [](const auto& rows, auto field) {
    std::vector<std::string> out;
    for (const auto& row : rows) out.push_back(row.*field);
    return out;
  };
  // Python get_job_list: sortBy=job_name, order=desc.
  BOOST_TEST(names(Estimator::get_job_list(session).items, &JobInfo::job_name) ==
             (std::vector<std::string>{"job-c", "job-b", "job-a"}));
  // Python get_job_configs_list: order=asc (the service alone would answer desc).
  BOOST_TEST(names(Estimator::get_job_configs_list(session).items, &ConfigInfo::config_name) ==
             (std::vector<std::string>{"cfg-a", "cfg-b", "cfg-c"}));
  // Python get_visualization_job_list: job_name ascending (the service alone would sort by job_id).
  BOOST_TEST(names(VisualizationJob::get_visualization_job_list(session).items, &VisualizationJobInfo::job_name) ==
             (std::vector<std::string>{"vis-a", "vis-b", "vis-c"}));
  // Explicit values are sent as given.
  BOOST_TEST(names(Estimator::get_job_list(session, ListOptions{}.order("asc")).items, &JobInfo::job_name) ==
             (std::vector<std::string>{"job-a", "job-b", "job-c"}));
  BOOST_TEST(names(VisualizationJob::get_visualization_job_list(session, ListOptions{}.sort_by("job_id")).items,
                   &VisualizationJobInfo::job_name) == (std::vector<std::string>{"vis-b", "vis-a", "vis-c"}));
}

BOOST_AUTO_TEST_CASE(the_service_limits_hold_on_both_sides) {
  mt::Emulator emulator;
  Session session(emulator.session_options());
  session.project_id();
  // At the service's limits the emulator answers; beyond them the SDK refuses without a request.
  const std::string longest(64, 's');
  BOOST_TEST(Estimator::get_job_list(session, ListOptions{}.search_content(longest)).items.empty());
  BOOST_TEST(VisualizationJob::get_visualization_job_list(session, ListOptions{}.per_page(1000)).items.empty());
  Estimator estimator(session, pytorch_on_cpu());
  BOOST_TEST(estimator.create_job_configs(Inputs::obs("/bucket/data/"), std::string(64, 'c')).config_name().size() == 64u);
  const auto before = emulator.stats().requests;
  BOOST_CHECK_THROW(Estimator::get_job_list(session, ListOptions{}.search_content(longest + 's')), InvalidArgumentError);
  BOOST_CHECK_THROW(Estimator::get_job_configs_list(session, ListOptions{}.search_content(longest + 's')),
                    InvalidArgumentError);
  BOOST_CHECK_THROW(VisualizationJob::get_visualization_job_list(session, ListOptions{}.per_page(1001)),
                    InvalidArgumentError);
  BOOST_CHECK_THROW(estimator.create_job_configs(Inputs::obs("/bucket/data/"), std::string(65, 'c')),
                    InvalidArgumentError);
  BOOST_TEST(emulator.stats().requests == before);
  // The emulator, held to the REST doc, refuses what the SDK would not send.
  const RawResponse refused = session.request("GET", "/v1/" + session.project_id() + "/training-jobs",
                                              {{"search_content", longest + 's'}});
  BOOST_TEST(refused.status == 400, refused.body);
}

BOOST_AUTO_TEST_CASE(get_job_log_reads_bytes_the_python_way) {
  mt::Emulator emulator(mt::EmulatorOptions{}.time_scale(1000.0));
  Session session(emulator.session_options());
  Estimator estimator(session, pytorch_on_cpu().wait_options(fast_wait()));
  const TrainingJob job = estimator.fit(Inputs::obs("/bucket/data/"), true, "log-bytes");
  const std::string file = job.get_job_log_file_list().at(0);

  // start_byte 0 (the default) reads from the start, offset (2048 by default) is a byte count; end_byte is
  // where the next read starts.
  std::string whole;
  JobLogRange read = job.get_job_log(file);
  BOOST_TEST(read.start_byte == 0);
  BOOST_TEST(read.log_byte_count == 2048);
  for (int guard = 0; read.log_byte_count > 0 && guard < 100; ++guard) {
    BOOST_TEST(read.start_byte == static_cast<std::int64_t>(whole.size()));
    whole += read.content;
    read = job.get_job_log(file, read.end_byte);
  }
  BOOST_TEST(whole.size() > 2048u);
  BOOST_TEST(whole.find("[worker-0] INFO job log-bytes") < 40u, whole.substr(0, 80));
  BOOST_TEST(whole.back() == '\n');
  // -1 reads the newest |offset| bytes.
  const JobLogRange newest = job.get_job_log(file, -1, 100);
  BOOST_TEST(newest.content == whole.substr(whole.size() - 100));
  BOOST_TEST(newest.end_byte == static_cast<std::int64_t>(whole.size()));
  BOOST_TEST(newest.start_byte == static_cast<std::int64_t>(whole.size()) - 100);
  // A negative offset reads the bytes before start_byte.
  const JobLogRange before = job.get_job_log(file, 300, -50);
  BOOST_TEST(before.content == whole.substr(250, 50));
  BOOST_TEST(before.start_byte == 250);
  BOOST_TEST(before.end_byte == 300);
}

BOOST_AUTO_TEST_CASE(one_job_description_everywhere) {
  mt::Emulator emulator;
  Session session(emulator.session_options());
  const TrainingJob job = Estimator(session, pytorch_on_cpu().job_description("first"))
                              .fit(Inputs::obs("/bucket/data/"), false, "described");
  job.update_job_description("second");
  BOOST_TEST(job.get_job_info().job_desc == "second");  // GET .../versions/{vid}
  const JobVersionList versions = job.get_job_version_info();
  BOOST_TEST(versions.job_desc == "second");
  BOOST_TEST(versions.versions.at(0).job_desc == "second");
  BOOST_TEST(Estimator::get_job_list(session).items.at(0).job_desc == "second");
}

BOOST_AUTO_TEST_SUITE_END()
