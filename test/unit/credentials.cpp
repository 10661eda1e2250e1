// SPDX-License-Identifier: Apache-2.0
// Settings from the environment and the credentials file; the missing-settings message; endpoint defaults.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>

#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include <modelarts/error.hpp>
#include <modelarts/session.hpp>

#include "detail/settings.hpp"

#include "support/fake_transport.hpp"

using namespace modelarts;
namespace fs = std::filesystem;

namespace {

const char* const kVariables[] = {
    "HUAWEICLOUD_SDK_AK",         "HUAWEICLOUD_SDK_SK",          "HUAWEICLOUD_SDK_SECURITY_TOKEN",
    "HUAWEICLOUD_SDK_PROJECT_ID", "HUAWEICLOUD_SDK_IAM_ENDPOINT", "HUAWEICLOUD_SDK_CREDENTIALS_FILE",
    "MODELARTS_REGION",           "MODELARTS_ENDPOINT",          "MODELARTS_CA_FILE",
    "MODELARTS_ACCOUNT",          "MODELARTS_USERNAME",          "MODELARTS_PASSWORD",
    "MODELARTS_PROFILE",          "HOME"};

/// Clears every variable the SDK reads, points HOME at an empty temp dir, and restores all on exit.
class ScopedEnvironment {
 public:
  ScopedEnvironment() {
    for (const char* name : kVariables) {
      const char* value = std::getenv(name);
      saved_[name] = value ? std::optional<std::string>(value) : std::nullopt;
      unsetenv(name);
    }
    home_ = fs::temp_directory_path() / ("modelarts-core-test-" + std::to_string(::getpid()));
    fs::remove_all(home_);
    fs::create_directories(home_ / ".huaweicloud");
    setenv("HOME", home_.c_str(), 1);
  }
  ~ScopedEnvironment() {
    for (const auto& [name, value] : saved_) {
      if (value) setenv(name.c_str(), value->c_str(), 1);
      else unsetenv(name.c_str());
    }
    std::error_code ignored;
    fs::remove_all(home_, ignored);
  }
  void set(const char* name, const std::string& value) { setenv(name, value.c_str(), 1); }
  fs::path write_credentials(const std::string& text, const fs::path& relative = ".huaweicloud/credentials") {
    const fs::path path = home_ / relative;
    std::ofstream(path) << text;
    return path;
  }

