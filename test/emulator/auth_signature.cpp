// SPDX-License-Identifier: Apache-2.0
// The emulator's gateway verifies SDK-HMAC-SHA256 signatures exactly as documented: canonical requests here
// are written out by hand.
#include <algorithm>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <modelarts/testing/emulator.hpp>

#include "support/hand_signer.hpp"
#include "support/http_client.hpp"

namespace {

namespace http = boost::beast::http;
namespace mt = modelarts::testing;
using modelarts::test::hand_authorization;
using modelarts::test::hand_sdk_date;

const std::string kEmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

struct SignedFixture {
  mt::Emulator emulator;
  modelarts::test::HttpClient client{emulator.port()};
  std::string pid = mt::kDefaultProjectId;
  std::string host = client.host_header();
  std::string date = hand_sdk_date(std::chrono::system_clock::now());

  /// GET /v1/{pid}/training-jobs?per_page=5&page=1 signed over content-type, host, x-project-id, x-sdk-date.
  std::string list_canonical(const std::string& project_header) const {
    return "GET\n/v1/" + pid + "/training-jobs/\npage=1&per_page=5\n" + "content-type:application/json\nhost:" +
           host + "\nx-project-id:" + project_header + "\nx-sdk-date:" + date +
           "\n\ncontent-type;host;x-project-id;x-sdk-date\n" + kEmptyHash;
  }

