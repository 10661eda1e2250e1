// SPDX-License-Identifier: Apache-2.0
// TrainingJob::wait with a FakeClock: growing intervals, progress per poll, terminal and failed statuses,
// the deadline, and transient errors ridden through; VisualizationJob::wait on the same loop (until running, or
// until ended).
#include <boost/test/unit_test.hpp>

#include <modelarts/modelarts.hpp>

#include "support/api_test_session.hpp"

using namespace modelarts;
using namespace modelarts::test;
using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

/// One attempt per call, so each scripted failure reaches wait() instead of the pipeline's retry.
struct WaitSession : ApiTestSession {
  WaitSession() : ApiTestSession(RetryOptions{}.max_attempts(1)) {}
};

std::string version(int status) {
  return R"({"is_success":true,"job_id":10,"version_id":3,"status":)" + std::to_string(status) + "}";
}

WaitOptions quick() {
  return WaitOptions{}.initial_interval(seconds(1)).factor(2.0).max_interval(seconds(4)).timeout(seconds(60));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(api_wait)

BOOST_AUTO_TEST_CASE(polls_with_growing_intervals_until_completed) {
  WaitSession t;
  for (int s : {1, 7, 8, 8, 8, 10}) t.transport->reply(200, version(s));
  std::vector<int> progress;
  JobInfo done = TrainingJob(t.session, "10", "3").wait(quick().on_progress([&](const JobInfo& i) { progress.push_back(i.status_code()); }));
  BOOST_TEST(done.status_code() == 10);
  BOOST_TEST(progress == (std::vector<int>{1, 7, 8, 8, 8, 10}));
  BOOST_TEST(t.clock->sleeps() == (std::vector<milliseconds>{seconds(1), seconds(2), seconds(4), seconds(4), seconds(4)}));
  for (const HttpRequest& r : t.transport->requests()) {
    BOOST_TEST(r.method == "GET");
    BOOST_TEST(path_of(r) == v1("training-jobs/10/versions/3"));
  }
}

BOOST_AUTO_TEST_CASE(a_failed_job_is_returned_not_thrown) {
  WaitSession t;
  t.transport->reply(200, version(8)).reply(200, version(11));
  JobInfo done = TrainingJob(t.session, "10", "3").wait(quick());
  BOOST_TEST(done.status_code() == 11);
  BOOST_TEST(is_failed_status(done.status));
}

BOOST_AUTO_TEST_CASE(the_deadline_throws_wait_timeout_with_the_last_status) {
  WaitSession t;
  t.transport->set_fallback([](const HttpRequest&) -> TransportResult {
    return HttpResponse{200, {}, version(8)};
  });
  auto start = t.clock->now();
  try {
    TrainingJob(t.session, "10", "3").wait(quick().timeout(seconds(10)));
    BOOST_FAIL("expected WaitTimeoutError");
  } catch (const WaitTimeoutError& e) {
    BOOST_TEST(e.last_status() == 8);
    BOOST_TEST(std::string(e.what()).find("JOBSTAT_RUNNING") != std::string::npos);
  }
  BOOST_TEST((t.clock->now() - start == seconds(10)));  // slept exactly up to the deadline, not past it
  BOOST_TEST(t.clock->sleeps().back().count() == 3000);  // 1 + 2 + 4 = 7 s, then the remaining 3 s
}

BOOST_AUTO_TEST_CASE(transient_errors_are_ridden_through) {
  WaitSession t;
  t.transport->reply(200, version(8));
  t.transport->reply(503, R"({"error_code":"ModelArts.0010","error_message":"busy"})");
  t.transport->fail(TransportErrorKind::connect, false);
  t.transport->reply(429, R"({"error_code":"ModelArts.0114","error_message":"slow down"})", {{"Retry-After", "1"}});
  t.transport->reply(408, R"({"error_code":"APIGW.0408","error_msg":"request timeout"})");
  t.transport->reply(200, version(10));
  int polls = 0;
  JobInfo done = TrainingJob(t.session, "10", "3").wait(quick().on_progress([&](const JobInfo&) { ++polls; }));
  BOOST_TEST(done.status_code() == 10);
  BOOST_TEST(polls == 2);  // progress only for the polls that answered
  BOOST_TEST(t.transport->request_count() == 6u);
}

// wait() and the retry loop share one rule of what is transient: 408 is (wait() used to stop on it),
// a 501 or a reply that is not JSON is not (wait() used to poll on through them).
BOOST_AUTO_TEST_CASE(wait_and_the_retry_loop_agree_on_what_is_transient) {
  for (const auto& [status, body] : {std::pair{501, R"({"error_code":"APIGW.0501","error_msg":"not implemented"})"},
                                     std::pair{200, "<html>gateway</html>"}}) {
    BOOST_TEST_CONTEXT("reply " << status) {
      WaitSession t;
      t.transport->reply(status, body);
      BOOST_CHECK_THROW(TrainingJob(t.session, "10", "3").wait(quick()), Error);
      BOOST_TEST(t.transport->request_count() == 1u);
      BOOST_TEST(t.clock->sleeps().empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(a_permanent_error_stops_waiting_at_once) {
  WaitSession t;
  t.transport->reply(400, R"({"is_success":false,"error_code":"ModelArts.0102","error_message":"no such version"})");
  try {
    TrainingJob(t.session, "10", "3").wait(quick());
    BOOST_FAIL("expected ApiError");
  } catch (const ApiError& e) {
    BOOST_TEST(e.error_code() == "ModelArts.0102");
  }
  BOOST_TEST(t.clock->sleeps().empty());
}

BOOST_AUTO_TEST_CASE(a_timeout_while_failing_says_why) {
  WaitSession t;
  t.transport->set_fallback([](const HttpRequest&) -> TransportResult {
    return TransportFailure{TransportErrorKind::connect, BytesWritten::none, "refused"};
  });
  BOOST_CHECK_THROW(TrainingJob(t.session, "10", "3").wait(quick().timeout(seconds(5))), WaitTimeoutError);
}

BOOST_AUTO_TEST_CASE(bad_wait_options_are_refused) {
  WaitSession t;
  BOOST_CHECK_THROW(TrainingJob(t.session, "10", "3").wait(WaitOptions{}.initial_interval(milliseconds(0))),
                    InvalidArgumentError);
  BOOST_CHECK_THROW(TrainingJob(t.session, "10", "3").wait(WaitOptions{}.factor(0.5)), InvalidArgumentError);
  BOOST_TEST(t.transport->request_count() == 0u);
}

BOOST_AUTO_TEST_CASE(a_visualization_job_waits_until_running_on_the_same_loop) {
  WaitSession t;
  const auto visualization = [](int status) {
    return R"({"is_success":true,"job_id":197,"job_name":"vis","status":)" + std::to_string(status) + "}";
  };
  t.transport->reply(200, visualization(1));
  t.transport->reply(503, R"({"error_code":"ModelArts.0010","error_message":"busy"})");
  t.transport->reply(200, visualization(7));
  t.transport->reply(200, visualization(8));
  std::vector<int> progress;
  VisualizationJobInfo running = VisualizationJob(t.session, "197").wait(
      VisualizationWaitOptions{}.initial_interval(seconds(1)).factor(2.0).max_interval(seconds(4)).on_progress(
          [&](const VisualizationJobInfo& i) { progress.push_back(i.status_code()); }));
  BOOST_TEST(running.status_code() == 8);
  BOOST_TEST(progress == (std::vector<int>{1, 7, 8}));
  BOOST_TEST(t.clock->sleeps() == (std::vector<milliseconds>{seconds(1), seconds(2), seconds(4)}));
  for (const HttpRequest& r : t.transport->requests()) BOOST_TEST(path_of(r) == v1("visualization-jobs/197"));
}

BOOST_AUTO_TEST_CASE(a_visualization_job_waited_until_ended_polls_past_running) {
  WaitSession t;
  const auto visualization = [](int status) {
    return R"({"is_success":true,"job_id":197,"job_name":"vis","status":)" + std::to_string(status) + "}";
  };
  for (int status : {8, 8, 10}) t.transport->reply(200, visualization(status));
  std::vector<int> progress;
  VisualizationJobInfo ended = VisualizationJob(t.session, "197").wait(
      VisualizationWaitOptions{}.initial_interval(seconds(1)).on_progress(
          [&](const VisualizationJobInfo& i) { progress.push_back(i.status_code()); }),
      VisualizationWaitGoal::ended);
  BOOST_TEST(ended.status_code() == 10);
  BOOST_TEST(progress == (std::vector<int>{8, 8, 10}));
}

BOOST_AUTO_TEST_CASE(a_visualization_job_that_never_starts_times_out_with_its_status) {
  WaitSession t;
  t.transport->set_fallback([](const HttpRequest&) -> TransportResult {
    return HttpResponse{200, {}, R"({"is_success":true,"job_id":197,"status":7})"};
  });
  try {
    VisualizationJob(t.session, "197").wait(VisualizationWaitOptions{}.initial_interval(seconds(1)).timeout(seconds(5)));
    BOOST_FAIL("expected WaitTimeoutError");
  } catch (const WaitTimeoutError& e) {
    BOOST_TEST(e.last_status() == 7);
    BOOST_TEST(std::string(e.what()).find("visualization job 197") != std::string::npos);
  }
  BOOST_CHECK_THROW(VisualizationJob(t.session, "197").wait(VisualizationWaitOptions{}.factor(0.5)),
                    InvalidArgumentError);
}

BOOST_AUTO_TEST_SUITE_END()
