// SPDX-License-Identifier: Apache-2.0
// The emulated IAM: password tokens, project lookup, temporary credentials, and the gateway accepting them.
#include <regex>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <modelarts/testing/emulator.hpp>

#include "support/hand_signer.hpp"
#include "support/http_client.hpp"

namespace {

namespace http = boost::beast::http;
namespace json = boost::json;
namespace mt = modelarts::testing;
using modelarts::test::ClientResult;

const std::string kEmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

std::string password_body(const std::string& account, const std::string& user, const std::string& password,
                          const std::string& scope) {
  return R"({"auth":{"identity":{"methods":["password"],"password":{"user":{"name":")" + user +
         R"(","password":")" + password + R"(","domain":{"name":")" + account + R"("}}}},"scope":{"project":)" +
         scope + "}}}";
}

struct IamFixture {
  mt::Emulator emulator;
  modelarts::test::HttpClient client{emulator.port()};
  std::string pid = mt::kDefaultProjectId;

  ClientResult issue(const std::string& password, const std::string& scope = R"({"name":"cn-north-4"})") {
    return client.request(http::verb::post, "/v3/auth/tokens?nocatalog=true",
                          password_body(mt::kDefaultAccount, mt::kDefaultUsername, password, scope),
                          {{"Content-Type", "application/json;charset=utf8"}});
  }
  std::string new_token() {
    const auto result = issue(mt::kDefaultPassword);
    BOOST_REQUIRE_EQUAL(result.status(), 201);
    return result.header("X-Subject-Token");
  }
};

json::object body_of(const ClientResult& result) { return json::parse(result.response.body()).as_object(); }

