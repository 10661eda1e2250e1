// SPDX-License-Identifier: Apache-2.0
// Unit-test your own code against scripted replies, with no service, socket or real sleep: the test seam
// <modelarts/testing/fake_transport.hpp>. The "code under test" here is a small function of the kind a user
// writes: it stops a training job's version and waits until the service reports it stopped. The test scripts
// what the service says (including a throttled answer that the SDK must retry), runs the function, and then
// checks the requests it sent. Any test framework works the same way; this one is a plain main().
//
// Usage: unit_test_with_fake_transport   (exit 0 when every check passes; it ignores the environment)
#include <iostream>
#include <memory>
#include <string>

#include <modelarts/modelarts.hpp>
#include <modelarts/testing/fake_transport.hpp>

namespace ma = modelarts;

namespace {

// The code under test: stop a version and wait until the service shows it stopped (or failed).
ma::JobStatus stop_and_wait(const ma::Session& session, const std::string& job_id, const std::string& version_id) {
  const ma::TrainingJob version(session, job_id, version_id);
  version.stop_job_version();
  return version.wait(ma::WaitOptions{}.initial_interval(std::chrono::seconds(5))).status;
}

int failures = 0;
void check(bool ok, const std::string& what) {
  std::cout << (ok ? "ok   " : "FAIL ") << what << '\n';
  if (!ok) ++failures;
}

}  // namespace

int main() {
  auto transport = std::make_shared<ma::testing::FakeTransport>();
  auto clock = std::make_shared<ma::testing::FakeClock>();  // waits and backoff take no real time
  const ma::Session session(ma::testing::fake_session_options(transport, clock));

  // What the service answers, in order: the stop, a throttled poll (429: the SDK retries it), then two polls.
  transport->reply(200, R"({"is_success":true})")
      .reply(429, R"({"error_code":"ModelArts.0002","error_msg":"too many requests"})")
      .reply(200, R"({"is_success":true,"job_id":10,"version_id":11,"status":9})")    // killing
      .reply(200, R"({"is_success":true,"job_id":10,"version_id":11,"status":12})");  // killed

  try {
    const ma::JobStatus status = stop_and_wait(session, "10", "11");
    check(status == ma::JobStatus::killed, "the function returns the stopped status");
  } catch (const ma::Error& e) {
    check(false, std::string("no exception: ") + e.what());
  }

  const auto requests = transport->requests();
  check(requests.size() == 4, "four requests: stop, the throttled poll, its retry, the last poll");
  if (requests.size() == 4) {
    check(requests[0].method == "POST" && requests[0].target.find("/training-jobs/10/versions/11/stop") !=
                                              std::string::npos,
          "the first request stops version 11 of job 10");
    check(requests[3].method == "GET", "the polls are GETs");
  }
  check(!clock->sleeps().empty(), "the waits ran on the fake clock");
  std::cout << (failures == 0 ? "all checks passed" : "some checks failed") << '\n';
  return failures == 0 ? 0 : 1;
}
