// SPDX-License-Identifier: Apache-2.0
// The pipeline's request shape: encoded segments, base path, headers, and redacted logging.
#include <atomic>
#include <chrono>
#include <thread>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include <modelarts/error.hpp>
#include <modelarts/session.hpp>

#include "detail/api_call.hpp"
#include "support/fake_transport.hpp"

using namespace modelarts;
using modelarts::test::FakeClock;
using modelarts::test::FakeTransport;

namespace {

constexpr const char* kProject = "0123456789abcdef0123456789abcdef";

struct Fixture {
  std::shared_ptr<FakeTransport> transport = std::make_shared<FakeTransport>();
  std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>();
  SessionOptions options = modelarts::test::fake_session_options(transport, clock);
};

detail::ApiCall delete_job(std::string id) {
  detail::ApiCall call;
  call.method = "DELETE";
  call.segments = {"v1", kProject, "visualization-jobs", std::move(id)};
  return call;
}

std::size_t count_segments(const std::string& target) {
  const std::string path = target.substr(0, target.find('?'));
  std::size_t count = 0;
  for (char c : path) count += c == '/' ? 1 : 0;
  return count;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pipeline)

BOOST_AUTO_TEST_CASE(hostile_ids_stay_in_one_segment) {
  struct Case {
    std::string id;
    std::string wire;
  };
  const Case cases[] = {
      {"%2F", "%252F"},
      {"my job 1", "my%20job%201"},
      {"作业", "%E4%BD%9C%E4%B8%9A"},
      {"a?b#c", "a%3Fb%23c"},
      {"...", "..."},
      {std::string(10 * 1024, 'z'), std::string(10 * 1024, 'z')},
  };
  for (const Case& c : cases) {
    Fixture f;
    f.transport->reply(200, R"({"is_success":true})");
    BOOST_TEST_CONTEXT("id " << c.id.substr(0, 20)) {
      auto result = detail::try_call(Session(f.options), delete_job(c.id));
      BOOST_REQUIRE(result.ok());
      const auto request = f.transport->requests().at(0);
      BOOST_TEST(request.target == std::string("/v1/") + kProject + "/visualization-jobs/" + c.wire);
      BOOST_TEST(count_segments(request.target) == 4u);
      BOOST_TEST(request.method == "DELETE");
    }
  }
}

BOOST_AUTO_TEST_CASE(empty_dot_and_dotdot_are_refused_before_sending) {
  // And any segment holding '/': no ModelArts ID does, and the gateway would split it.
  for (const std::string id : {"", ".", "..", "a/b", "../x"}) {
    Fixture f;
    auto result = detail::try_call(Session(f.options), delete_job(id));
    BOOST_TEST_CONTEXT("id '" << id << "'") {
      BOOST_REQUIRE(!result.ok());
      BOOST_TEST(static_cast<int>(result.error().category) ==
                 static_cast<int>(detail::ErrorCategory::invalid_argument));
      BOOST_TEST(f.transport->request_count() == 0u);
      BOOST_CHECK_THROW(detail::call(Session(f.options), delete_job(id)), InvalidArgumentError);
    }
  }
}

BOOST_AUTO_TEST_CASE(headers_query_and_signature) {
  Fixture f;
  f.transport->reply(200, R"({"is_success":true,"jobs":[]})");
  detail::ApiCall call;
  call.method = "GET";
  call.segments = {"v1", kProject, "training-jobs"};
  call.query = {{"per_page", "10"}, {"search_content", "a b"}, {"page", "1"}};
  auto result = detail::try_call(Session(f.options), call);
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(result.value().json.as_object().at("is_success").as_bool());
  const auto request = f.transport->requests().at(0);
  BOOST_TEST(request.scheme == "https");
  BOOST_TEST(request.host == "modelarts.cn-north-4.myhuaweicloud.com");
  BOOST_TEST(request.port == 443);
  BOOST_TEST(request.target == std::string("/v1/") + kProject + "/training-jobs?page=1&per_page=10&search_content=a%20b");
  BOOST_TEST(find_header(request.headers, "Content-Type") == "application/json");
  BOOST_TEST(find_header(request.headers, "X-Project-Id") == kProject);
  BOOST_TEST(find_header(request.headers, "Host") == "modelarts.cn-north-4.myhuaweicloud.com");
  BOOST_TEST(find_header(request.headers, "User-Agent").substr(0, 13) == "modelarts-cpp");
  BOOST_TEST(find_header(request.headers, "X-Sdk-Date") == "20240115T093000Z");
  const std::string authorization(find_header(request.headers, "Authorization"));
  BOOST_TEST(authorization.find("Access=HPUAEXAMPLEAK0000001, SignedHeaders=content-type;host;x-project-id;x-sdk-date, "
                                "Signature=") == 16u);
}

BOOST_AUTO_TEST_CASE(post_body_is_sent_and_hashed) {
  Fixture f;
  f.transport->reply(200, R"({"is_success":true,"job_id":7})");
  detail::ApiCall call;
  call.method = "POST";
  call.segments = {"v1", kProject, "training-jobs"};
  call.body = R"({"job_name":"j"})";
  BOOST_REQUIRE(detail::try_call(Session(f.options), call).ok());
  const auto request = f.transport->requests().at(0);
  BOOST_TEST(request.body == call.body);
  // signature recomputed independently from what was sent
  SignableRequest signable;
  signable.method = "POST";
  signable.host = "modelarts.cn-north-4.myhuaweicloud.com";
  signable.path = request.target;
  signable.body = request.body;
  signable.headers = {{"Content-Type", "application/json"}, {"X-Project-Id", kProject}};
  const auto expected = sign_request(signable, {"HPUAEXAMPLEAK0000001", "Wq3tExampleSecretKey0123456789abcdefGHIJ", {}},
                                     "20240115T093000Z");
  BOOST_TEST(find_header(request.headers, "Authorization") == find_header(expected.headers, "Authorization"));
}

BOOST_AUTO_TEST_CASE(endpoint_base_path_and_port_are_kept) {
  Fixture f;
  f.options.modelarts_endpoint("http://127.0.0.1:8443/prefix/api/");
  f.transport->reply(200, "{}");
  Session session(f.options);
  BOOST_TEST(session.modelarts_endpoint() == "http://127.0.0.1:8443/prefix/api");
  BOOST_REQUIRE(detail::try_call(session, delete_job("10")).ok());
  const auto request = f.transport->requests().at(0);
  BOOST_TEST(request.scheme == "http");
  BOOST_TEST(request.host == "127.0.0.1");
  BOOST_TEST(request.port == 8443);
  BOOST_TEST(find_header(request.headers, "Host") == "127.0.0.1:8443");
  BOOST_TEST(request.target == std::string("/prefix/api/v1/") + kProject + "/visualization-jobs/10");
}

BOOST_AUTO_TEST_CASE(raw_request_returns_any_status_and_throws_on_transport_failure) {
  Fixture f;
  f.transport->reply(404, R"({"error_code":"ModelArts.0104"})");
  Session session(f.options);
  const RawResponse response = session.request("get", "/v1/" + std::string(kProject) + "/jobs/x y");
  BOOST_TEST(response.status == 404);
  BOOST_TEST(f.transport->requests().at(0).target == std::string("/v1/") + kProject + "/jobs/x%20y");
  f.transport->reply(200, "{}");
  BOOST_TEST(session.request("GET", "/v1/jobs?page=2&search_content=a%20b", {{"per_page", "5"}}).status == 200);
  BOOST_TEST(f.transport->requests().at(1).target == "/v1/jobs?page=2&per_page=5&search_content=a%20b");
  for (int i = 0; i < 4; ++i) f.transport->fail(TransportErrorKind::connect, false, "connection refused");
  BOOST_CHECK_THROW(session.request("POST", "/v1/x", {}, "{}"), TransportError);
  BOOST_TEST(f.transport->request_count() == 6u);  // 2 above + the default 4 attempts
  // A certificate that failed verification fails again: one attempt, the reason kept.
  f.transport->fail(TransportErrorKind::tls, false, "certificate verify failed (self-signed certificate)");
  try {
    session.request("GET", "/v1/x");
    BOOST_FAIL("expected TransportError");
  } catch (const TransportError& e) {
    BOOST_TEST(std::string(e.what()).find("self-signed certificate") != std::string::npos, e.what());
    BOOST_TEST(e.attempts() == 1);
    BOOST_TEST(!e.retryable());
  }
  BOOST_TEST(f.transport->request_count() == 7u);
}

BOOST_AUTO_TEST_CASE(logs_attempts_without_secrets) {
  Fixture f;
  std::mutex mutex;
  std::vector<std::string> lines;
  f.options.security_token("SECURITY-TOKEN-VALUE")
      .log_level(LogLevel::debug)
      .log_handler([&](LogLevel, std::string_view line) {
        std::lock_guard<std::mutex> lock(mutex);
        lines.emplace_back(line);
      });
  f.transport->reply(503, "{}").reply(200, "{}");
  BOOST_REQUIRE(detail::try_call(Session(f.options), delete_job("10")).ok());
  BOOST_REQUIRE(lines.size() >= 3u);  // attempt 1, retry notice, attempt 2
  bool saw_attempt = false;
  bool saw_retry = false;
  for (const auto& line : lines) {
    BOOST_TEST(line.find("Wq3tExampleSecretKey") == std::string::npos);
    BOOST_TEST(line.find("HPUAEXAMPLEAK0000001") == std::string::npos);
    BOOST_TEST(line.find("SECURITY-TOKEN-VALUE") == std::string::npos);
    BOOST_TEST(line.find("Signature=") == std::string::npos);
    saw_attempt |= line.find("DELETE /v1/") != std::string::npos && line.find("-> 503") != std::string::npos &&
                   line.find("attempt 1") != std::string::npos;
    saw_retry |= line.find("retrying") != std::string::npos;
  }
  BOOST_TEST(saw_attempt);
  BOOST_TEST(saw_retry);
  // the token is still sent and signed
  BOOST_TEST(find_header(f.transport->requests().at(0).headers, "X-Security-Token") == "SECURITY-TOKEN-VALUE");
}

// Parallel calls on one session (an upload's parts) log one line at a time: a handler writing a line in pieces,
// as the CLI's does, never has another thread's pieces in the middle of its own.
BOOST_AUTO_TEST_CASE(the_log_handler_is_never_called_concurrently) {
  Fixture f;
  std::atomic<int> inside{0};
  std::atomic<bool> overlapped{false};
  std::atomic<int> lines{0};
  f.options.log_level(LogLevel::debug).log_handler([&](LogLevel, std::string_view) {
    if (++inside > 1) overlapped = true;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
    --inside;
    ++lines;
  });
  f.transport->set_fallback([](const HttpRequest&) -> TransportResult { return HttpResponse{200, {}, "{}"}; });
  const Session session(f.options);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) (void)detail::try_call(session, delete_job(std::to_string(i + 1)));
    });
  }
  for (auto& thread : threads) thread.join();
  BOOST_TEST(lines.load() >= 100);
  BOOST_TEST(!overlapped.load());
}

BOOST_AUTO_TEST_CASE(insecure_tls_warns_once_at_creation) {
  Fixture f;
  int warnings = 0;
  TransportOptions transport_options;
  transport_options.insecure_skip_tls_verify = true;
  f.options.transport_options(transport_options).log_handler([&](LogLevel level, std::string_view line) {
    if (level == LogLevel::warning && line.find("TLS") != std::string_view::npos) ++warnings;
  });
  Session session(f.options);
  Session copy = session;
  f.transport->reply(200, "{}");
  BOOST_REQUIRE(detail::try_call(copy, delete_job("1")).ok());
  BOOST_TEST(warnings == 1);
}

BOOST_AUTO_TEST_SUITE_END()
