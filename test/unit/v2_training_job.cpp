// SPDX-License-Identifier: Apache-2.0
// v2::TrainingJob and v2::Estimator statics against a fake transport: one case per call (path, method,
// body, decoding), the v2 error body, the resend rules of terminate and delete.
#include <boost/test/unit_test.hpp>

#include <modelarts/modelarts.hpp>

#include "support/v2_replies.hpp"

using namespace modelarts;
using namespace modelarts::test;
namespace v2 = modelarts::v2;

BOOST_AUTO_TEST_SUITE(v2_training_job)

BOOST_AUTO_TEST_CASE(from_an_id_sends_nothing) {
  ApiTestSession t;
  v2::TrainingJob job(t.session, kJobId);
  BOOST_TEST(job.job_id() == kJobId);
  BOOST_TEST(!job.has_info());
  BOOST_CHECK_THROW(job.info(), InvalidArgumentError);
  BOOST_TEST(t.transport->request_count() == 0u);
}

BOOST_AUTO_TEST_CASE(get_job_info_decodes_the_job_object) {
  ApiTestSession t;
  t.transport->reply(200, v2_job("Running", R"(,"endpoints":{"ssh":{"key_pair_names":["k"]}})"));
  v2::TrainingJobInfo info = v2::TrainingJob(t.session, kJobId).get_job_info();
  HttpRequest r = t.only_request();
  BOOST_TEST(r.method == "GET");
  BOOST_TEST(path_of(r) == v2_path(std::string("training-jobs/") + kJobId));
  BOOST_TEST(info.kind == "job");
  BOOST_TEST(info.metadata.id == kJobId);
  BOOST_TEST(info.metadata.name == "resnet-ci");
  BOOST_TEST(info.metadata.create_time == 1795941000123);
  BOOST_TEST(info.metadata.annotations.at("a") == "b");
  BOOST_TEST((info.status.phase == v2::Phase::running));
  BOOST_TEST(info.status.duration == 95000);  // a numeric string, read leniently
  BOOST_TEST(info.status.tasks.size() == 2u);
  BOOST_TEST(info.status.task_statuses.at(0).exit_code == 1);
  BOOST_TEST(info.algorithm.code_dir == "obs://b/code/");
  BOOST_TEST(info.algorithm.parameters.at(0).value == "3");
  BOOST_TEST(info.algorithm.inputs.at(0).obs_path == "obs://b/data/");
  BOOST_TEST(info.algorithm.outputs.at(0).name == "train_url");
  BOOST_TEST(info.algorithm.engine.engine_name == "PyTorch");
  // Array-of-maps form (docs/service-quirks.md, Q14).
  BOOST_TEST(info.algorithm.environments.at("NCCL_DEBUG") == "WARN");
  BOOST_TEST(info.spec.flavor_id == "modelarts.vm.cpu.8u");
  BOOST_TEST(info.spec.node_count == 2);
  BOOST_TEST(info.spec.log_export_path == "obs://b/logs/");
  BOOST_TEST(info.raw_json.find("key_pair_names") != std::string::npos);  // unknown fields kept
}

BOOST_AUTO_TEST_CASE(every_phase_name_maps_and_unknown_ones_are_kept) {
  for (v2::Phase p : {v2::Phase::creating, v2::Phase::pending, v2::Phase::running, v2::Phase::completed,
                      v2::Phase::failed, v2::Phase::terminating, v2::Phase::terminated, v2::Phase::abnormal})
    BOOST_TEST((v2::phase_from_string(v2::to_string(p)) == p));
  ApiTestSession t;
  t.transport->reply(200, v2_job("Hibernating"));
  v2::TrainingJobInfo info = v2::TrainingJob(t.session, kJobId).get_job_info();
  BOOST_TEST((info.status.phase == v2::Phase::unknown));
  BOOST_TEST(info.status.phase_text == "Hibernating");
  BOOST_TEST(v2::is_terminal(v2::Phase::abnormal));
  BOOST_TEST(!v2::is_terminal(v2::Phase::terminating));
}

