// SPDX-License-Identifier: Apache-2.0
// Retry loop: which failures are retried, backoff bounds, Retry-After, max_total, re-signing per attempt.
#include <chrono>
#include <memory>
#include <string>

#include <boost/test/unit_test.hpp>

#include <modelarts/error.hpp>
#include <modelarts/session.hpp>

#include "detail/api_call.hpp"
#include "detail/retry_policy.hpp"
#include "support/fake_transport.hpp"

using namespace modelarts;
using namespace std::chrono_literals;
using modelarts::test::FakeClock;
using modelarts::test::FakeTransport;

namespace {

struct Fixture {
  std::shared_ptr<FakeTransport> transport = std::make_shared<FakeTransport>();
  std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>();
  SessionOptions options = modelarts::test::fake_session_options(transport, clock);

  Session session(RetryOptions retry = RetryOptions{}) { return Session(SessionOptions(options).retry(retry)); }
};

detail::ApiCall get_call() {
  detail::ApiCall call;
  call.method = "GET";
  call.segments = {"v1", "0123456789abcdef0123456789abcdef", "training-jobs"};
  return call;
}

detail::ApiCall post_call() {
  detail::ApiCall call = get_call();
  call.method = "POST";
  call.body = R"({"job_name":"x"})";
  return call;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(retry)

BOOST_AUTO_TEST_CASE(two_503_then_200_sleeps_within_backoff_bounds) {
  Fixture f;
  f.transport->reply(503, "{}").reply(503, "{}").reply(200, R"({"is_success":true})");
  auto result = detail::try_call(f.session(RetryOptions{}.initial_backoff(100ms)), get_call());
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(result.value().attempts.count() == 3);
  BOOST_TEST(f.transport->request_count() == 3u);
  const auto sleeps = f.clock->sleeps();
  BOOST_REQUIRE_EQUAL(sleeps.size(), 2u);
  BOOST_TEST(sleeps[0].count() >= 80);
  BOOST_TEST(sleeps[0].count() <= 120);
  BOOST_TEST(sleeps[1].count() >= 160);
  BOOST_TEST(sleeps[1].count() <= 240);
}

BOOST_AUTO_TEST_CASE(every_retryable_status_is_retried_for_get) {
  for (int status : {408, 429, 500, 502, 503, 504}) {
    Fixture f;
    f.transport->reply(status, "{}").reply(200, "{}");
    auto result = detail::try_call(f.session(), get_call());
    BOOST_TEST_CONTEXT("status " << status) {
      BOOST_TEST(result.ok());
      BOOST_TEST(f.transport->request_count() == 2u);
    }
  }
  for (int status : {400, 401, 403, 404, 501}) {
    Fixture f;
    f.transport->reply(status, R"({"error_code":"X","error_msg":"no"})").reply(200, "{}");
    auto result = detail::try_call(f.session(), get_call());
    BOOST_TEST_CONTEXT("status " << status) {
      BOOST_TEST(!result.ok());
      BOOST_TEST(f.transport->request_count() == 1u);
    }
  }
}

BOOST_AUTO_TEST_CASE(retry_after_seconds_and_http_date_are_honoured) {
  Fixture f;
  f.transport->reply(429, "{}", {{"Retry-After", "7"}}).reply(200, "{}");
  BOOST_REQUIRE(detail::try_call(f.session(), get_call()).ok());
  BOOST_REQUIRE_EQUAL(f.clock->sleeps().size(), 1u);
  BOOST_TEST(f.clock->sleeps()[0].count() == 7000);

  Fixture g;  // FakeClock starts at 2024-01-15 09:30:00 UTC (a Monday)
  g.transport->reply(503, "{}", {{"Retry-After", "Mon, 15 Jan 2024 09:30:03 GMT"}}).reply(200, "{}");
  BOOST_REQUIRE(detail::try_call(g.session(), get_call()).ok());
  BOOST_REQUIRE_EQUAL(g.clock->sleeps().size(), 1u);
  BOOST_TEST(g.clock->sleeps()[0].count() == 3000);
}

BOOST_AUTO_TEST_CASE(post_not_resent_once_written) {
  Fixture f;
  f.transport->fail(TransportErrorKind::io, /*request_written=*/true).reply(200, "{}");
  auto result = detail::try_call(f.session(), post_call());
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(static_cast<int>(result.error().category) == static_cast<int>(detail::ErrorCategory::transport));
  BOOST_TEST(static_cast<int>(result.error().transport_kind) == static_cast<int>(TransportErrorKind::io));
  BOOST_TEST(f.transport->request_count() == 1u);
  // nor after a 500, 502 or 504: the service (or the gateway's upstream) may have acted on it
  for (int status : {500, 502, 504}) {
    Fixture g;
    g.transport->reply(status, "{}").reply(200, "{}");
    BOOST_TEST(!detail::try_call(g.session(), post_call()).ok());
    BOOST_TEST(g.transport->request_count() == 1u);
  }
  // but after a 408, 429 or 503, which say the request was refused before it took effect
  for (int status : {408, 429, 503}) {
    Fixture g;
    g.transport->reply(status, "{}").reply(200, "{}");
    BOOST_TEST(detail::try_call(g.session(), post_call()).ok());
    BOOST_TEST(g.transport->request_count() == 2u);
  }
}

// Retry-After in each HTTP-date form (RFC 9110: IMF-fixdate, RFC 850, asctime) and in seconds.
BOOST_AUTO_TEST_CASE(retry_after_in_every_http_date_form) {
  // FakeClock starts at Mon, 15 Jan 2024 09:30:00 GMT.
  for (const char* value : {"Mon, 15 Jan 2024 09:30:30 GMT", "Monday, 15-Jan-24 09:30:30 GMT", "Mon Jan 15 09:30:30 2024",
                            "30", " 30 "}) {
    BOOST_TEST_CONTEXT(value) {
      Fixture f;
      f.transport->reply(429, "{}", {{"Retry-After", value}}).reply(200, "{}");
      BOOST_REQUIRE(detail::try_call(f.session(), get_call()).ok());
      BOOST_REQUIRE_EQUAL(f.clock->sleeps().size(), 1u);
      BOOST_TEST(f.clock->sleeps()[0].count() == 30000);
    }
  }
  // A past date means no wait; asctime pads one-digit days with a space.
  for (const char* value : {"Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"}) {
    BOOST_TEST_CONTEXT(value) {
      Fixture f;
      f.transport->reply(503, "{}", {{"Retry-After", value}}).reply(200, "{}");
      BOOST_REQUIRE(detail::try_call(f.session(), get_call()).ok());
      BOOST_TEST(f.clock->sleeps().empty());  // retried at once, not after a backoff
      BOOST_TEST(f.transport->request_count() == 2u);
    }
  }
  const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1705311000));
  BOOST_TEST(!detail::parse_retry_after("Mon, 15 Jan 2024 09:30:30 UTC", now).has_value());
  BOOST_TEST(!detail::parse_retry_after("Monday, 15-Foo-24 09:30:30 GMT", now).has_value());
  BOOST_TEST(!detail::parse_retry_after("soon", now).has_value());
  // An RFC 850 year more than 50 years ahead is in the past century.
  BOOST_TEST(detail::parse_retry_after("Friday, 15-Jan-99 09:30:30 GMT", now).value().count() == 0);
}