std::chrono::system_clock::time_point parse_iam_time(const std::string& text) {
  std::tm utc{};
  BOOST_REQUIRE(strptime(text.c_str(), "%Y-%m-%dT%H:%M:%S", &utc) != nullptr);
  return std::chrono::system_clock::from_time_t(timegm(&utc));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(iam_tokens)

BOOST_FIXTURE_TEST_CASE(password_token_is_issued_like_iam, IamFixture) {
  const auto result = issue(mt::kDefaultPassword);
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(result.status() == 201);
  const std::string token = result.header("X-Subject-Token");
  BOOST_TEST(token.size() > 8500u);
  BOOST_TEST(token.size() < 10000u);
  BOOST_TEST(token.rfind("MII", 0) == 0u);
  BOOST_TEST(token != new_token());  // random, not derived from the credentials
  const auto body = body_of(result).at("token").as_object();
  const std::regex iso(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)");
  const std::string expires(body.at("expires_at").as_string());
  const std::string issued(body.at("issued_at").as_string());
  BOOST_TEST(std::regex_match(expires, iso), expires);
  BOOST_TEST(std::regex_match(issued, iso), issued);
  const auto lifetime = parse_iam_time(expires) - parse_iam_time(issued);
  BOOST_TEST(std::chrono::duration_cast<std::chrono::hours>(lifetime).count() == 24);
  BOOST_TEST(body.at("methods").as_array().at(0).as_string() == "password");
  BOOST_TEST(body.at("project").at("id").as_string() == pid);
  BOOST_TEST(body.at("project").at("name").as_string() == mt::kDefaultRegion);
  BOOST_TEST(body.at("project").at("domain").at("name").as_string() == mt::kDefaultAccount);
  BOOST_TEST(body.at("user").at("name").as_string() == mt::kDefaultUsername);
  BOOST_TEST(!body.at("roles").as_array().empty());
}

BOOST_FIXTURE_TEST_CASE(project_scope_by_id_works, IamFixture) {
  const auto result = issue(mt::kDefaultPassword, R"({"id":")" + pid + R"("})");
  BOOST_TEST(result.status() == 201);
}

BOOST_FIXTURE_TEST_CASE(wrong_password_is_keystone_401, IamFixture) {
  const auto result = issue("wrong-password");
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(result.status() == 401);
  BOOST_TEST(result.header("X-Subject-Token").empty());
  const auto error = body_of(result).at("error").as_object();
  BOOST_TEST(error.at("code").as_int64() == 401);
  BOOST_TEST(error.at("title").as_string() == "Unauthorized");
  BOOST_TEST(error.at("message").as_string() == "The request you have made requires authentication.");
}

BOOST_FIXTURE_TEST_CASE(token_is_accepted_by_the_gateway, IamFixture) {
  const std::string token = new_token();
  const auto ok = client.request(http::verb::get, "/v1/" + pid + "/visualization-jobs", {}, {{"X-Auth-Token", token}});
  BOOST_TEST(ok.status() == 200, ok.response.body());
  const auto bad = client.request(http::verb::get, "/v1/" + pid + "/visualization-jobs", {},
                                  {{"X-Auth-Token", token.substr(0, token.size() - 4) + "AAAA"}});
  BOOST_TEST(bad.status() == 401);
  BOOST_TEST(body_of(bad).at("error_code").as_string() == "APIGW.0301");
  BOOST_TEST(std::string(body_of(bad).at("error_msg").as_string()).find("decrypt token fail") != std::string::npos);
  const auto other = client.request(http::verb::get, "/v1/22222222222222222222222222222222/visualization-jobs", {},
                                    {{"X-Auth-Token", token}});
  BOOST_TEST(other.status() == 403);
  BOOST_TEST(body_of(other).at("error_code").as_string() == "ModelArts.0210");
}

BOOST_FIXTURE_TEST_CASE(project_lookup_by_region, IamFixture) {
  const std::string date = modelarts::test::hand_sdk_date(std::chrono::system_clock::now());
  const auto lookup = [&](const std::string& region) {
    const std::string canonical = "GET\n/v3/projects/\nname=" + region + "\nhost:" + client.host_header() +
                                  "\nx-sdk-date:" + date + "\n\nhost;x-sdk-date\n" + kEmptyHash;
    const auto auth = modelarts::test::hand_authorization(mt::kDefaultAccessKey, mt::kDefaultSecretKey, date,
                                                          "host;x-sdk-date", canonical);
    return client.request(http::verb::get, "/v3/projects?name=" + region, {},
                          {{"X-Sdk-Date", date}, {"Authorization", auth}});
  };
  const auto found = lookup(mt::kDefaultRegion);
  BOOST_REQUIRE_EQUAL(found.status(), 200);
  const auto projects = body_of(found).at("projects").as_array();
  BOOST_REQUIRE_EQUAL(projects.size(), 1u);
  BOOST_TEST(projects[0].at("id").as_string() == pid);
  BOOST_TEST(projects[0].at("name").as_string() == mt::kDefaultRegion);
  BOOST_TEST(projects[0].at("enabled").as_bool());
  BOOST_TEST(!projects[0].at("domain_id").as_string().empty());
  BOOST_TEST(body_of(found).at("links").is_object());

  const auto unknown = lookup("xx-nowhere-1");
  BOOST_REQUIRE_EQUAL(unknown.status(), 200);
  BOOST_TEST(body_of(unknown).at("projects").as_array().empty());

  const auto unsigned_lookup = client.request(http::verb::get, "/v3/projects?name=cn-north-4");
  BOOST_TEST(unsigned_lookup.status() == 401);

  const auto by_token = client.request(http::verb::get, "/v3/projects?name=cn-north-4", {},
                                       {{"X-Auth-Token", new_token()}});
  BOOST_TEST(by_token.status() == 200);
}

BOOST_FIXTURE_TEST_CASE(temporary_credentials_need_their_security_token, IamFixture) {
  const auto issued = client.request(
      http::verb::post, "/v3.0/OS-CREDENTIAL/securitytokens",
      R"({"auth":{"identity":{"methods":["token"],"token":{"duration_seconds":900}}}})",
      {{"Content-Type", "application/json"}, {"X-Auth-Token", new_token()}});
  BOOST_REQUIRE_EQUAL(issued.status(), 201);
  const auto credential = body_of(issued).at("credential").as_object();
  const std::string access(credential.at("access").as_string());
  const std::string secret(credential.at("secret").as_string());
  const std::string security_token(credential.at("securitytoken").as_string());
  BOOST_TEST(!credential.at("expires_at").as_string().empty());

  const std::string date = modelarts::test::hand_sdk_date(std::chrono::system_clock::now());
  const auto send = [&](bool with_token) {
    std::string canonical = "GET\n/v1/" + pid + "/visualization-jobs/\n\nhost:" + client.host_header() +
                            "\nx-sdk-date:" + date + "\nx-security-token:" + security_token +
                            "\n\nhost;x-sdk-date;x-security-token\n" + kEmptyHash;
    const auto auth = modelarts::test::hand_authorization(access, secret, date, "host;x-sdk-date;x-security-token",
                                                          canonical);
    modelarts::test::ClientRequest request{http::verb::get, "/v1/" + pid + "/visualization-jobs", 11};
    request.set("X-Sdk-Date", date);
    request.set("Authorization", auth);
    if (with_token) request.set("X-Security-Token", security_token);
    return client.send(std::move(request));
  };
  BOOST_TEST(send(true).status() == 200);
  const auto without = send(false);
  BOOST_TEST(without.status() == 401);
  BOOST_TEST(body_of(without).at("error_code").as_string() == "APIGW.0301");

  const auto no_token = client.request(http::verb::post, "/v3.0/OS-CREDENTIAL/securitytokens", "{}");
  BOOST_TEST(no_token.status() == 401);
}

BOOST_AUTO_TEST_SUITE_END()