BOOST_AUTO_TEST_CASE(v2_error_body_fills_api_error_with_its_solution) {
  ApiTestSession t;
  t.transport->reply(400, R"({"error_msg":"Training job not found.","error_code":"ModelArts.2775","error_solution":"Check the ID."})");
  try {
    v2::TrainingJob(t.session, kJobId).get_job_info();
    BOOST_FAIL("no error");
  } catch (const ApiError& e) {
    BOOST_TEST(e.http_status() == 400);
    BOOST_TEST(e.error_code() == "ModelArts.2775");
    BOOST_TEST(e.error_msg() == "Training job not found.");
    BOOST_TEST(e.error_solution() == "Check the ID.");
    BOOST_TEST((e.kind() == ErrorKind::not_found));  // a 400, but not found by its code
    BOOST_TEST(!e.retryable());
  }
}

BOOST_AUTO_TEST_CASE(update_job_configs_puts_the_description_and_accepts_null) {
  ApiTestSession t;
  t.transport->reply(200, "null");
  v2::TrainingJob(t.session, kJobId).update_job_configs("new words");
  HttpRequest r = t.only_request();
  BOOST_TEST(r.method == "PUT");
  BOOST_TEST(path_of(r) == v2_path(std::string("training-jobs/") + kJobId));
  BOOST_TEST(body_of(r).at("description").as_string() == "new words");
  BOOST_CHECK_THROW(v2::TrainingJob(t.session, kJobId).update_job_configs(std::string(257, 'x')), InvalidArgumentError);
  BOOST_TEST(t.transport->request_count() == 1u);
}

BOOST_AUTO_TEST_CASE(control_job_posts_terminate_and_returns_the_job) {
  ApiTestSession t;
  t.transport->reply(202, v2_job("Terminating"));
  v2::TrainingJobInfo info = v2::TrainingJob::control_job_by_id(t.session, kJobId);
  HttpRequest r = t.only_request();
  BOOST_TEST(r.method == "POST");
  BOOST_TEST(path_of(r) == v2_path(std::string("training-jobs/") + kJobId + "/actions"));
  BOOST_TEST(body_of(r).at("action_type").as_string() == "terminate");
  BOOST_TEST((info.status.phase == v2::Phase::terminating));
}

BOOST_AUTO_TEST_CASE(control_job_refused_on_first_attempt_is_an_error) {
  ApiTestSession t;
  t.transport->reply(409, R"({"error_msg":"not allowed","error_code":"ModelArts.2796"})");
  BOOST_CHECK_THROW(v2::TrainingJob(t.session, kJobId).control_job(), ApiError);
  BOOST_TEST(t.transport->request_count() == 1u);
}

BOOST_AUTO_TEST_CASE(control_job_resent_after_a_lost_reply_adopts_our_terminate) {
  ApiTestSession t(RetryOptions{}.max_attempts(3).initial_backoff(std::chrono::milliseconds(1)));
  t.transport->fail(TransportErrorKind::io, /*request_written=*/true)
      .reply(409, R"({"error_msg":"not allowed","error_code":"ModelArts.2796"})")
      .reply(200, v2_job("Terminated"));
  v2::TrainingJobInfo info = v2::TrainingJob(t.session, kJobId).control_job();
  BOOST_TEST((info.status.phase == v2::Phase::terminated));
  BOOST_TEST(t.transport->request_count() == 3u);
  BOOST_TEST(t.request(2).method == "GET");
}

BOOST_AUTO_TEST_CASE(delete_job_accepts_202_with_an_empty_body) {
  ApiTestSession t;
  t.transport->reply(202, "");
  v2::TrainingJob::delete_job_by_id(t.session, kJobId);
  HttpRequest r = t.only_request();
  BOOST_TEST(r.method == "DELETE");
  BOOST_TEST(path_of(r) == v2_path(std::string("training-jobs/") + kJobId));
}

BOOST_AUTO_TEST_CASE(delete_job_not_found_is_an_error_unless_resent) {
  {
    ApiTestSession t;
    t.transport->reply(400, R"({"error_msg":"gone","error_code":"ModelArts.2775"})");
    BOOST_CHECK_THROW(v2::TrainingJob(t.session, kJobId).delete_job(), ApiError);
  }
  {
    ApiTestSession t(RetryOptions{}.max_attempts(3).initial_backoff(std::chrono::milliseconds(1)));
    t.transport->fail(TransportErrorKind::io, true).reply(400, R"({"error_msg":"gone","error_code":"ModelArts.2775"})");
    v2::TrainingJob(t.session, kJobId).delete_job();  // our first attempt deleted it
    BOOST_TEST(t.transport->request_count() == 2u);
  }
}