  modelarts::test::ClientResult send_list(const std::string& authorization, const std::string& query,
                                          const std::string& project_header, const std::string& sent_date) {
    return client.request(http::verb::get, "/v1/" + pid + "/training-jobs?" + query, {},
                          {{"Content-Type", "application/json"},
                           {"X-Project-Id", project_header},
                           {"X-Sdk-Date", sent_date},
                           {"Authorization", authorization}});
  }
};

boost::json::object body_of(const modelarts::test::ClientResult& result) {
  return boost::json::parse(result.response.body()).as_object();
}

void check_gateway_refusal(const modelarts::test::ClientResult& result, const std::string& message_part) {
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(result.status() == 401);
  const auto body = body_of(result);
  BOOST_TEST(body.at("error_code").as_string() == "APIGW.0301");
  const std::string message(body.at("error_msg").as_string());
  BOOST_TEST(message.rfind("Incorrect IAM authentication information: ", 0) == 0u, message);
  BOOST_TEST(message.find(message_part) != std::string::npos, message);
  BOOST_TEST(body.at("request_id").as_string() == result.header("X-Request-Id"));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(auth_signature)

BOOST_FIXTURE_TEST_CASE(valid_signature_is_accepted, SignedFixture) {
  const auto auth = hand_authorization(mt::kDefaultAccessKey, mt::kDefaultSecretKey, date,
                                       "content-type;host;x-project-id;x-sdk-date", list_canonical(pid));
  const auto result = send_list(auth, "per_page=5&page=1", pid, date);
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(result.status() == 200, result.response.body());
  BOOST_TEST(body_of(result).at("is_success").as_bool());
}

BOOST_FIXTURE_TEST_CASE(wrong_secret_key_is_refused_with_the_canonical_request, SignedFixture) {
  const std::string canonical = list_canonical(pid);
  const auto auth = hand_authorization(mt::kDefaultAccessKey, "not-the-secret", date,
                                       "content-type;host;x-project-id;x-sdk-date", canonical);
  const auto result = send_list(auth, "per_page=5&page=1", pid, date);
  std::string piped = canonical;
  std::replace(piped.begin(), piped.end(), '\n', '|');
  check_gateway_refusal(result, "verify aksk signature fail, canonicalRequest:" + piped);
}

BOOST_FIXTURE_TEST_CASE(tampered_signed_header_is_refused, SignedFixture) {
  const auto auth = hand_authorization(mt::kDefaultAccessKey, mt::kDefaultSecretKey, date,
                                       "content-type;host;x-project-id;x-sdk-date", list_canonical(pid));
  const auto result = send_list(auth, "per_page=5&page=1", "ffffffffffffffffffffffffffffffff", date);
  check_gateway_refusal(result, "|x-project-id:ffffffffffffffffffffffffffffffff|");
}

BOOST_FIXTURE_TEST_CASE(tampered_query_is_refused, SignedFixture) {
  const auto auth = hand_authorization(mt::kDefaultAccessKey, mt::kDefaultSecretKey, date,
                                       "content-type;host;x-project-id;x-sdk-date", list_canonical(pid));
  const auto result = send_list(auth, "per_page=6&page=1", pid, date);
  check_gateway_refusal(result, "|page=1&per_page=6|");
}

BOOST_FIXTURE_TEST_CASE(date_sixteen_minutes_off_is_expired, SignedFixture) {
  const std::string old_date = hand_sdk_date(std::chrono::system_clock::now() - std::chrono::minutes(16));
  date = old_date;
  const auto auth = hand_authorization(mt::kDefaultAccessKey, mt::kDefaultSecretKey, old_date,
                                       "content-type;host;x-project-id;x-sdk-date", list_canonical(pid));
  const auto result = send_list(auth, "per_page=5&page=1", pid, old_date);
  check_gateway_refusal(result, "signature expired, signature time:" + old_date + ", server time:");
}

BOOST_FIXTURE_TEST_CASE(date_fourteen_minutes_ahead_is_accepted, SignedFixture) {
  date = hand_sdk_date(std::chrono::system_clock::now() + std::chrono::minutes(14));
  const auto auth = hand_authorization(mt::kDefaultAccessKey, mt::kDefaultSecretKey, date,
                                       "content-type;host;x-project-id;x-sdk-date", list_canonical(pid));
  const auto result = send_list(auth, "per_page=5&page=1", pid, date);
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(result.status() == 200, result.response.body());
}

BOOST_FIXTURE_TEST_CASE(signed_body_accepted_and_tampered_body_refused, SignedFixture) {
  const std::string body = R"({"job_name":"signed-vis","train_url":"/bucket/out/"})";
  const std::string canonical = "POST\n/v1/" + pid + "/visualization-jobs/\n\ncontent-type:application/json\nhost:" +
                                host + "\nx-sdk-date:" + date + "\n\ncontent-type;host;x-sdk-date\n" +
                                modelarts::sha256_hex(body);
  const auto auth =
      hand_authorization(mt::kDefaultAccessKey, mt::kDefaultSecretKey, date, "content-type;host;x-sdk-date", canonical);
  const auto send = [&](const std::string& sent_body) {
    return client.request(http::verb::post, "/v1/" + pid + "/visualization-jobs", sent_body,
                          {{"Content-Type", "application/json"}, {"X-Sdk-Date", date}, {"Authorization", auth}});
  };
  const auto tampered = send(R"({"job_name":"other-vis","train_url":"/bucket/out/"})");
  check_gateway_refusal(tampered, "verify aksk signature fail");
  const auto accepted = send(body);
  BOOST_REQUIRE(accepted.ok());
  BOOST_TEST(accepted.status() == 200, accepted.response.body());
  BOOST_TEST(body_of(accepted).at("job_name").as_string() == "signed-vis");
}

BOOST_FIXTURE_TEST_CASE(unsigned_payload_is_honoured, SignedFixture) {
  const std::string canonical = "GET\n/v1/" + pid + "/visualization-jobs/\n\nhost:" + host +
                                "\nx-sdk-content-sha256:UNSIGNED-PAYLOAD\nx-sdk-date:" + date +
                                "\n\nhost;x-sdk-content-sha256;x-sdk-date\nUNSIGNED-PAYLOAD";
  const auto auth = hand_authorization(mt::kDefaultAccessKey, mt::kDefaultSecretKey, date,
                                       "host;x-sdk-content-sha256;x-sdk-date", canonical);
  const auto result = client.request(http::verb::get, "/v1/" + pid + "/visualization-jobs", {},
                                     {{"X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD"}, {"X-Sdk-Date", date},
                                      {"Authorization", auth}});
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(result.status() == 200, result.response.body());
}

BOOST_FIXTURE_TEST_CASE(encoded_slash_is_a_separator_when_verifying, SignedFixture) {
  // Signed like the Python SDK and the documented algorithm: the raw path ".../a%2fb" is decoded whole, then
  // split, so its canonical URI is ".../a/b/". The gateway accepts it, and the service then sees one segment
  // "a/b" (no such job) rather than a different path.
  const std::string canonical = "GET\n/v1/" + pid + "/visualization-jobs/a/b/\n\nhost:" + host +
                                "\nx-sdk-date:" + date + "\n\nhost;x-sdk-date\n" + kEmptyHash;
  const auto auth = hand_authorization(mt::kDefaultAccessKey, mt::kDefaultSecretKey, date, "host;x-sdk-date", canonical);
  const auto result = client.request(http::verb::get, "/v1/" + pid + "/visualization-jobs/a%2fb", {},
                                     {{"X-Sdk-Date", date}, {"Authorization", auth}});
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(result.status() != 401, result.response.body());
  BOOST_TEST(result.response.body().find("APIGW") == std::string::npos, result.response.body());
}

BOOST_FIXTURE_TEST_CASE(encoded_slash_signed_inside_its_segment_is_refused, SignedFixture) {
  // The old, undocumented form (".../a%2Fb/") is what the real gateway refuses; the emulator echoes its own
  // canonical request so the difference shows.
  const std::string canonical = "GET\n/v1/" + pid + "/visualization-jobs/a%2Fb/\n\nhost:" + host +
                                "\nx-sdk-date:" + date + "\n\nhost;x-sdk-date\n" + kEmptyHash;
  const auto auth = hand_authorization(mt::kDefaultAccessKey, mt::kDefaultSecretKey, date, "host;x-sdk-date", canonical);
  const auto result = client.request(http::verb::get, "/v1/" + pid + "/visualization-jobs/a%2fb", {},
                                     {{"X-Sdk-Date", date}, {"Authorization", auth}});
  check_gateway_refusal(result, "canonicalRequest:GET|/v1/" + pid + "/visualization-jobs/a/b/|");
}

BOOST_FIXTURE_TEST_CASE(unknown_access_key_is_refused, SignedFixture) {
  const auto auth = hand_authorization("UNKNOWNACCESSKEY0000", mt::kDefaultSecretKey, date,
                                       "content-type;host;x-project-id;x-sdk-date", list_canonical(pid));
  check_gateway_refusal(send_list(auth, "per_page=5&page=1", pid, date), "UNKNOWNACCESSKEY0000");
}

BOOST_FIXTURE_TEST_CASE(host_must_be_signed, SignedFixture) {
  const std::string canonical =
      "GET\n/v1/" + pid + "/visualization-jobs/\n\nx-sdk-date:" + date + "\n\nx-sdk-date\n" + kEmptyHash;
  const auto auth = hand_authorization(mt::kDefaultAccessKey, mt::kDefaultSecretKey, date, "x-sdk-date", canonical);
  const auto result = client.request(http::verb::get, "/v1/" + pid + "/visualization-jobs", {},
                                     {{"X-Sdk-Date", date}, {"Authorization", auth}});
  check_gateway_refusal(result, "SignedHeaders must include host and x-sdk-date");
}

BOOST_FIXTURE_TEST_CASE(missing_authentication_is_refused, SignedFixture) {
  const auto result = client.request(http::verb::get, "/v1/" + pid + "/visualization-jobs");
  check_gateway_refusal(result, "no X-Auth-Token or Authorization header");
}

BOOST_FIXTURE_TEST_CASE(signed_request_for_another_project_is_0210, SignedFixture) {
  const std::string other = "11111111111111111111111111111111";
  const std::string canonical = "GET\n/v1/" + other + "/visualization-jobs/\n\nhost:" + host + "\nx-sdk-date:" +
                                date + "\n\nhost;x-sdk-date\n" + kEmptyHash;
  const auto auth = hand_authorization(mt::kDefaultAccessKey, mt::kDefaultSecretKey, date, "host;x-sdk-date", canonical);
  const auto result = client.request(http::verb::get, "/v1/" + other + "/visualization-jobs", {},
                                     {{"X-Sdk-Date", date}, {"Authorization", auth}});
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(result.status() == 403);
  const auto body = body_of(result);
  BOOST_TEST(body.at("is_success").as_bool() == false);
  BOOST_TEST(body.at("error_code").as_string() == "ModelArts.0210");
  BOOST_TEST(!body.at("error_message").as_string().empty());
}

BOOST_AUTO_TEST_SUITE_END()
