// SPDX-License-Identifier: Apache-2.0
// Every setting that becomes part of a URL is checked before any request: a hostile
// region, project ID or endpoint is a ConfigurationError naming the setting, printed without its user info,
// query or raw control bytes, and nothing is sent (with password login: the password goes nowhere).
#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>
#include <vector>

#include <modelarts/error.hpp>
#include <modelarts/session.hpp>

#include "support/fake_transport.hpp"

using namespace modelarts;
using namespace modelarts::test;

namespace {

const std::string kPassword = "PWvalidation-secret-do-not-show";
const std::string kUserInfoSecret = "s3cr3t-in-the-url";

struct Hostile {
  const char* setting;  ///< the setting's name, which the message must show
  std::string value;
};

const std::vector<Hostile>& hostile_values() {
  static const std::vector<Hostile> values = {
      {"region_name", "evil.example.com/"},
      {"region_name", "cn-north-4:8443"},
      {"region_name", "cn-north-4\r\nX-Injected: 1"},
      {"region_name", "cn-north-4\x1b]0;owned\x07"},
      {"region_name", "\x1b[2Jcn-north-4"},
      {"region_name", "CN-NORTH-4"},
      {"region_name", "cn_north_4"},
      {"region_name", "cn-north-4."},
      {"region_name", "../cn-north-4"},
      {"region_name", "cn-north-4/../x"},
      {"region_name", "cn-north-4?x=1"},
      {"region_name", "cn-north-4#f"},
      {"region_name", "user@cn-north-4"},
      {"region_name", " cn-north-4"},
      {"region_name", "cn-north-4\t"},
      {"region_name", "-cn-north-4"},
      {"region_name", "cn-north-"},
      {"region_name", "cn--north-4"},
      {"region_name", std::string("cn-north-4\0evil", 15)},
      {"region_name", "cn-n\xC3\xB6rth-4"},
      {"region_name", "cn-north-4\x7f"},
      {"region_name", "%2e%2e"},
      {"region_name", std::string(64, 'a')},
      {"project_id", "../../v2"},
      {"project_id", "p/q"},
      {"project_id", "p?x=1"},
      {"project_id", "p#x"},
      {"project_id", "p%2f"},
      {"project_id", "p\r\nX: y"},
      {"project_id", "p q"},
      {"project_id", std::string(65, 'a')},
      {"modelarts_endpoint", "ftp://127.0.0.1/"},
      {"modelarts_endpoint", "https://user:pa/ss" + kUserInfoSecret + "@host/"},
      {"modelarts_endpoint", "https://user:pa#" + kUserInfoSecret + "@host/"},
      {"modelarts_endpoint", "https://user:pa?" + kUserInfoSecret + "@host/"},
      {"modelarts_endpoint", "https://user:" + kUserInfoSecret + "@host/"},
      {"modelarts_endpoint", "https://host/?access_token=" + kUserInfoSecret},
      {"modelarts_endpoint", "https://host/#" + kUserInfoSecret},
      {"modelarts_endpoint", "https://host/a/../b"},
      {"modelarts_endpoint", "https://host/%2e%2e/b"},
      {"modelarts_endpoint", "https://host/a%2Fb"},
      {"modelarts_endpoint", "https://host/a%5cb"},
      {"modelarts_endpoint", "https://host//b"},
      {"modelarts_endpoint", "https://host/a%0d%0aX:%20y"},
      {"modelarts_endpoint", "https://ho st/"},
      {"modelarts_endpoint", "https://host:0/"},
      {"modelarts_endpoint", "https://host:99999/"},
      {"modelarts_endpoint", "https://[::1/"},
      {"modelarts_endpoint", "https://host\r\n/"},
      {"modelarts_endpoint", "https://\x1b[2Jhost/"},
      {"modelarts_endpoint", "javascript:alert(1)"},
      {"modelarts_endpoint", "https://"},
      {"modelarts_endpoint", "https:///path"},
      {"modelarts_endpoint", "https://exa%2ample.com/"},
      {"modelarts_endpoint", "https://host..example.com/"},
      {"modelarts_endpoint", "https://[v1.fe]/"},
      {"iam_endpoint", "file:///etc/passwd"},
      {"iam_endpoint", "https://user:" + kUserInfoSecret + "@iam.example.com/"},
      {"iam_endpoint", "https://iam.example.com/?" + kUserInfoSecret},
      {"obs_endpoint", "https://obs.example.com/..%2f"},
  };
  return values;
}

SessionOptions with(SessionOptions options, const Hostile& hostile) {
  const std::string setting = hostile.setting;
  if (setting == "region_name") options.region_name(hostile.value);
  if (setting == "project_id") options.project_id(hostile.value);
  if (setting == "modelarts_endpoint") options.modelarts_endpoint(hostile.value);
  if (setting == "iam_endpoint") options.iam_endpoint(hostile.value);
  if (setting == "obs_endpoint") options.obs_endpoint(hostile.value);
  return options;
}

bool has_raw_control_byte(const std::string& text) {
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) return true;
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(settings_validation)

BOOST_AUTO_TEST_CASE(hostile_url_parts_are_refused_before_any_request) {
  BOOST_TEST(hostile_values().size() >= 30u);
  for (const Hostile& hostile : hostile_values()) {
    for (const bool password_login : {true, false}) {
      auto transport = std::make_shared<FakeTransport>();
      transport->reply(200, R"({"projects":[{"id":"0123456789abcdef0123456789abcdef"}]})");
      SessionOptions base = SessionOptions{}.region_name("cn-north-4").transport(transport).clock(
          std::make_shared<FakeClock>());
      if (password_login) base.account("acct").username("user").password(kPassword);
      else base.access_key("AK").secret_key("SK-not-shown-0123456789");
      std::string message;
      BOOST_TEST_CONTEXT(hostile.setting << " = " << hostile.value << (password_login ? " (password)" : " (AK/SK)")) {
        try {
          Session session(with(base, hostile));
          session.project_id();
          BOOST_ERROR("accepted");
        } catch (const ConfigurationError& e) {
          message = e.what();
        } catch (const Error& e) {
          BOOST_ERROR("not a ConfigurationError: " << e.what());
        }
        BOOST_TEST(message.find(hostile.setting) != std::string::npos, message);
        BOOST_TEST(!has_raw_control_byte(message), message);
        BOOST_TEST(message.find(kUserInfoSecret) == std::string::npos, message);
        BOOST_TEST(message.find(kPassword) == std::string::npos, message);
        BOOST_TEST(message.find("access_token") == std::string::npos, message);
        BOOST_TEST(transport->request_count() == 0u);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(real_regions_project_ids_and_endpoints_are_accepted) {
  for (const char* region : {"cn-north-4", "eu-west-101", "ap-southeast-1", "la-south-2", "cn-north-9", "af-south-1"}) {
    BOOST_CHECK_NO_THROW(Session(SessionOptions{}.access_key("AK").secret_key("SK").region_name(region)));
  }
  for (const char* project : {"0123456789abcdef0123456789abcdef", "configured", "p", "my_project-1"}) {
    BOOST_CHECK_NO_THROW(
        Session(SessionOptions{}.access_key("AK").secret_key("SK").region_name("cn-north-4").project_id(project)));
  }
  for (const char* endpoint : {"https://modelarts.cn-north-4.myhuaweicloud.com", "http://127.0.0.1:8080",
                               "https://[::1]:8443/prefix/v", "modelarts.example.com", "HTTPS://Host_1.Example.com/a%20b/"}) {
    BOOST_CHECK_NO_THROW(Session(SessionOptions{}
                                     .access_key("AK")
                                     .secret_key("SK")
                                     .region_name("cn-north-4")
                                     .modelarts_endpoint(endpoint)
                                     .iam_endpoint(endpoint)));
  }
}

BOOST_AUTO_TEST_CASE(a_bad_region_blames_the_region_not_the_endpoint) {
  try {
    Session::with_password("acct", "user", kPassword, "evil.example.com/");
    BOOST_ERROR("accepted");
  } catch (const ConfigurationError& e) {
    const std::string message = e.what();
    BOOST_TEST(message.find("region_name") != std::string::npos, message);
    BOOST_TEST(message.find("MODELARTS_ENDPOINT") == std::string::npos, message);
    BOOST_TEST(message.find("\"evil.example.com/\"") != std::string::npos, message);
  }
}

BOOST_AUTO_TEST_CASE(an_iam_project_id_that_cannot_stand_in_a_url_is_refused) {
  auto transport = std::make_shared<FakeTransport>();
  transport->reply(200, R"({"projects":[{"id":"../../v2/x"}]})");
  Session session(SessionOptions{}.access_key("AK").secret_key("SK").region_name("cn-north-4").transport(transport));
  BOOST_CHECK_THROW(session.project_id(), TransportError);
  BOOST_TEST(transport->request_count() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