 private:
  std::map<std::string, std::optional<std::string>> saved_;
  fs::path home_;
};

std::string configuration_error_of(const SessionOptions& options) {
  try {
    Session session(options);
  } catch (const ConfigurationError& e) {
    return e.what();
  }
  return "<no error>";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(credentials)

BOOST_AUTO_TEST_CASE(everything_from_environment) {
  ScopedEnvironment env;
  env.set("HUAWEICLOUD_SDK_AK", "ENV-AK");
  env.set("HUAWEICLOUD_SDK_SK", "ENV-SK");
  env.set("HUAWEICLOUD_SDK_SECURITY_TOKEN", "ENV-TOKEN");
  env.set("HUAWEICLOUD_SDK_PROJECT_ID", "env-project");
  env.set("HUAWEICLOUD_SDK_IAM_ENDPOINT", "https://iam.example.test");
  env.set("MODELARTS_REGION", "cn-north-4");
  env.set("MODELARTS_ENDPOINT", "http://127.0.0.1:8443");
  env.set("MODELARTS_CA_FILE", "/tmp/ca.pem");
  env.set("MODELARTS_ACCOUNT", "acct");
  env.set("MODELARTS_USERNAME", "user");
  env.set("MODELARTS_PASSWORD", "pw");
  env.write_credentials("[basic]\nak = FILE-AK\nsk = FILE-SK\nproject_id = file-project\n");
  const SessionOptions options = SessionOptions::from_environment();
  BOOST_TEST(options.access_key() == "ENV-AK");
  BOOST_TEST(options.secret_key() == "ENV-SK");
  BOOST_TEST(options.security_token() == "ENV-TOKEN");
  BOOST_TEST(options.project_id() == "env-project");
  BOOST_TEST(options.iam_endpoint() == "https://iam.example.test");
  BOOST_TEST(options.region_name() == "cn-north-4");
  BOOST_TEST(options.modelarts_endpoint() == "http://127.0.0.1:8443");
  BOOST_TEST(options.transport_options().ca_file == "/tmp/ca.pem");
  BOOST_TEST(options.account() == "acct");
  BOOST_TEST(options.username() == "user");
  BOOST_TEST(options.password() == "pw");
}

BOOST_AUTO_TEST_CASE(credentials_file_fills_what_environment_leaves_unset) {
  ScopedEnvironment env;
  env.set("MODELARTS_REGION", "cn-east-3");
  env.set("HUAWEICLOUD_SDK_PROJECT_ID", "env-project");
  env.write_credentials(
      "# comment\n[global]\nak = WRONG\n\n[basic]\nak = FILE-AK\n  sk=FILE-SK  \r\nsecurity_token = FILE-TOKEN\n"
      "project_id = file-project\niam_endpoint = https://iam.file.test\n; trailing comment\n");
  auto options = SessionOptions::from_environment();
  BOOST_TEST(options.access_key() == "FILE-AK");
  BOOST_TEST(options.secret_key() == "FILE-SK");
  BOOST_TEST(options.security_token() == "FILE-TOKEN");
  BOOST_TEST(options.project_id() == "env-project");
  BOOST_TEST(options.iam_endpoint() == "https://iam.file.test");
  auto transport = std::make_shared<modelarts::test::FakeTransport>();
  Session session(options.transport(transport));
  BOOST_TEST(session.modelarts_endpoint() == "https://modelarts.cn-east-3.myhuaweicloud.com");
  BOOST_TEST(session.project_id() == "env-project");
  BOOST_TEST(transport->request_count() == 0u);
}

BOOST_AUTO_TEST_CASE(credentials_file_location_from_environment) {
  ScopedEnvironment env;
  const fs::path path = env.write_credentials("[basic]\nak=ALT-AK\nsk=ALT-SK\n", "alt-credentials");
  env.set("HUAWEICLOUD_SDK_CREDENTIALS_FILE", path.string());
  BOOST_TEST(SessionOptions::from_environment().access_key() == "ALT-AK");
}

BOOST_AUTO_TEST_CASE(environment_keys_are_not_mixed_with_file_keys) {
  ScopedEnvironment env;
  env.set("HUAWEICLOUD_SDK_AK", "ENV-AK");
  env.write_credentials("[basic]\nak=FILE-AK\nsk=FILE-SK\nsecurity_token=FILE-TOKEN\n");
  const auto options = SessionOptions::from_environment();
  BOOST_TEST(options.access_key() == "ENV-AK");
  BOOST_TEST(options.secret_key().empty());
  BOOST_TEST(options.security_token().empty());
}

BOOST_AUTO_TEST_CASE(default_session_names_every_missing_setting) {
  ScopedEnvironment env;
  try {
    Session session;
    BOOST_FAIL("no error");
  } catch (const ConfigurationError& e) {
    const std::string what = e.what();
    BOOST_TEST(what.find("HUAWEICLOUD_SDK_AK") != std::string::npos);
    BOOST_TEST(what.find("HUAWEICLOUD_SDK_SK") != std::string::npos);
    BOOST_TEST(what.find("MODELARTS_REGION") != std::string::npos);
    BOOST_TEST(what.find("MODELARTS_PASSWORD") != std::string::npos);  // the alternative is named too
  }
}

BOOST_AUTO_TEST_CASE(missing_message_never_contains_a_secret) {
  ScopedEnvironment env;
  const std::string sk_only = configuration_error_of(SessionOptions{}.secret_key("TOP-SECRET-SK"));
  BOOST_TEST(sk_only.find("access_key (HUAWEICLOUD_SDK_AK)") != std::string::npos);
  BOOST_TEST(sk_only.find("region_name (MODELARTS_REGION)") != std::string::npos);
  BOOST_TEST(sk_only.find("secret_key") == std::string::npos);
  BOOST_TEST(sk_only.find("TOP-SECRET-SK") == std::string::npos);

  const std::string password_only =
      configuration_error_of(SessionOptions{}.password("TOP-SECRET-PW").region_name("cn-north-4"));
  BOOST_TEST(password_only.find("account (MODELARTS_ACCOUNT)") != std::string::npos);
  BOOST_TEST(password_only.find("username (MODELARTS_USERNAME)") != std::string::npos);
  BOOST_TEST(password_only.find("TOP-SECRET-PW") == std::string::npos);
  BOOST_TEST(password_only.find("region") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(main_account_login_from_the_environment_needs_no_account) {
  // Python Session(username='<account name>', password=..., region_name=...): the user is the account.
  ScopedEnvironment env;
  env.set("MODELARTS_USERNAME", "main-account");
  env.set("MODELARTS_PASSWORD", "pw");
  env.set("MODELARTS_REGION", "cn-north-4");
  Session session;
  BOOST_TEST(session.options().account() == "main-account");
  BOOST_TEST(session.options().username() == "main-account");
  // An explicit account is kept.
  env.set("MODELARTS_ACCOUNT", "the-domain");
  BOOST_TEST(Session().options().account() == "the-domain");
}

BOOST_AUTO_TEST_CASE(region_not_needed_with_endpoint_and_project) {
  ScopedEnvironment env;
  auto transport = std::make_shared<modelarts::test::FakeTransport>();
  Session session(SessionOptions{}
                      .access_key("AK")
                      .secret_key("SK")
                      .project_id("p")
                      .modelarts_endpoint("http://127.0.0.1:9000")
                      .transport(transport));
  BOOST_TEST(session.project_id() == "p");
  BOOST_TEST(session.modelarts_endpoint() == "http://127.0.0.1:9000");
}

BOOST_AUTO_TEST_CASE(endpoint_defaults_and_parsing) {
  ScopedEnvironment env;
  auto transport = std::make_shared<modelarts::test::FakeTransport>();
  const auto make = [&](const std::string& region) {
    return Session(SessionOptions{}.access_key("AK").secret_key("SK").project_id("p").region_name(region).transport(
        transport));
  };
  BOOST_TEST(make("cn-north-4").modelarts_endpoint() == "https://modelarts.cn-north-4.myhuaweicloud.com");
  BOOST_TEST(make("ap-southeast-1").modelarts_endpoint() == "https://modelarts.ap-southeast-1.myhuaweicloud.cn");
  BOOST_TEST(Session::with_access_key("AK", "SK", "p", "cn-south-1").region_name() == "cn-south-1");
  BOOST_CHECK_THROW(Session(SessionOptions{}
                                .access_key("AK")
                                .secret_key("SK")
                                .region_name("cn-north-4")
                                .modelarts_endpoint("ftp://example.test")
                                .transport(transport)),
                    ConfigurationError);
  BOOST_CHECK_THROW(Session::with_password("acct", "user", "", "cn-north-4"), ConfigurationError);
}

// Named profiles: [basic] by default, MODELARTS_PROFILE or options_from_profile(name) for another;
// region, project and endpoints come from the profile too.
BOOST_AUTO_TEST_CASE(profile_supplies_region_project_and_endpoints) {
  ScopedEnvironment env;
  env.write_credentials(
      "[basic]\nak=BASIC-AK\nsk=BASIC-SK\nregion=cn-north-4\n\n"
      "[Dev]\nak=DEV-AK\nsk=DEV-SK\nregion=ap-southeast-1\nproject_id=dev-project\n"
      "modelarts_endpoint=https://ma.dev.example\niam_endpoint=https://iam.dev.example\nobs_endpoint=https://obs.dev.example\n");
  const auto basic = SessionOptions::from_environment();
  BOOST_TEST(basic.access_key() == "BASIC-AK");
  BOOST_TEST(basic.region_name() == "cn-north-4");  // the region in the file is honoured

  env.set("MODELARTS_PROFILE", "dev");  // section names are case-insensitive
  const auto dev = SessionOptions::from_environment();
  BOOST_TEST(dev.access_key() == "DEV-AK");
  BOOST_TEST(dev.secret_key() == "DEV-SK");
  BOOST_TEST(dev.region_name() == "ap-southeast-1");
  BOOST_TEST(dev.project_id() == "dev-project");
  BOOST_TEST(dev.modelarts_endpoint() == "https://ma.dev.example");
  BOOST_TEST(dev.iam_endpoint() == "https://iam.dev.example");
  BOOST_TEST(dev.obs_endpoint() == "https://obs.dev.example");

  // An explicit profile wins over MODELARTS_PROFILE; the environment wins over the file.
  env.set("MODELARTS_REGION", "eu-west-101");
  const auto chosen = detail::options_from_profile("basic");
  BOOST_TEST(chosen.access_key() == "BASIC-AK");
  BOOST_TEST(chosen.region_name() == "eu-west-101");
}

BOOST_AUTO_TEST_CASE(a_named_profile_must_exist) {
  ScopedEnvironment env;
  env.write_credentials("[basic]\nak=A\nsk=S\n");
  BOOST_CHECK_THROW(detail::options_from_profile("nope"), ConfigurationError);
  env.set("MODELARTS_PROFILE", "nope");
  try {
    (void)SessionOptions::from_environment();
    BOOST_FAIL("no error");
  } catch (const ConfigurationError& e) {
    BOOST_TEST(std::string(e.what()).find("profile 'nope'") != std::string::npos);
  }
  // Without a file, the default [basic] is simply empty.
  ScopedEnvironment empty;
  BOOST_TEST(SessionOptions::from_environment().access_key().empty());
}

BOOST_AUTO_TEST_CASE(missing_setting_list_names_variable_and_file_key) {
  const auto missing = detail::missing_setting_list(SessionOptions{}.access_key("AK"));
  BOOST_TEST_REQUIRE(missing.size() == 2u);
  BOOST_TEST(missing[0].setting == "secret_key");
  BOOST_TEST(missing[0].environment == "HUAWEICLOUD_SDK_SK");
  BOOST_TEST(missing[0].file_key == "sk");
  BOOST_TEST(missing[1].setting == "region_name");
  BOOST_TEST(missing[1].file_key == "region");
}

BOOST_AUTO_TEST_SUITE_END()
