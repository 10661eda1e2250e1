// SPDX-License-Identifier: Apache-2.0
// No secret in any log line, error message or CLI output: recognisable SK, password, security token and IAM
// token values go through whole workflows at the most verbose log level, with failures (wrong SK, wrong
// password, unknown job, injected faults, unreachable proxy, incomplete settings), and every captured line
// and what() is searched for them. The IAM token values and Authorization headers actually sent are taken
// from the wire by a recording transport, so the check covers the values really in use.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include <modelarts/modelarts.hpp>
#include <modelarts/testing/emulator.hpp>

#include "support/estimator_options.hpp"
#include "support/reliability_support.hpp"

using namespace modelarts;
using namespace modelarts::test;
namespace mt = modelarts::testing;
using namespace std::chrono_literals;

namespace {

const std::string kAccessKey = "AKREDACTIONTEST00001";
const std::string kSecretKey = "SKsecret-7f3b9c1e5d2a-XYZZY-do-not-log";
const std::string kWrongSecretKey = "SKwrong-0a8e6f4d2c1b-PLUGH-do-not-log";
const std::string kPassword = "PWsecret-hunter2-FROBOZZ-do-not-log";
const std::string kWrongPassword = "PWwrong-correcthorse-GRUE-do-not-log";
const std::string kSecurityToken = "STsecret-temporary-token-QUUX-do-not-log";
const std::string kProxyPassword = "PXsecret-proxy-pass-WIBBLE";

/// Wraps the real transport and remembers every credential that crossed the wire: X-Auth-Token,
/// X-Security-Token, the signature of the Authorization header, and X-Subject-Token replies.
class CredentialRecorder : public HttpTransport {
 public:
  explicit CredentialRecorder(std::shared_ptr<HttpTransport> inner) : inner_(std::move(inner)) {}

  TransportResult send(const HttpRequest& request) override {
    // Not the whole Authorization header: its SignedHeaders list ("content-type;host;...") is no secret and is
    // rightly quoted by the gateway's canonical request; its signature is.
    for (const char* name : {"X-Auth-Token", "X-Security-Token"}) remember(find_header(request.headers, name));
    const std::string_view authorization = find_header(request.headers, "Authorization");
    if (const auto at = authorization.find("Signature="); at != std::string_view::npos) remember(authorization.substr(at + 10));
    // The body of a token request holds the password in JSON; keep nothing from it (the test knows it).
    TransportResult result = inner_->send(request);
    if (const auto* response = std::get_if<HttpResponse>(&result)) remember(response->header("X-Subject-Token"));
    return result;
  }

  std::vector<std::string> values() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return values_;
  }

 private:
  void remember(std::string_view value) {
    if (value.size() < 8) return;
    std::lock_guard<std::mutex> lock(mutex_);
    values_.emplace_back(value);
  }

  std::shared_ptr<HttpTransport> inner_;
  mutable std::mutex mutex_;
  std::vector<std::string> values_;
};

/// Everything a workflow may show a user: every log line and every error message.
struct Exposure {
  LogCapture log;
  std::vector<std::string> messages;
  int failures = 0;

  /// Runs `step`, keeping the message of any modelarts::Error it throws.
  void run(const std::function<void()>& step) {
    try {
      step();
    } catch (const Error& e) {
      ++failures;
      messages.emplace_back(e.what());
    }
  }

  void check(const std::vector<std::string>& secrets) const {
    const auto lines = log.lines();
    BOOST_TEST(!lines.empty());
    for (const auto& [level, line] : lines) {
      const std::string leaked = leaked_secret(line, secrets);
      BOOST_TEST(leaked.empty(), "log line shows " << leaked << ": " << line);
    }
    for (const std::string& message : messages) {
      const std::string leaked = leaked_secret(message, secrets);
      BOOST_TEST(leaked.empty(), "error message shows " << leaked << ": " << message);
    }
  }
};

mt::EmulatorOptions emulator_with_secrets() {
  return mt::EmulatorOptions{}.access_key(kAccessKey).secret_key(kSecretKey).password(kPassword).time_scale(1000);
}

SessionOptions verbose(SessionOptions options, Exposure& exposure, std::shared_ptr<CredentialRecorder> recorder) {
  return options.log_level(LogLevel::debug)
      .log_handler(exposure.log.handler())
      .transport(std::move(recorder))
      .retry(RetryOptions{}.max_attempts(4).initial_backoff(1ms).max_backoff(2ms));
}