BOOST_AUTO_TEST_CASE(get_job_log_reads_the_preview_and_204_is_not_ready) {
  ApiTestSession t;
  t.transport->reply(204, "", {{"Content-Length", "0"}}).reply(200, v2_preview("line\n", 1000));
  v2::TrainingJob job(t.session, kJobId);
  v2::LogPreview first = job.get_job_log();
  BOOST_TEST(!first.ready);
  v2::LogPreview second = job.get_job_log("worker-1");
  BOOST_TEST(second.ready);
  BOOST_TEST(second.content == "line\n");
  BOOST_TEST(second.current_size == 5);
  BOOST_TEST(second.full_size == 1000);
  BOOST_TEST(path_of(t.request(0)) == v2_path(std::string("training-jobs/") + kJobId + "/tasks/worker-0/logs/preview"));
  BOOST_TEST(path_of(t.request(1)) == v2_path(std::string("training-jobs/") + kJobId + "/tasks/worker-1/logs/preview"));
}

BOOST_AUTO_TEST_CASE(get_job_log_understands_the_old_context_key) {
  ApiTestSession t;
  t.transport->reply(200, R"({"context":"old","current_size":3,"full_size":3})");
  BOOST_TEST(v2::TrainingJob(t.session, kJobId).get_job_log().content == "old");
}

