// SPDX-License-Identifier: Apache-2.0
// v2 TrainingJob::wait with a FakeClock: terminal phases, failures returned, the deadline, cancellation,
// transient errors, and stall detection (no phase change and no new log bytes).
#include <boost/test/unit_test.hpp>

#include <modelarts/modelarts.hpp>

#include "support/v2_replies.hpp"

using namespace modelarts;
using namespace modelarts::test;
namespace v2 = modelarts::v2;
using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

struct WaitSession : ApiTestSession {
  WaitSession() : ApiTestSession(RetryOptions{}.max_attempts(1)) {}
};

v2::WaitOptions quick() {
  return v2::WaitOptions{}.initial_interval(seconds(1)).factor(2.0).max_interval(seconds(4)).timeout(seconds(60));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(v2_wait)

BOOST_AUTO_TEST_CASE(polls_with_growing_intervals_until_completed) {
  WaitSession t;
  for (const char* p : {"Creating", "Pending", "Running", "Running", "Completed"}) t.transport->reply(200, v2_job(p));
  std::vector<std::string> seen;
  v2::TrainingJobInfo done = v2::TrainingJob(t.session, kJobId).wait(quick().on_progress([&](const v2::TrainingJobInfo& i) {
    seen.push_back(i.status.phase_text);
  }));
  BOOST_TEST(v2::succeeded(done));
  BOOST_TEST(seen == (std::vector<std::string>{"Creating", "Pending", "Running", "Running", "Completed"}));
  BOOST_TEST(t.clock->sleeps() == (std::vector<milliseconds>{seconds(1), seconds(2), seconds(4), seconds(4)}));
}

BOOST_AUTO_TEST_CASE(failed_terminated_and_abnormal_are_returned) {
  for (const char* end : {"Failed", "Terminated", "Abnormal"}) {
    WaitSession t;
    t.transport->reply(200, v2_job("Running")).reply(200, v2_job(end));
    v2::TrainingJobInfo done = v2::TrainingJob(t.session, kJobId).wait(quick());
    BOOST_TEST(done.status.phase_text == end);
    BOOST_TEST(!v2::succeeded(done));
  }
}

BOOST_AUTO_TEST_CASE(transient_errors_are_ridden_through_and_not_found_is_thrown) {
  WaitSession t;
  t.transport->reply(503, R"({"error_msg":"busy","error_code":"ModelArts.2950"})")
      .reply(429, R"({"error_msg":"slow down","error_code":"ModelArts.2799"})")
      .fail(TransportErrorKind::connect, false)
      .reply(200, v2_job("Completed"));
  BOOST_TEST(v2::succeeded(v2::TrainingJob(t.session, kJobId).wait(quick())));
  WaitSession gone;
  gone.transport->reply(400, R"({"error_msg":"gone","error_code":"ModelArts.2775"})");
  BOOST_CHECK_THROW(v2::TrainingJob(gone.session, kJobId).wait(quick()), ApiError);
}

BOOST_AUTO_TEST_CASE(deadline_throws_wait_timeout) {
  WaitSession t;
  t.transport->set_fallback([](const HttpRequest&) { return HttpResponse{200, {}, v2_job("Pending")}; });
  BOOST_CHECK_THROW(v2::TrainingJob(t.session, kJobId).wait(quick().timeout(seconds(10))), WaitTimeoutError);
}

BOOST_AUTO_TEST_CASE(cancellation_stops_the_wait) {
  WaitSession t;
  t.transport->set_fallback([](const HttpRequest&) { return HttpResponse{200, {}, v2_job("Running")}; });
  int asked = 0;
  BOOST_CHECK_THROW(v2::TrainingJob(t.session, kJobId).wait(quick().cancelled([&] { return ++asked == 3; })),
                    v2::WaitCancelledError);
  BOOST_TEST(asked == 3);
}

BOOST_AUTO_TEST_CASE(a_stalled_job_throws_without_a_callback) {
  WaitSession t;
  // Running, and the log never grows past 100 bytes.
  t.transport->set_fallback([](const HttpRequest& r) {
    if (r.target.find("/logs/preview") != std::string::npos) return HttpResponse{200, {}, v2_preview("x", 100)};
    return HttpResponse{200, {}, v2_job("Running")};
  });
  try {
    v2::TrainingJob(t.session, kJobId).wait(quick().stall_timeout(seconds(15)));
    BOOST_FAIL("no stall reported");
  } catch (const v2::JobStalledError& e) {
    BOOST_TEST((e.last_phase() == v2::Phase::running));
  }
  BOOST_TEST(t.clock->sleeps().size() >= 4u);
}

BOOST_AUTO_TEST_CASE(a_growing_log_is_not_a_stall) {
  WaitSession t;
  std::int64_t size = 0;
  int polls = 0;
  t.transport->set_fallback([&](const HttpRequest& r) {
    if (r.target.find("/logs/preview") != std::string::npos) {
      size += 10;
      return HttpResponse{200, {}, v2_preview("0123456789", size)};
    }
    return HttpResponse{200, {}, v2_job(++polls > 12 ? "Completed" : "Running")};
  });
  v2::TrainingJobInfo done = v2::TrainingJob(t.session, kJobId).wait(quick().stall_timeout(seconds(5)));
  BOOST_TEST(v2::succeeded(done));
}

BOOST_AUTO_TEST_CASE(the_stall_callback_is_called_once_per_stall_and_waiting_goes_on) {
  WaitSession t;
  int polls = 0;
  t.transport->set_fallback([&](const HttpRequest& r) {
    if (r.target.find("/logs/preview") != std::string::npos) return HttpResponse{204, {}, ""};
    return HttpResponse{200, {}, v2_job(++polls > 20 ? "Completed" : "Pending")};
  });
  std::vector<milliseconds> stalls;
  v2::TrainingJobInfo done = v2::TrainingJob(t.session, kJobId)
                                 .wait(quick().timeout(seconds(600)).stall_timeout(seconds(10)).on_stall(
                                     [&](const v2::TrainingJobInfo&, milliseconds quiet) { stalls.push_back(quiet); }));
  BOOST_TEST(v2::succeeded(done));
  BOOST_TEST(stalls.size() == 1u);
  BOOST_TEST((stalls.at(0) >= seconds(10)));
  // Pending: the log is not read (it cannot grow before the job runs).
  for (const HttpRequest& r : t.transport->requests()) BOOST_TEST(r.target.find("/logs/") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_options_are_refused) {
  WaitSession t;
  BOOST_CHECK_THROW(v2::TrainingJob(t.session, kJobId).wait(quick().factor(0.5)), InvalidArgumentError);
  BOOST_CHECK_THROW(v2::TrainingJob(t.session, kJobId).wait(quick().stall_timeout(milliseconds(-1))), InvalidArgumentError);
  BOOST_TEST(t.transport->request_count() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
