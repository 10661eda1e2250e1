// SPDX-License-Identifier: Apache-2.0
// Project discovery (AK/SK) and the IAM password token: fetched once, reused, refreshed near expiry and once on 401.
#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <modelarts/error.hpp>
#include <modelarts/session.hpp>

#include "detail/api_call.hpp"
#include "detail/iam.hpp"
#include "detail/time_text.hpp"
#include "support/fake_transport.hpp"

using namespace modelarts;
using namespace std::chrono_literals;
using modelarts::test::FakeClock;
using modelarts::test::FakeTransport;

namespace {

const std::string kProjectsPath = "/v3/projects";
const std::string kTokensPath = "/v3/auth/tokens";

bool targets(const HttpRequest& request, const std::string& path) {
  return request.target.compare(0, path.size(), path) == 0;
}

std::size_t count_to(const FakeTransport& transport, const std::string& path) {
  std::size_t n = 0;
  for (const auto& request : transport.requests()) n += targets(request, path) ? 1u : 0u;
  return n;
}

SessionOptions aksk_without_project(std::shared_ptr<FakeTransport> transport, std::shared_ptr<FakeClock> clock) {
  return modelarts::test::fake_session_options(std::move(transport), std::move(clock))
      .project_id({})
      .iam_endpoint("https://iam.cn-north-4.myhuaweicloud.com");
}

std::string projects_body(int count) {
  std::string body = R"({"projects":[)";
  for (int i = 0; i < count; ++i) {
    if (i > 0) body += ',';
    body += R"({"id":"proj)" + std::to_string(i) + R"(","name":"cn-north-4","domain_id":"d1"})";
  }
  return body + R"(],"links":{}})";
}

SessionOptions password_options(std::shared_ptr<FakeTransport> transport, std::shared_ptr<FakeClock> clock) {
  return SessionOptions{}
      .account("my-account")
      .username("my-user")
      .password("Pa55-Secret-Word")
      .region_name("cn-north-4")
      .modelarts_endpoint("https://modelarts.example.test")
      .iam_endpoint("https://iam.example.test")
      .transport(std::move(transport))
      .clock(std::move(clock));
}

// 2024-01-15T09:30:00Z is the FakeClock start; tokens live 24 h unless said otherwise.
void reply_token(FakeTransport& transport, const std::string& token, const std::string& issued,
                 const std::string& expires) {
  transport.reply(201,
                  R"({"token":{"expires_at":")" + expires + R"(","issued_at":")" + issued +
                      R"(","methods":["password"],"project":{"id":"token-project","name":"cn-north-4"}}})",
                  {{"Content-Type", "application/json"}, {"X-Subject-Token", token}});
}

detail::ApiCall list_jobs() {
  detail::ApiCall call;
  call.method = "GET";
  call.segments = {"v1", "token-project", "training-jobs"};
  return call;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(session_auth)

BOOST_AUTO_TEST_CASE(project_discovered_once_and_cached) {
  auto transport = std::make_shared<FakeTransport>();
  auto clock = std::make_shared<FakeClock>();
  transport->reply(200, projects_body(1));
  Session session(aksk_without_project(transport, clock));
  BOOST_TEST(session.project_id() == "proj0");
  Session copy = session;
  BOOST_TEST(copy.project_id() == "proj0");
  BOOST_TEST(transport->request_count() == 1u);
  const auto request = transport->requests().at(0);
  BOOST_TEST(request.method == "GET");
  BOOST_TEST(request.host == "iam.cn-north-4.myhuaweicloud.com");
  BOOST_TEST(request.target == "/v3/projects?name=cn-north-4");
  BOOST_TEST(!find_header(request.headers, "Authorization").empty());  // signed with the AK/SK
  BOOST_TEST(find_header(request.headers, "X-Project-Id").empty());
  // later ModelArts calls carry the discovered project
  transport->reply(200, "{}");
  BOOST_REQUIRE(detail::try_call(session, list_jobs()).ok());
  BOOST_TEST(find_header(transport->requests().back().headers, "X-Project-Id") == "proj0");
  BOOST_TEST(count_to(*transport, kProjectsPath) == 1u);
}

BOOST_AUTO_TEST_CASE(project_discovery_is_one_request_under_many_threads) {
  auto transport = std::make_shared<FakeTransport>();
  auto clock = std::make_shared<FakeClock>();
  transport->set_fallback([](const HttpRequest& request) {
    std::this_thread::sleep_for(5ms);  // widen the race window
    if (request.target.rfind("/v3/projects", 0) == 0) return TransportResult(HttpResponse{200, {}, projects_body(1)});
    return TransportResult(HttpResponse{200, {}, "{}"});
  });
  Session session(aksk_without_project(transport, clock));
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([session, &ok] {
      if (detail::try_call(session, list_jobs()).ok() && session.project_id() == "proj0") ++ok;
    });
  }
  for (auto& thread : threads) thread.join();
  BOOST_TEST(ok.load() == 8);
  BOOST_TEST(count_to(*transport, kProjectsPath) == 1u);
}