/// A short workflow touching creates, reads, lists, updates, a stop, deletes, and an unknown job.
void workflow(const Session& session, Exposure& exposure) {
  exposure.run([&] {
    VisualizationJob job = VisualizationJob(session).create_visualization_job("/bucket/out/", "", "secret-test");
    job.get_visualization_job_info();
    job.update_visualization_job("changed");
    VisualizationJob::get_visualization_job_list(session);
    job.stop_visualization_job();
  });
  exposure.run([&] {
    Estimator estimator(session, pytorch_on_cpu());
    TrainingJob job = estimator.fit(Inputs::obs("/bucket/data/"));
    job.update_job_description("x");
    job.delete_job();
  });
  exposure.run([&] {
    LabelJob job = LabelJob::create(session, CreateLabelRequest{"secret-label", "", "OBS", "/bucket/data/", "", "Manual Image classify"});
    job.delete_label_job();
  });
  exposure.run([&] { VisualizationJob(session, "987654321").delete_visualization_job(); });
  exposure.run([&] { TrainingJob(session, "987654321", "1").get_job_info(); });
  exposure.run([&] { session.request("GET", "/v1/" + session.project_id() + "/no-such-endpoint"); });
}

std::vector<std::string> all_secrets(const CredentialRecorder& recorder) {
  std::vector<std::string> secrets = {kSecretKey, kWrongSecretKey, kPassword, kWrongPassword, kSecurityToken, kProxyPassword};
  for (std::string& value : recorder.values()) secrets.push_back(std::move(value));
  return secrets;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(secrets_redaction)

BOOST_AUTO_TEST_CASE(aksk_with_security_token_and_faults_logs_no_secret) {
  mt::Emulator emulator(emulator_with_secrets().fault_rate(0.3).retry_after_seconds(0));
  auto recorder = std::make_shared<CredentialRecorder>(make_default_transport({}));
  Exposure exposure;
  Session session(verbose(emulator.session_options().security_token(kSecurityToken), exposure, recorder));
  workflow(session, exposure);
  // The unknown training job and endpoint at least (a delete of an unknown job may pass: under faults, a
  // retried delete answering "not found" counts as done).
  BOOST_TEST(exposure.failures >= 1);
  BOOST_TEST(emulator.stats().faults_injected > 0u);
  BOOST_TEST(exposure.log.count(LogLevel::debug) > 10u);
  BOOST_TEST(recorder->values().size() > 10u);  // signatures were sent and are checked too
  exposure.check(all_secrets(*recorder));
}

BOOST_AUTO_TEST_CASE(wrong_secret_key_fails_without_showing_either_key) {
  mt::Emulator emulator(emulator_with_secrets());
  auto recorder = std::make_shared<CredentialRecorder>(make_default_transport({}));
  Exposure exposure;
  // With a security token too: the gateway's 401 message echoes the canonical request, signed headers included.
  Session session(verbose(emulator.session_options().secret_key(kWrongSecretKey).security_token(kSecurityToken),
                          exposure, recorder));
  workflow(session, exposure);
  BOOST_TEST(exposure.failures >= 4);
  bool saw_401 = false;
  for (const std::string& m : exposure.messages) saw_401 |= m.find("401") != std::string::npos;
  BOOST_TEST(saw_401);
  exposure.check(all_secrets(*recorder));
}

BOOST_AUTO_TEST_CASE(password_sessions_never_show_the_password_or_the_iam_token) {
  mt::Emulator emulator(emulator_with_secrets().fault_rate(0.2).retry_after_seconds(0));
  auto recorder = std::make_shared<CredentialRecorder>(make_default_transport({}));
  Exposure exposure;
  Session session(verbose(emulator.password_session_options(), exposure, recorder));
  workflow(session, exposure);
  // Without a project ID the session asks IAM for it (another token-authenticated call).
  Session discovering(verbose(emulator.password_session_options().project_id({}), exposure, recorder));
  exposure.run([&] { VisualizationJob::get_visualization_job_list(discovering); });
  Session wrong(verbose(emulator.password_session_options().password(kWrongPassword), exposure, recorder));
  exposure.run([&] { VisualizationJob::get_visualization_job_list(wrong); });
  BOOST_TEST(exposure.messages.back().find("401") != std::string::npos, exposure.messages.back());

  bool saw_token = false;
  for (const std::string& value : recorder->values()) saw_token |= value.size() > 100;  // IAM tokens are long
  BOOST_TEST(saw_token, "the recorder should have seen the IAM token it must look for");
  exposure.check(all_secrets(*recorder));
}

BOOST_AUTO_TEST_CASE(configuration_and_proxy_errors_show_no_secret) {
  Exposure exposure;
  exposure.run([&] { Session(SessionOptions{}.secret_key(kSecretKey).region_name("cn-north-4")); });
  exposure.run([&] { Session(SessionOptions{}.password(kPassword).username("u").region_name("cn-north-4")); });
  exposure.run([&] { Session(SessionOptions{}.access_key(kAccessKey).secret_key(kSecretKey).security_token(kSecurityToken)); });
  exposure.run([&] {
    Session(SessionOptions{}.access_key(kAccessKey).secret_key(kSecretKey).region_name("cn-north-4")
                .modelarts_endpoint(std::string("http://user:") + kPassword + "@127.0.0.1:1"));
  });
  BOOST_TEST(exposure.failures >= 3);  // the endpoint with user info may be accepted; if refused, it is checked too
  const int before_proxy = exposure.failures;

  // A proxy with credentials that cannot be reached.
  TransportOptions transport;
  transport.proxy = "http://proxyuser:" + kProxyPassword + "@127.0.0.1:1";
  transport.connect_timeout = 500ms;
  auto recorder = std::make_shared<CredentialRecorder>(make_default_transport(transport));
  Session session(verbose(SessionOptions{}
                              .access_key(kAccessKey)
                              .secret_key(kSecretKey)
                              .security_token(kSecurityToken)
                              .project_id("0123456789abcdef0123456789abcdef")
                              .region_name("cn-north-4")
                              .modelarts_endpoint("http://127.0.0.1:1")
                              .transport_options(transport),
                          exposure, recorder));
  exposure.run([&] { VisualizationJob(session, "1").get_visualization_job_info(); });
  BOOST_TEST(exposure.failures == before_proxy + 1);
  exposure.check(all_secrets(*recorder));
}

BOOST_AUTO_TEST_CASE(cli_verbose_output_shows_no_secret) {
  const std::filesystem::path cli = std::filesystem::path(MODELARTS_BINARY_DIR) / "bin" / "modelarts";
  if (!std::filesystem::exists(cli)) {
    BOOST_TEST_MESSAGE("no CLI at " << cli << "; skipped");
    return;
  }
  mt::Emulator emulator(emulator_with_secrets().fault_rate(0.2).retry_after_seconds(0));
  const std::string common = "env -i HOME=/nonexistent HUAWEICLOUD_SDK_PROJECT_ID=" + std::string(mt::kDefaultProjectId) +
                             " MODELARTS_REGION=" + mt::kDefaultRegion + " MODELARTS_ENDPOINT=" + emulator.endpoint() +
                             " HUAWEICLOUD_SDK_IAM_ENDPOINT=" + emulator.endpoint() + ' ';
  const std::string aksk = "HUAWEICLOUD_SDK_AK=" + kAccessKey + " HUAWEICLOUD_SDK_SECURITY_TOKEN=" + kSecurityToken + ' ';
  const std::string password = "MODELARTS_ACCOUNT=" + std::string(mt::kDefaultAccount) +
                               " MODELARTS_USERNAME=" + mt::kDefaultUsername + ' ';
  const std::vector<std::string> commands = {
      common + aksk + "HUAWEICLOUD_SDK_SK=" + kSecretKey + ' ' + cli.string() + " --verbose visualization-job list",
      common + aksk + "HUAWEICLOUD_SDK_SK=" + kSecretKey + ' ' + cli.string() + " --verbose visualization-job get 987654",
      common + aksk + "HUAWEICLOUD_SDK_SK=" + kSecretKey + ' ' + cli.string() + " --verbose -o json training-job list",
      common + aksk + "HUAWEICLOUD_SDK_SK=" + kWrongSecretKey + ' ' + cli.string() + " --verbose visualization-job list",
      common + password + "MODELARTS_PASSWORD=" + kPassword + ' ' + cli.string() + " --verbose visualization-job list",
      common + password + "MODELARTS_PASSWORD=" + kWrongPassword + ' ' + cli.string() + " --verbose label-job list",
      common + aksk + "HUAWEICLOUD_SDK_SK=" + kSecretKey + ' ' + cli.string() + " --verbose raw GET /v1/" +
          mt::kDefaultProjectId + "/visualization-jobs",
  };
  const std::vector<std::string> secrets = {kSecretKey, kWrongSecretKey, kPassword, kWrongPassword, kSecurityToken};
  int failed = 0;
  for (const std::string& command : commands) {
    const ProcessResult result = run_process(command);
    BOOST_TEST_CONTEXT(command.substr(command.find(cli.filename().string()))) {
      // 0, or the CLI's class of failure: 3 not found (the unknown job), 4 auth (wrong SK or password).
      BOOST_TEST((result.exit_status == 0 || result.exit_status == 3 || result.exit_status == 4), result.output);
      BOOST_TEST(result.output.find("modelarts: [debug]") != std::string::npos, result.output);
      const std::string leaked = leaked_secret(result.output, secrets);
      BOOST_TEST(leaked.empty(), "CLI output shows " << leaked << ":\n" << result.output);
      failed += result.exit_status != 0;
    }
  }
  BOOST_TEST(failed >= 3);  // the unknown job, the wrong SK and the wrong password
}

BOOST_AUTO_TEST_SUITE_END()