BOOST_AUTO_TEST_CASE(get_job_log_url_returns_the_obs_link) {
  ApiTestSession t;
  t.transport->reply(200, R"({"obs_url":"https://b.obs/x.log?Signature=s"})");
  BOOST_TEST(v2::TrainingJob(t.session, kJobId).get_job_log_url() == "https://b.obs/x.log?Signature=s");
  BOOST_TEST(path_of(t.only_request()) == v2_path(std::string("training-jobs/") + kJobId + "/tasks/worker-0/logs/url"));
}

BOOST_AUTO_TEST_CASE(get_job_metrics_reads_series_and_204) {
  ApiTestSession t;
  t.transport->reply(204, "").reply(200, R"({"metrics":[{"metric":"cpuUsage","value":[1.5,-1,"2"]}]})");
  v2::TrainingJob job(t.session, kJobId);
  BOOST_TEST(!job.get_job_metrics().ready);
  v2::Metrics m = job.get_job_metrics("worker-0");
  BOOST_TEST(m.ready);
  BOOST_TEST(m.metrics.at(0).metric == "cpuUsage");
  BOOST_TEST(m.metrics.at(0).value == (std::vector<double>{1.5, -1.0, 2.0}));
  BOOST_TEST(path_of(t.request(1)) == v2_path(std::string("training-jobs/") + kJobId + "/metrics/worker-0"));
}

BOOST_AUTO_TEST_CASE(get_job_events_sends_the_query) {
  ApiTestSession t;
  t.transport->reply(200, R"({"total":"2","limit":10,"offset":0,"order":"asc","events":[)"
                          R"({"time":"2022-11-26T16:03:41+08:00","level":"Info","message":"m","source":"Job"},"junk"]})");
  v2::EventList events = v2::TrainingJob(t.session, kJobId)
                             .get_job_events(v2::EventQuery{}.limit(10).order("asc").level("Info").pattern("m")
                                                 .start_time(1).end_time(2));
  auto q = query_of(t.only_request());
  BOOST_TEST(path_of(t.only_request()) == v2_path(std::string("training-jobs/") + kJobId + "/events"));
  BOOST_TEST(q["limit"] == "10");
  BOOST_TEST(q["order"] == "asc");
  BOOST_TEST(q["start_time"] == "1");
  BOOST_TEST(q["end_time"] == "2");
  BOOST_TEST(q["level"] == "Info");
  BOOST_TEST(events.total == 2);
  BOOST_TEST(events.events.size() == 1u);  // the non-object item is skipped
  BOOST_TEST(events.events[0].source == "Job");
  BOOST_CHECK_THROW(v2::TrainingJob(t.session, kJobId).get_job_events(v2::EventQuery{}.start_time(1)), InvalidArgumentError);
  BOOST_CHECK_THROW(v2::TrainingJob(t.session, kJobId).get_job_events(v2::EventQuery{}.limit(101)), InvalidArgumentError);
}

BOOST_AUTO_TEST_CASE(get_job_list_posts_the_search_body) {
  ApiTestSession t;
  t.transport->reply(200, R"({"total":5,"count":1,"limit":2,"offset":0,"sort_by":"create_time","order":"desc",)"
                          R"("group_by":"","workspace_id":"0","ai_project":"default-ai-project","items":[)" +
                              v2_job("Running") + "]}");
  v2::TrainingJobList list = v2::Estimator::get_job_list(
      t.session, v2::SearchOptions{}.limit(2).order("desc").sort_by("create_time").filter("phase", "in", {"Running"}));
  HttpRequest r = t.only_request();
  BOOST_TEST(r.method == "POST");
  BOOST_TEST(path_of(r) == v2_path("training-job-searches"));
  auto body = body_of(r);
  BOOST_TEST(body.at("offset").as_int64() == 0);
  BOOST_TEST(body.at("limit").as_int64() == 2);
  BOOST_TEST(body.at("filters").at(0).at("operator").as_string() == "in");
  BOOST_TEST(body.at("filters").at(0).at("value").at(0).as_string() == "Running");
  BOOST_TEST(list.total == 5);
  BOOST_TEST(list.count == 1);
  BOOST_TEST(list.ai_project == "default-ai-project");
  BOOST_TEST(list.items.at(0).metadata.id == kJobId);
  BOOST_CHECK_THROW(v2::TrainingJob::get_job_list(t.session, v2::SearchOptions{}.limit(51)), InvalidArgumentError);
}

BOOST_AUTO_TEST_CASE(get_job_object_list_holds_each_job) {
  ApiTestSession t;
  t.transport->reply(200, R"({"total":2,"count":2,"items":[)" + v2_job("Running", "", "id-1") + "," +
                              v2_job("Completed", "", "id-2") + "]}");
  auto jobs = v2::TrainingJob::get_job_object_list(t.session);
  BOOST_TEST(jobs.size() == 2u);
  BOOST_TEST(jobs[1].job_id() == "id-2");
  BOOST_TEST((jobs[1].info().status.phase == v2::Phase::completed));
}

BOOST_AUTO_TEST_CASE(flavors_and_engines) {
  ApiTestSession t;
  t.transport->reply(200, R"({"total_count":1,"flavors":[{"flavor_id":"modelarts.vm.cpu.2u","flavor_name":"2U","max_num":1,)"
                          R"("flavor_type":"CPU","flavor_info":{"cpu":{"arch":"x86","core_num":"2"},"memory":{"size":8,"unit":"GB"},)"
                          R"("disk":{"size":"50","unit":"GB"}}}]})")
      .reply(200, R"({"total":2,"items":[{"engine_id":"e1","engine_name":"PyTorch","engine_version":"pt-1.8",)"
                  R"("v1_compatible":false,"run_user":"1102","image_info":{"cpu_image_url":"c"}},"......"]})");
  auto flavors = v2::Estimator::get_train_instance_types(t.session, "CPU");
  BOOST_TEST(query_of(t.request(0))["flavor_type"] == "CPU");
  BOOST_TEST(path_of(t.request(0)) == v2_path("training-job-flavors"));
  BOOST_TEST(flavors.at(0).flavor_id == "modelarts.vm.cpu.2u");
  BOOST_TEST(flavors.at(0).cpu_core_num == 2);
  BOOST_TEST(flavors.at(0).disk_size == 50);
  auto engines = v2::Estimator::get_framework_list(t.session);
  BOOST_TEST(path_of(t.request(1)) == v2_path("training-job-engines"));
  BOOST_TEST(engines.size() == 1u);  // the documented bare string is skipped (docs/service-quirks.md, Q17)
  BOOST_TEST(engines.at(0).engine_name == "PyTorch");
  BOOST_TEST(engines.at(0).cpu_image_url == "c");
  BOOST_CHECK_THROW(v2::Estimator::get_train_instance_types(t.session, "TPU"), InvalidArgumentError);
}

BOOST_AUTO_TEST_CASE(path_tricks_in_ids_stay_one_segment) {
  ApiTestSession t;
  t.transport->reply(200, v2_job("Running"));
  v2::TrainingJob(t.session, "a?..#b").get_job_info();
  BOOST_TEST(path_of(t.only_request()) == v2_path("training-jobs/a%3F..%23b"));
  // No ModelArts ID holds '/': refused before anything is sent, as in v1.
  BOOST_CHECK_THROW(v2::TrainingJob(t.session, "a/../b").get_job_info(), InvalidArgumentError);
  BOOST_CHECK_THROW(v2::TrainingJob(t.session, "").get_job_info(), InvalidArgumentError);
  BOOST_TEST(t.transport->requests().size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