BOOST_AUTO_TEST_CASE(zero_or_several_projects_is_a_clear_error) {
  for (int count : {0, 2}) {
    auto transport = std::make_shared<FakeTransport>();
    transport->reply(200, projects_body(count), {{"Content-Type", "application/json"}, {"X-IAM-Trace-Id", "trace-9"}});
    Session session(aksk_without_project(transport, std::make_shared<FakeClock>()));
    BOOST_TEST_CONTEXT(count << " projects") {
      try {
        (void)session.project_id();
        BOOST_FAIL("no error");
      } catch (const ConfigurationError& e) {
        const std::string what = e.what();
        BOOST_TEST(what.find(std::to_string(count) + " projects named cn-north-4") != std::string::npos);
        BOOST_TEST(what.find("trace-9") != std::string::npos);
        BOOST_TEST(what.find("Wq3tExampleSecretKey") == std::string::npos);
      }
      // a ModelArts call fails the same way and sends nothing to ModelArts
      auto result = detail::try_call(session, list_jobs());
      BOOST_TEST(!result.ok());
      BOOST_TEST(count_to(*transport, "/v1/") == 0u);
    }
  }
}

BOOST_AUTO_TEST_CASE(main_account_login_names_the_user_as_the_domain) {
  // Python Session(username='<account name>', password=..., region_name=...) has no account: the user is it.
  auto transport = std::make_shared<FakeTransport>();
  auto clock = std::make_shared<FakeClock>();
  reply_token(*transport, "TOKEN-ONE", "2024-01-15T09:30:00.000000Z", "2024-01-16T09:30:00.000000Z");
  transport->reply(200, "{}");
  Session session(password_options(transport, clock).account({}));
  BOOST_REQUIRE(detail::try_call(session, list_jobs()).ok());
  const auto body = boost::json::parse(transport->requests().at(0).body);
  const auto& user = body.at("auth").at("identity").at("password").at("user");
  BOOST_TEST(user.at("name").as_string() == "my-user");
  BOOST_TEST(user.at("domain").at("name").as_string() == "my-user");
  BOOST_CHECK_NO_THROW(Session::with_password("", "my-user", "pw", "cn-north-4"));
}

BOOST_AUTO_TEST_CASE(endpoints_value_reaches_both_constructors_and_the_options) {
  // Python Session.set_endpoint(iam_endpoint, obs_endpoint, modelarts_endpoint, region_name), per session.
  const Endpoints endpoints = Endpoints{}
                                  .iam_endpoint("https://iam.otc.example.test")
                                  .obs_endpoint("https://obs.otc.example.test")
                                  .modelarts_endpoint("https://modelarts.otc.example.test:8443");
  Session by_key = Session::with_access_key("AK", "SK", "p1", "eu-de", endpoints);
  BOOST_TEST(by_key.modelarts_endpoint() == "https://modelarts.otc.example.test:8443");
  BOOST_TEST(by_key.options().iam_endpoint() == "https://iam.otc.example.test");
  BOOST_TEST(by_key.options().obs_endpoint() == "https://obs.otc.example.test");
  Session by_password = Session::with_password("acct", "user", "pw", "eu-de", "p1", endpoints);
  BOOST_TEST(by_password.modelarts_endpoint() == "https://modelarts.otc.example.test:8443");
  BOOST_TEST(by_password.options().iam_endpoint() == "https://iam.otc.example.test");
  // Without them, the region's defaults; an empty field of Endpoints leaves the option as it was.
  BOOST_TEST(Session::with_access_key("AK", "SK", "p1", "cn-north-4").modelarts_endpoint() ==
             "https://modelarts.cn-north-4.myhuaweicloud.com");
  const SessionOptions kept =
      SessionOptions{}.modelarts_endpoint("http://127.0.0.1:1").endpoints(Endpoints{}.iam_endpoint("http://127.0.0.1:2"));
  BOOST_TEST(kept.modelarts_endpoint() == "http://127.0.0.1:1");
  BOOST_TEST(kept.iam_endpoint() == "http://127.0.0.1:2");

  // The token request goes to the IAM endpoint given, the call to the ModelArts one.
  auto transport = std::make_shared<FakeTransport>();
  auto clock = std::make_shared<FakeClock>();
  reply_token(*transport, "TOKEN-ONE", "2024-01-15T09:30:00.000000Z", "2024-01-16T09:30:00.000000Z");
  transport->reply(200, "{}");
  Session session(password_options(transport, clock).endpoints(endpoints));
  BOOST_REQUIRE(detail::try_call(session, list_jobs()).ok());
  BOOST_TEST(transport->requests().at(0).host == "iam.otc.example.test");
  BOOST_TEST(transport->requests().at(1).host == "modelarts.otc.example.test");
  BOOST_TEST(transport->requests().at(1).port == 8443);
}

