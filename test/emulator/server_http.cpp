// SPDX-License-Identifier: Apache-2.0
// The emulator's HTTP server: keep-alive, standard headers, routing refusals, and robustness against
// malformed HTTP and oversized requests.
#include <regex>
#include <set>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <modelarts/testing/emulator.hpp>

#include "support/http_client.hpp"

namespace {

namespace http = boost::beast::http;
namespace json = boost::json;
namespace mt = modelarts::testing;
using modelarts::test::ClientResult;

json::object body_of(const ClientResult& result) { return json::parse(result.response.body()).as_object(); }

void check_modelarts_error(const ClientResult& result, int status, const std::string& code) {
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(result.status() == status);
  const auto body = body_of(result);
  BOOST_TEST(body.at("is_success").as_bool() == false);
  BOOST_TEST(body.at("error_code").as_string() == code);
  BOOST_TEST(!body.at("error_message").as_string().empty());
}

bool still_serving(const mt::Emulator& emulator) {
  modelarts::test::HttpClient fresh(emulator.port());
  return fresh.request(http::verb::get, "/health").status() == 200;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(server_http)

BOOST_AUTO_TEST_CASE(keep_alive_reuses_one_connection_and_every_reply_has_the_standard_headers) {
  mt::Emulator emulator;
  modelarts::test::HttpClient client(emulator.port());
  std::set<std::string> ids;
  const std::regex hex32("[0-9a-f]{32}");
  for (int i = 0; i < 50; ++i) {
    const auto result = client.request(http::verb::get, i % 2 ? "/health" : "/v1/nowhere");  // other paths are OBS (XML)
    BOOST_REQUIRE(result.ok());
    BOOST_TEST(result.header("Content-Type") == "application/json;charset=UTF-8");
    const std::string id = result.header("X-Request-Id");
    BOOST_TEST(std::regex_match(id, hex32), id);
    ids.insert(id);
  }
  BOOST_TEST(ids.size() == 50u);
  BOOST_TEST(client.connections_made() == 1);
  BOOST_TEST(emulator.stats().connections_accepted == 1u);
  BOOST_TEST(emulator.stats().requests == 50u);
}

BOOST_AUTO_TEST_CASE(unknown_path_is_0015) {
  mt::Emulator emulator;
  modelarts::test::HttpClient client(emulator.port());
  check_modelarts_error(client.request(http::verb::get, "/v9/nothing/here"), 404, "ModelArts.0015");
  check_modelarts_error(client.request(http::verb::get, "/"), 404, "ModelArts.0015");
}

BOOST_AUTO_TEST_CASE(dot_and_empty_segments_are_refused_before_auth) {
  mt::Emulator emulator;
  modelarts::test::HttpClient client(emulator.port());
  const std::string pid = mt::kDefaultProjectId;
  for (const std::string& target : {"/v1/" + pid + "/../other/visualization-jobs",
                                   "/v1/" + pid + "/visualization-jobs/%2e%2e",
                                   "/v1/" + pid + "/visualization-jobs/%2E",
                                   "/v1/" + pid + "/./visualization-jobs",
                                   "/v1//" + pid + "/visualization-jobs"}) {
    BOOST_TEST_CONTEXT(target) { check_modelarts_error(client.request(http::verb::get, target), 400, "ModelArts.0101"); }
  }
}

BOOST_AUTO_TEST_CASE(malformed_http_gets_400_and_the_server_keeps_serving) {
  mt::Emulator emulator;
  modelarts::test::HttpClient client(emulator.port());
  for (const std::string& garbage : {std::string("THIS IS NOT HTTP\r\n\r\n"),
                                    std::string("GET /health HTTP/9.9\r\nHost: x\r\n\r\n"),
                                    std::string("GET /health HTTP/1.1\r\nHost x\r\n\r\n"),
                                    std::string("POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: zz\r\n\r\n")}) {
    bool closed = false;
    const std::string reply = client.exchange_raw(garbage, closed);
    BOOST_TEST_CONTEXT(garbage) {
      BOOST_TEST(reply.rfind("HTTP/1.1 400", 0) == 0u, reply);
      BOOST_TEST(reply.find("APIGW.0201") != std::string::npos);
      BOOST_TEST(closed);
    }
  }
  BOOST_TEST(still_serving(emulator));
}

BOOST_AUTO_TEST_CASE(ten_megabyte_body_is_refused_without_hanging) {
  mt::Emulator emulator;
  modelarts::test::HttpClient client(emulator.port());
  const std::string body(10 * 1024 * 1024, 'x');
  const std::string request = "POST /v1/" + std::string(mt::kDefaultProjectId) +
                              "/visualization-jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                              "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  bool closed = false;
  const auto started = std::chrono::steady_clock::now();
  const std::string reply = client.exchange_raw(request, closed);
  BOOST_TEST(reply.rfind("HTTP/1.1 413", 0) == 0u, reply.substr(0, 200));
  BOOST_TEST(reply.find("APIGW.0201") != std::string::npos);
  BOOST_TEST(closed);
  BOOST_TEST((std::chrono::steady_clock::now() - started < std::chrono::seconds(5)));
  BOOST_TEST(still_serving(emulator));
}

BOOST_AUTO_TEST_CASE(oversized_header_is_refused) {
  mt::Emulator emulator;
  modelarts::test::HttpClient client(emulator.port());
  const std::string request = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + std::string(100 * 1024, 'a') +
                              "\r\n\r\n";
  bool closed = false;
  const std::string reply = client.exchange_raw(request, closed);
  BOOST_TEST(reply.rfind("HTTP/1.1 431", 0) == 0u, reply.substr(0, 200));
  BOOST_TEST(closed);
  // A ~9 KB IAM token header is well inside the limit.
  const auto token_sized = client.request(http::verb::get, "/health", {}, {{"X-Auth-Token", std::string(9300, 'T')}});
  BOOST_TEST(token_sized.status() == 200);
}

BOOST_AUTO_TEST_CASE(stop_closes_kept_alive_connections_and_is_idempotent) {
  mt::Emulator emulator;
  modelarts::test::HttpClient client(emulator.port());
  BOOST_REQUIRE_EQUAL(client.request(http::verb::get, "/health").status(), 200);
  emulator.stop();
  emulator.stop();
  // The kept-alive connection is closed, and nothing listens any more.
  const auto after = client.request(http::verb::get, "/health");
  BOOST_TEST(!after.ok());
  const auto again = client.request(http::verb::get, "/health");
  BOOST_TEST(!again.ok());
}

BOOST_AUTO_TEST_SUITE_END()
