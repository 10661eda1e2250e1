// SPDX-License-Identifier: Apache-2.0
// The secrets test: every session kind (AK/SK, temporary AK/SK with a security token, password) against a
// loopback gateway that echoes the credentials it received in each encoding a server may use (raw, JSON-escaped,
// \u-escaped, percent-encoded in either case, truncated), with and without verbose logging, and the CLI with and
// without -v. Every channel a user sees (what(), error_msg(), error_code(), raw_body(), raw bodies of
// Session::request, log lines, CLI output) is searched for any 8-byte piece of each secret, raw or decoded.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include <boost/json/parse.hpp>

#include <modelarts/modelarts.hpp>

#include "support/reliability_support.hpp"

using namespace modelarts;
using namespace modelarts::test;

namespace {

// Quotes, backslashes and slashes make every escaping differ from the raw text.
const std::string kSecretKey = "SKecho/secret\"7f3b\\9c1e-XYZZY-do-not-log";
const std::string kSecurityToken = "STecho-temporary/token+QUUX=\"do-not-log\"";
const std::string kPassword = "PWecho\"hunter2\\FROBOZZ/do-not-log";
const std::string kWrongPassword = "PWwrong\"correct\\horse/GRUE-do-not-log";
const std::string kProject = "0123456789abcdef0123456789abcdef";

// An IAM token as long as real ones, with base64's '/' and '+'.
const std::string& iam_token() {
  static const std::string token = [] {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string value = "MIIECHO";
    unsigned state = 12345;
    for (int i = 0; i < 1500; ++i) {
      state = state * 1103515245u + 12345u;
      value.push_back(kAlphabet[(state >> 16) % 64]);
    }
    return value;
  }();
  return token;
}

const char* const kEncodings[] = {"raw", "json", "uescape", "percent", "percent-lower", "truncated"};

std::string encode(const std::string& encoding, const std::string& text) {
  std::string out;
  char buffer[8];
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (encoding == "json") {
      if (c == '"' || c == '\\' || c == '/') out.push_back('\\');
      out.push_back(c);
    } else if (encoding == "uescape") {
      std::snprintf(buffer, sizeof buffer, "\\u%04x", byte);
      out += buffer;
    } else if (encoding == "percent" || encoding == "percent-lower") {
      const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
      if (plain) {
        out.push_back(c);
      } else {
        std::snprintf(buffer, sizeof buffer, encoding == "percent" ? "%%%02X" : "%%%02x", byte);
        out += buffer;
      }
    } else {
      out.push_back(c);
    }
  }
  return out;
}

/// Gateway and IAM in one: the first path segment names the encoding of its echoes. POST .../v3/auth/tokens
/// issues the token for the right password and otherwise answers 401 quoting the password; every other request
/// is answered 401 quoting the credentials it carried ("ok" paths: 200 with the same quote).
class EchoGateway {
 public:
  EchoGateway()
      : server_(LoopbackServer::serve_http([](const ServerRequest& request) { return answer(request); })) {}
  std::string endpoint(const std::string& encoding) const {
    return "http://127.0.0.1:" + std::to_string(server_.port()) + "/" + encoding;
  }

 private:
  static ServerResponse answer(const ServerRequest& request) {
    const std::string target(request.target());
    const std::string encoding = target.substr(1, target.find('/', 1) - 1);
    std::vector<std::string> quoted;
    if (target.find("/v3/auth/tokens") != std::string::npos) {
      boost::system::error_code ec;
      const boost::json::value body = boost::json::parse(request.body(), ec);
      const boost::json::value* password = ec ? nullptr : &body;
      for (const char* key : {"auth", "identity", "password", "user", "password"}) {
        const auto* object = password != nullptr ? password->if_object() : nullptr;
        password = object != nullptr ? object->if_contains(key) : nullptr;
      }
      const std::string sent = password != nullptr && password->is_string() ? std::string(password->get_string()) : "";
      if (sent == kPassword) {
        ServerResponse issued = make_server_response(
            201, R"({"token":{"issued_at":"2024-01-01T00:00:00.000000Z","expires_at":"2099-01-01T00:00:00.000000Z",)"
                 R"("project":{"id":")" + kProject + R"("}}})");
        issued.set("X-Subject-Token", iam_token());
        return issued;
      }
      quoted.push_back("password=" + sent);
    }
    for (const char* name : {"X-Security-Token", "X-Auth-Token", "Authorization"}) {
      const auto value = request[name];
      if (!value.empty()) quoted.push_back(std::string(name) + ": " + std::string(value));
    }
    std::string echo;
    for (std::string value : quoted) {
      // Truncated: each value cut after 9 more bytes (a prefix that still says too much).
      if (encoding == "truncated") value = value.substr(0, value.find_first_of(":=") + 11);
      echo += encode(encoding, value) + "; ";
    }
    const unsigned status = target.find("/ok") != std::string::npos ? 200 : 401;
    return make_server_response(status, R"({"error_code":"APIGW.0301","error_msg":"Incorrect authentication: )" +
                                            echo + R"(","request_id":"r1"})");
  }

  LoopbackServer server_;
};

struct Kind {
  const char* name;
  std::function<SessionOptions(const std::string& endpoint)> options;
  std::vector<std::string> env;  ///< the same credentials as CLI environment
};