BOOST_AUTO_TEST_CASE(password_token_fetched_once_then_reused) {
  auto transport = std::make_shared<FakeTransport>();
  auto clock = std::make_shared<FakeClock>();
  reply_token(*transport, "TOKEN-ONE", "2024-01-15T09:30:00.000000Z", "2024-01-16T09:30:00.000000Z");
  transport->reply(200, "{}").reply(200, "{}");
  Session session(password_options(transport, clock));
  BOOST_REQUIRE(detail::try_call(session, list_jobs()).ok());
  BOOST_REQUIRE(detail::try_call(Session(session), list_jobs()).ok());
  const auto requests = transport->requests();
  BOOST_REQUIRE_EQUAL(requests.size(), 3u);
  // the token request
  BOOST_TEST(requests[0].method == "POST");
  BOOST_TEST(requests[0].host == "iam.example.test");
  BOOST_TEST(requests[0].target == "/v3/auth/tokens?nocatalog=true");
  BOOST_TEST(find_header(requests[0].headers, "Authorization").empty());
  const auto body = boost::json::parse(requests[0].body);
  BOOST_TEST(body.at("auth").at("identity").at("password").at("user").at("name").as_string() == "my-user");
  BOOST_TEST(body.at("auth").at("identity").at("password").at("user").at("domain").at("name").as_string() ==
             "my-account");
  BOOST_TEST(body.at("auth").at("scope").at("project").at("name").as_string() == "cn-north-4");
  // the calls: token, project from the token, no signature
  for (std::size_t i = 1; i < 3; ++i) {
    BOOST_TEST(find_header(requests[i].headers, "X-Auth-Token") == "TOKEN-ONE");
    BOOST_TEST(find_header(requests[i].headers, "X-Project-Id") == "token-project");
    BOOST_TEST(find_header(requests[i].headers, "Authorization").empty());
  }
  BOOST_TEST(session.project_id() == "token-project");
}

BOOST_AUTO_TEST_CASE(token_fetched_once_under_many_threads) {
  auto transport = std::make_shared<FakeTransport>();
  transport->set_fallback([](const HttpRequest& request) {
    std::this_thread::sleep_for(5ms);
    if (request.target.rfind("/v3/auth/tokens", 0) == 0) {
      return TransportResult(HttpResponse{
          201,
          {{"X-Subject-Token", "SHARED-TOKEN"}},
          R"({"token":{"issued_at":"2024-01-15T09:30:00Z","expires_at":"2024-01-16T09:30:00Z","project":{"id":"tp"}}})"});
    }
    return TransportResult(HttpResponse{200, {}, "{}"});
  });
  Session session(password_options(transport, std::make_shared<FakeClock>()));
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([session, &ok] { ok += detail::try_call(session, list_jobs()).ok() ? 1 : 0; });
  }
  for (auto& thread : threads) thread.join();
  BOOST_TEST(ok.load() == 8);
  BOOST_TEST(count_to(*transport, kTokensPath) == 1u);
  for (const auto& request : transport->requests()) {
    if (targets(request, "/v1/")) BOOST_TEST(find_header(request.headers, "X-Auth-Token") == "SHARED-TOKEN");
  }
}

BOOST_AUTO_TEST_CASE(token_scope_uses_project_id_when_set) {
  auto transport = std::make_shared<FakeTransport>();
  reply_token(*transport, "T", "2024-01-15T09:30:00Z", "2024-01-16T09:30:00Z");
  transport->reply(200, "{}");
  Session session(password_options(transport, std::make_shared<FakeClock>()).project_id("configured"));
  BOOST_REQUIRE(detail::try_call(session, list_jobs()).ok());
  const auto body = boost::json::parse(transport->requests().at(0).body);
  BOOST_TEST(body.at("auth").at("scope").at("project").at("id").as_string() == "configured");
  BOOST_TEST(find_header(transport->requests().at(1).headers, "X-Project-Id") == "configured");
}