BOOST_AUTO_TEST_CASE(a_retry_after_beyond_max_total_ends_the_call) {
  Fixture f;
  f.transport->reply(429, R"({"error_code":"APIGW.0308","error_msg":"throttled"})", {{"Retry-After", "Mon Jan 15 10:30:00 2024"}})
      .reply(200, "{}");
  auto result = detail::try_call(f.session(RetryOptions{}.max_total(std::chrono::minutes(3))), get_call());
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(result.error().api.http_status == 429);
  BOOST_TEST(f.transport->request_count() == 1u);
  BOOST_TEST(f.clock->sleeps().empty());
}

// Each attempt carries what is left of max_total, so the transport cuts a running attempt.
BOOST_AUTO_TEST_CASE(each_attempt_carries_what_is_left_of_max_total) {
  Fixture f;
  f.transport->reply(503, "{}", {{"Retry-After", "2"}}).reply(200, "{}");
  BOOST_REQUIRE(detail::try_call(f.session(RetryOptions{}.max_total(5s)), get_call()).ok());
  const auto requests = f.transport->requests();
  BOOST_REQUIRE(requests.size() == 2u);
  BOOST_TEST(requests[0].time_budget.count() == 5000);
  BOOST_TEST(requests[1].time_budget.count() == 3000);
}

BOOST_AUTO_TEST_CASE(the_attempt_record_says_what_became_of_each_attempt) {
  Fixture f;
  f.transport->reply(429, R"({"error_code":"APIGW.0308","error_msg":"throttled"})", {{"Retry-After", "0"}})
      .fail(TransportErrorKind::io, BytesWritten::partial)
      .fail(TransportErrorKind::timeout, BytesWritten::all)
      .reply(404, R"({"error_code":"ModelArts.0102","error_msg":"gone"})");
  auto result = detail::try_call(f.session(), get_call());
  BOOST_REQUIRE(!result.ok());
  const detail::AttemptLog& log = result.error().attempts;
  BOOST_REQUIRE(log.count() == 4);
  BOOST_TEST(log[0].status == 429);
  BOOST_TEST(log[0].error_code == "APIGW.0308");
  BOOST_TEST((detail::fate_of(log[0]) == detail::Fate::not_applied));
  BOOST_TEST((log[1].written == BytesWritten::partial));
  BOOST_TEST((detail::fate_of(log[1]) == detail::Fate::unknown));
  BOOST_TEST((log[2].failure == TransportErrorKind::timeout));
  BOOST_TEST(log[3].status == 404);
  BOOST_TEST(log[3].error_code == "ModelArts.0102");
  BOOST_TEST(log.earlier_may_have_applied());
}