std::vector<Kind> session_kinds() {
  const auto base = [](const std::string& endpoint) {
    return SessionOptions{}.region_name("cn-north-4").modelarts_endpoint(endpoint).iam_endpoint(endpoint).retry(
        RetryOptions{}.max_attempts(2).initial_backoff(std::chrono::milliseconds(1)));
  };
  return {
      {"AK/SK", [base](const std::string& e) { return base(e).access_key("AKECHO").secret_key(kSecretKey).project_id(kProject); },
       {"HUAWEICLOUD_SDK_AK=AKECHO", "HUAWEICLOUD_SDK_SK=" + kSecretKey, "HUAWEICLOUD_SDK_PROJECT_ID=" + kProject}},
      {"temporary AK/SK",
       [base](const std::string& e) {
         return base(e).access_key("AKECHO").secret_key(kSecretKey).security_token(kSecurityToken).project_id(kProject);
       },
       {"HUAWEICLOUD_SDK_AK=AKECHO", "HUAWEICLOUD_SDK_SK=" + kSecretKey, "HUAWEICLOUD_SDK_SECURITY_TOKEN=" + kSecurityToken,
        "HUAWEICLOUD_SDK_PROJECT_ID=" + kProject}},
      {"password", [base](const std::string& e) { return base(e).account("acct").username("user").password(kPassword); },
       {"MODELARTS_ACCOUNT=acct", "MODELARTS_USERNAME=user", "MODELARTS_PASSWORD=" + kPassword}},
      {"wrong password",
       [base](const std::string& e) { return base(e).account("acct").username("user").password(kWrongPassword); },
       {"MODELARTS_ACCOUNT=acct", "MODELARTS_USERNAME=user", "MODELARTS_PASSWORD=" + kWrongPassword}},
  };
}

const std::vector<std::string>& secrets() {
  static const std::vector<std::string> all = {kSecretKey, kSecurityToken, kPassword, kWrongPassword, iam_token()};
  return all;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(secrets_echo)

BOOST_AUTO_TEST_CASE(echoed_credentials_reach_no_channel_in_any_encoding) {
  EchoGateway gateway;
  int errors_seen = 0;
  int echoes_seen = 0;
  for (const Kind& kind : session_kinds()) {
    for (const char* encoding : kEncodings) {
      for (const bool verbose : {false, true}) {
        BOOST_TEST_CONTEXT(kind.name << ", " << encoding << (verbose ? ", verbose" : "")) {
          LogCapture log;
          std::vector<std::string> shown;
          SessionOptions options = kind.options(gateway.endpoint(encoding)).log_handler(log.handler());
          options.log_level(verbose ? LogLevel::debug : LogLevel::info);
          const auto keep = [&](const std::function<void()>& step) {
            try {
              step();
            } catch (const ApiError& e) {
              ++errors_seen;
              shown.insert(shown.end(), {e.what(), e.error_msg(), e.error_code(), e.raw_body(), e.request_id()});
            } catch (const Error& e) {
              ++errors_seen;
              shown.emplace_back(e.what());
            }
          };
          Session session(options);
          keep([&] { VisualizationJob::get_visualization_job_list(session); });
          keep([&] { TrainingJob(session, "1234", "1").get_job_info(); });
          keep([&] {
            const RawResponse failed = session.request("GET", "/v1/" + kProject + "/visualization-jobs");
            shown.push_back(failed.body);
            const RawResponse ok = session.request("GET", "/v1/" + kProject + "/ok");
            echoes_seen += ok.status == 200 && ok.body.find("Incorrect authentication: ") != std::string::npos;
            shown.push_back(ok.body);
          });
          for (const auto& [level, line] : log.lines()) shown.push_back(line);
          for (const std::string& text : shown) {
            const std::string leaked = leaked_secret(text, secrets());
            BOOST_TEST(leaked.empty(), "shows " << leaked << ": " << text);
          }
        }
      }
    }
  }
  BOOST_TEST(errors_seen >= 4 * 6 * 2 * 2);
  BOOST_TEST(echoes_seen >= 3 * 6 * 2);  // the wrong password never gets past IAM
}

BOOST_AUTO_TEST_CASE(cli_output_shows_no_echoed_credential) {
  const std::filesystem::path cli = std::filesystem::path(MODELARTS_BINARY_DIR) / "bin" / "modelarts";
  if (!std::filesystem::exists(cli)) {
    BOOST_TEST_MESSAGE("no CLI at " << cli << "; skipped");
    return;
  }
  EchoGateway gateway;
  int failures = 0;
  int run = 0;
  for (const Kind& kind : session_kinds()) {
    for (const char* encoding : kEncodings) {
      for (const char* verbose : {"", "--verbose "}) {
        std::string command = "env -i HOME=/nonexistent MODELARTS_REGION=cn-north-4 MODELARTS_ENDPOINT=" +
                              gateway.endpoint(encoding) + " HUAWEICLOUD_SDK_IAM_ENDPOINT=" + gateway.endpoint(encoding);
        for (const std::string& variable : kind.env) command += ' ' + shell_quote(variable);
        // An error line and a raw body in turn: each command meets every kind, with and without -v.
        {
          const int turn = run / 2 + run;  // swaps the pairing with -v from one encoding to the next
          ++run;
          const std::string arguments = turn % 2 == 0 ? std::string("visualization-job list")
                                            : "raw GET /v1/" + kProject + "/visualization-jobs";
          const ProcessResult result = run_process(command + ' ' + cli.string() + ' ' + verbose + arguments);
          BOOST_TEST_CONTEXT(kind.name << ", " << encoding << ", " << verbose << arguments) {
            failures += result.exit_status != 0;
            BOOST_TEST(!result.output.empty());
            const std::string leaked = leaked_secret(result.output, secrets());
            BOOST_TEST(leaked.empty(), "CLI output shows " << leaked << ":\n" << result.output);
          }
        }
      }
    }
  }
  BOOST_TEST(failures >= 4 * 6);  // at least the listing fails every time (401)
}

BOOST_AUTO_TEST_SUITE_END()