BOOST_AUTO_TEST_CASE(token_refreshed_near_expiry) {
  auto transport = std::make_shared<FakeTransport>();
  auto clock = std::make_shared<FakeClock>();
  reply_token(*transport, "TOKEN-ONE", "2024-01-15T09:30:00Z", "2024-01-16T09:30:00Z");
  transport->reply(200, "{}");
  Session session(password_options(transport, clock));
  BOOST_REQUIRE(detail::try_call(session, list_jobs()).ok());
  clock->advance(22h);  // 2 h left: still fresh
  transport->reply(200, "{}");
  BOOST_REQUIRE(detail::try_call(session, list_jobs()).ok());
  BOOST_TEST(count_to(*transport, kTokensPath) == 1u);
  clock->advance(90min);  // 30 min left: refresh
  reply_token(*transport, "TOKEN-TWO", "2024-01-16T09:00:00Z", "2024-01-17T09:00:00Z");
  transport->reply(200, "{}");
  BOOST_REQUIRE(detail::try_call(session, list_jobs()).ok());
  BOOST_TEST(count_to(*transport, kTokensPath) == 2u);
  BOOST_TEST(find_header(transport->requests().back().headers, "X-Auth-Token") == "TOKEN-TWO");
}

BOOST_AUTO_TEST_CASE(short_lived_token_refreshed_at_a_tenth_of_its_life) {
  BOOST_TEST((detail::refresh_margin(std::chrono::system_clock::time_point{},
                                     std::chrono::system_clock::time_point{} + 24h) == 1h));
  BOOST_TEST((detail::refresh_margin(std::chrono::system_clock::time_point{},
                                     std::chrono::system_clock::time_point{} + 100min) == 10min));
  const auto parsed = detail::parse_iso8601_utc("2020-01-04T09:05:22.701000Z");
  BOOST_REQUIRE(parsed.has_value());
  BOOST_TEST((*parsed - std::chrono::system_clock::from_time_t(1578128722) == 701ms));
  BOOST_TEST(!detail::parse_iso8601_utc("yesterday").has_value());
}

BOOST_AUTO_TEST_CASE(token_refreshed_once_on_401_then_call_succeeds) {
  auto transport = std::make_shared<FakeTransport>();
  auto clock = std::make_shared<FakeClock>();
  reply_token(*transport, "TOKEN-ONE", "2024-01-15T09:30:00Z", "2024-01-16T09:30:00Z");
  transport->reply(401, R"({"error_code":"APIGW.0307","error_msg":"The token must be updated."})");
  reply_token(*transport, "TOKEN-TWO", "2024-01-15T09:30:00Z", "2024-01-16T09:30:00Z");
  transport->reply(200, R"({"is_success":true})");
  Session session(password_options(transport, clock));
  auto result = detail::try_call(session, list_jobs());
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(count_to(*transport, kTokensPath) == 2u);
  BOOST_TEST(find_header(transport->requests().back().headers, "X-Auth-Token") == "TOKEN-TWO");
  BOOST_TEST(clock->sleeps().empty());

  // a second 401 in a row is the answer, not another refresh
  transport->reply(401, R"({"error_code":"APIGW.0307","error_msg":"The token must be updated."})");
  reply_token(*transport, "TOKEN-THREE", "2024-01-15T09:30:00Z", "2024-01-16T09:30:00Z");
  transport->reply(401, R"({"error_code":"APIGW.0307","error_msg":"The token must be updated."})");
  auto refused = detail::try_call(session, list_jobs());
  BOOST_REQUIRE(!refused.ok());
  BOOST_TEST(refused.error().api.http_status == 401);
  BOOST_TEST(count_to(*transport, kTokensPath) == 3u);
  BOOST_TEST(refused.error().message.find("TOKEN-") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_password_is_an_api_error_without_secrets) {
  auto transport = std::make_shared<FakeTransport>();
  transport->reply(401, R"({"error":{"code":401,"message":"The username or password is wrong.","title":"Unauthorized"}})");
  Session session(password_options(transport, std::make_shared<FakeClock>()));
  try {
    (void)detail::call(session, list_jobs());
    BOOST_FAIL("no error");
  } catch (const ApiError& e) {
    BOOST_TEST(e.http_status() == 401);
    BOOST_TEST(e.error_msg() == "The username or password is wrong.");
    BOOST_TEST(std::string(e.what()).find("Pa55-Secret-Word") == std::string::npos);
  }
  BOOST_TEST(count_to(*transport, "/v1/") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
