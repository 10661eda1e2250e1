// SPDX-License-Identifier: Apache-2.0
// Fault injection: deterministic for a seed, about the configured share, the documented kinds, never on IAM,
// and a cut-off reply happens after the request took effect.
#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <modelarts/testing/emulator.hpp>

#include "support/http_client.hpp"

namespace {

namespace http = boost::beast::http;
namespace json = boost::json;
namespace mt = modelarts::testing;
using modelarts::test::ClientResult;

std::string issue_token(modelarts::test::HttpClient& client) {
  const auto result = client.request(
      http::verb::post, "/v3/auth/tokens",
      std::string(R"({"auth":{"identity":{"methods":["password"],"password":{"user":{"name":")") +
          mt::kDefaultUsername + R"(","password":")" + mt::kDefaultPassword + R"(","domain":{"name":")" +
          mt::kDefaultAccount + R"("}}}},"scope":{"project":{"name":")" + mt::kDefaultRegion + R"("}}}})",
      {{"Content-Type", "application/json"}});
  BOOST_REQUIRE_EQUAL(result.status(), 201);
  return result.header("X-Subject-Token");
}

/// One letter per request: '.' normal, 'T' 429, 'E' 500, 'U' 503, 'C' cut off.
std::string outcome_sequence(std::uint64_t seed, double rate, int count, mt::EmulatorStats& stats) {
  mt::Emulator emulator(mt::EmulatorOptions{}.fault_rate(rate).fault_seed(seed).retry_after_seconds(0));
  modelarts::test::HttpClient client(emulator.port());
  const std::string token = issue_token(client);
  const std::string path = "/v1/" + std::string(mt::kDefaultProjectId) + "/visualization-jobs";
  std::string outcomes;
  for (int i = 0; i < count; ++i) {
    const auto result = client.request(http::verb::get, path, {}, {{"X-Auth-Token", token}});
    if (!result.ok()) {
      outcomes += 'C';
      continue;
    }
    switch (result.status()) {
      case 200: outcomes += '.'; break;
      case 429:
        outcomes += 'T';
        BOOST_TEST(result.header("Retry-After") == "0");
        break;
      case 500: outcomes += 'E'; break;
      case 503: outcomes += 'U'; break;
      default: BOOST_FAIL("unexpected status " << result.status() << ": " << result.response.body());
    }
    if (result.status() != 200) BOOST_TEST(!json::parse(result.response.body()).at("error_code").as_string().empty());
  }
  stats = emulator.stats();
  return outcomes;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(faults_injection)

BOOST_AUTO_TEST_CASE(same_seed_same_faults_about_the_configured_share) {
  constexpr int kRequests = 300;
  mt::EmulatorStats first_stats;
  mt::EmulatorStats second_stats;
  mt::EmulatorStats other_stats;
  const std::string first = outcome_sequence(42, 0.3, kRequests, first_stats);
  const std::string second = outcome_sequence(42, 0.3, kRequests, second_stats);
  const std::string other = outcome_sequence(43, 0.3, kRequests, other_stats);
  BOOST_TEST(first == second);
  BOOST_TEST(first != other);
  BOOST_TEST(first_stats.faults_injected == second_stats.faults_injected);
  // ~30% faulted (delays look normal to the client but are counted).
  BOOST_TEST(first_stats.faults_injected >= 60u);
  BOOST_TEST(first_stats.faults_injected <= 120u);
  const auto visible = static_cast<std::uint64_t>(kRequests - std::count(first.begin(), first.end(), '.'));
  BOOST_TEST(visible <= first_stats.faults_injected);
  BOOST_TEST(visible >= first_stats.faults_injected / 2);
  for (char kind : std::string("TEUC")) BOOST_TEST(first.find(kind) != std::string::npos, kind << " in " << first);
}

BOOST_AUTO_TEST_CASE(no_faults_at_rate_zero_and_iam_is_never_faulted) {
  mt::EmulatorStats stats;
  const std::string clean = outcome_sequence(1, 0.0, 100, stats);
  BOOST_TEST(clean == std::string(100, '.'));
  BOOST_TEST(stats.faults_injected == 0u);

  mt::Emulator emulator(mt::EmulatorOptions{}.fault_rate(1.0));
  modelarts::test::HttpClient client(emulator.port());
  for (int i = 0; i < 20; ++i) BOOST_TEST(!issue_token(client).empty());
  BOOST_TEST(emulator.stats().faults_injected == 0u);
}

BOOST_AUTO_TEST_CASE(cut_off_reply_comes_after_the_request_took_effect) {
  mt::Emulator emulator(mt::EmulatorOptions{}.fault_seed(7).retry_after_seconds(0));
  modelarts::test::HttpClient client(emulator.port());
  const std::string token = issue_token(client);
  const std::string path = "/v1/" + std::string(mt::kDefaultProjectId) + "/visualization-jobs";
  std::string cut_name;
  emulator.set_fault_rate(1.0);
  for (int i = 0; i < 100 && cut_name.empty(); ++i) {
    const std::string name = "cut-" + std::to_string(i);
    const auto result = client.request(http::verb::post, path,
                                       R"({"job_name":")" + name + R"(","train_url":"/bucket/out/"})",
                                       {{"Content-Type", "application/json"}, {"X-Auth-Token", token}});
    if (!result.ok()) cut_name = name;
  }
  BOOST_REQUIRE(!cut_name.empty());
  emulator.set_fault_rate(0.0);
  const auto listed = client.request(http::verb::get, path + "?per_page=100&page=1", {}, {{"X-Auth-Token", token}});
  BOOST_REQUIRE_EQUAL(listed.status(), 200);
  bool found = false;
  const json::value listing = json::parse(listed.response.body());
  for (const auto& job : listing.at("jobs").as_array()) {
    if (job.at("job_name").as_string() == cut_name) found = true;
  }
  BOOST_TEST(found, cut_name << " should exist although its reply was cut off");
}

BOOST_AUTO_TEST_SUITE_END()