BOOST_AUTO_TEST_CASE(post_resent_when_never_written) {
  Fixture f;
  f.transport->fail(TransportErrorKind::connect, /*request_written=*/false).reply(200, R"({"job_id":1})");
  auto result = detail::try_call(f.session(), post_call());
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(result.value().attempts.count() == 2);
  BOOST_TEST(f.transport->request_count() == 2u);
  BOOST_TEST(f.transport->requests()[1].body == post_call().body);
}

BOOST_AUTO_TEST_CASE(get_retried_on_io_failure_after_write) {
  Fixture f;
  f.transport->fail(TransportErrorKind::io, true).fail(TransportErrorKind::timeout, true).reply(200, "{}");
  auto result = detail::try_call(f.session(), get_call());
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(result.value().attempts.count() == 3);
}

BOOST_AUTO_TEST_CASE(max_attempts_bounds_the_loop) {
  Fixture f;
  for (int i = 0; i < 10; ++i) f.transport->reply(503, R"({"error_code":"APIGW.0503","error_msg":"busy"})");
  auto result = detail::try_call(f.session(RetryOptions{}.max_attempts(3)), get_call());
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(f.transport->request_count() == 3u);
  BOOST_TEST(result.error().api.http_status == 503);
  BOOST_TEST(result.error().attempts.count() == 3);
  Fixture g;
  g.transport->reply(503, "{}").reply(200, "{}");
  BOOST_TEST(!detail::try_call(g.session(RetryOptions{}.max_attempts(1)), get_call()).ok());
  BOOST_TEST(g.transport->request_count() == 1u);
}

BOOST_AUTO_TEST_CASE(max_total_is_respected) {
  Fixture f;
  for (int i = 0; i < 20; ++i) f.transport->fail(TransportErrorKind::connect, false);
  const auto retry = RetryOptions{}.max_attempts(20).initial_backoff(1s).max_backoff(10s).max_total(5s);
  const auto start = f.clock->now();
  auto result = detail::try_call(f.session(retry), get_call());
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(static_cast<int>(result.error().transport_kind) == static_cast<int>(TransportErrorKind::connect));
  BOOST_TEST((f.clock->now() - start <= 5s));
  BOOST_TEST(f.transport->request_count() < 20u);
  BOOST_TEST(f.transport->request_count() >= 2u);  // 1 s (+-20%) and 2 s fit; 4 s more does not
  BOOST_TEST(f.transport->request_count() <= 3u);
}

BOOST_AUTO_TEST_CASE(every_attempt_is_signed_with_a_fresh_date) {
  Fixture f;
  f.transport->reply(503, "{}").reply(502, "{}").reply(200, "{}");
  BOOST_REQUIRE(detail::try_call(f.session(RetryOptions{}.initial_backoff(2s)), get_call()).ok());
  const auto requests = f.transport->requests();
  BOOST_REQUIRE_EQUAL(requests.size(), 3u);
  std::string dates[3];
  std::string signatures[3];
  for (int i = 0; i < 3; ++i) {
    dates[i] = std::string(find_header(requests[static_cast<std::size_t>(i)].headers, "X-Sdk-Date"));
    signatures[i] = std::string(find_header(requests[static_cast<std::size_t>(i)].headers, "Authorization"));
  }
  BOOST_TEST(dates[0] == "20240115T093000Z");
  BOOST_TEST(dates[1] != dates[0]);
  BOOST_TEST(dates[2] != dates[1]);
  BOOST_TEST(signatures[1] != signatures[0]);
  BOOST_TEST(signatures[2] != signatures[1]);
}

BOOST_AUTO_TEST_CASE(backoff_grows_and_caps) {
  const auto retry = RetryOptions{}.initial_backoff(100ms).max_backoff(1s);
  BOOST_TEST(detail::backoff_delay(retry, 1, 1.0).count() == 100);
  BOOST_TEST(detail::backoff_delay(retry, 2, 1.0).count() == 200);
  BOOST_TEST(detail::backoff_delay(retry, 4, 1.0).count() == 800);
  BOOST_TEST(detail::backoff_delay(retry, 5, 1.0).count() == 1000);
  BOOST_TEST(detail::backoff_delay(retry, 60, 1.2).count() == 1200);
  for (int i = 0; i < 1000; ++i) {
    const double jitter = detail::random_jitter();
    BOOST_TEST((jitter >= 0.8 && jitter <= 1.2));
  }
  const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1705311000));
  BOOST_TEST(!detail::parse_retry_after("soon", now).has_value());
  BOOST_TEST(!detail::parse_retry_after("", now).has_value());
  BOOST_TEST(detail::parse_retry_after("Mon, 15 Jan 2024 09:00:00 GMT", now)->count() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
