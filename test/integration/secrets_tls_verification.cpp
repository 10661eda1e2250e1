// SPDX-License-Identifier: Apache-2.0
// TLS through the public Session: verification is on by default (an untrusted certificate is refused), a
// trusted certificate for another host name is refused, and only the named switch
// (TransportOptions::insecure_skip_tls_verify) turns verification off, with a warning through the log handler.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include <modelarts/modelarts.hpp>
#include <modelarts/testing/certificate.hpp>
#include <modelarts/testing/emulator.hpp>

#include "support/reliability_support.hpp"

using namespace modelarts;
using namespace modelarts::test;
namespace mt = modelarts::testing;

namespace {

/// A PEM file in the temp directory, removed at the end of the test.
class PemFile {
 public:
  explicit PemFile(const std::string& pem)
      : path_(std::filesystem::temp_directory_path() / ("modelarts-tls-test-" + std::to_string(std::random_device{}()) + ".pem")) {
    std::ofstream(path_) << pem;
  }
  ~PemFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  PemFile(const PemFile&) = delete;
  PemFile& operator=(const PemFile&) = delete;
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

SessionOptions tls_session(std::uint16_t port, TransportOptions transport, LogCapture& log) {
  return SessionOptions{}
      .access_key("TLSTESTAK00000000001")
      .secret_key("tls-test-secret-key")
      .project_id("0123456789abcdef0123456789abcdef")
      .region_name("cn-north-4")
      .modelarts_endpoint("https://127.0.0.1:" + std::to_string(port))
      .transport_options(std::move(transport))
      .retry(RetryOptions{}.max_attempts(1))
      .log_level(LogLevel::debug)
      .log_handler(log.handler());
}

/// A TLS loopback server presenting `certificate` and answering every request with an empty job list.
LoopbackServer tls_server(const mt::TestCertificate& certificate) {
  return LoopbackServer(LoopbackServer::serve_http([](const ServerRequest&) {
                          return make_server_response(200, R"({"is_success":true,"job_total_count":0,"jobs":[]})");
                        }),
                        LoopbackServer::Options{certificate});
}

void expect_tls_refusal(const Session& session) {
  try {
    VisualizationJob::get_visualization_job_list(session);
    BOOST_FAIL("expected the TLS handshake to be refused");
  } catch (const TransportError& e) {
    BOOST_TEST(static_cast<int>(e.transport_kind()) == static_cast<int>(TransportErrorKind::tls), e.what());
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(secrets_tls_verification)

BOOST_AUTO_TEST_CASE(verification_is_on_by_default) {
  mt::Emulator emulator(mt::EmulatorOptions{}.tls(true));
  // The emulator's own session options trust its certificate; without that CA file nothing trusts it.
  expect_tls_refusal(Session(emulator.session_options().transport_options(TransportOptions{}).retry(RetryOptions{}.max_attempts(1))));
  Session trusted(emulator.session_options());
  BOOST_TEST(VisualizationJob::get_visualization_job_list(trusted).total_count == 0);
}

BOOST_AUTO_TEST_CASE(a_trusted_certificate_for_another_host_is_refused) {
  const mt::TestCertificate other_host = mt::make_self_signed_certificate({"api.other.example"});
  PemFile ca(other_host.certificate_pem);
  LoopbackServer server = tls_server(other_host);
  TransportOptions transport;
  transport.ca_file = ca.path();
  LogCapture log;
  expect_tls_refusal(Session(tls_session(server.port(), transport, log)));

  // The same set-up with a certificate naming 127.0.0.1 works: the refusal above was the host name.
  const mt::TestCertificate loopback = mt::make_self_signed_certificate({"127.0.0.1"});
  PemFile loopback_ca(loopback.certificate_pem);
  LoopbackServer good = tls_server(loopback);
  transport.ca_file = loopback_ca.path();
  BOOST_TEST(VisualizationJob::get_visualization_job_list(Session(tls_session(good.port(), transport, log))).items.empty());
  BOOST_TEST(log.count(LogLevel::warning) == 0u);
}

BOOST_AUTO_TEST_CASE(insecure_mode_only_by_the_named_switch_and_warned_about) {
  const mt::TestCertificate untrusted = mt::make_self_signed_certificate({"api.other.example"});
  LoopbackServer server = tls_server(untrusted);

  LogCapture quiet;
  expect_tls_refusal(Session(tls_session(server.port(), TransportOptions{}, quiet)));
  BOOST_TEST(quiet.count(LogLevel::warning) == 0u);

  LogCapture warned;
  TransportOptions insecure;
  insecure.insecure_skip_tls_verify = true;
  Session session(tls_session(server.port(), insecure, warned));
  BOOST_TEST(warned.count(LogLevel::warning) == 1u);
  BOOST_TEST(warned.count_containing("insecure_skip_tls_verify") == 1u);
  BOOST_TEST(VisualizationJob::get_visualization_job_list(session).items.empty());
}

BOOST_AUTO_TEST_CASE(cli_insecure_switch_warns) {
  const std::filesystem::path cli = std::filesystem::path(MODELARTS_BINARY_DIR) / "bin" / "modelarts";
  if (!std::filesystem::exists(cli)) {
    BOOST_TEST_MESSAGE("no CLI at " << cli << "; skipped");
    return;
  }
  mt::Emulator emulator(mt::EmulatorOptions{}.tls(true));
  const std::string env = "env -i HOME=/nonexistent HUAWEICLOUD_SDK_AK=" + std::string(mt::kDefaultAccessKey) +
                          " HUAWEICLOUD_SDK_SK=" + mt::kDefaultSecretKey + " HUAWEICLOUD_SDK_PROJECT_ID=" +
                          mt::kDefaultProjectId + " MODELARTS_REGION=" + mt::kDefaultRegion +
                          " MODELARTS_ENDPOINT=" + emulator.endpoint() + ' ' + cli.string();
  const ProcessResult refused = run_process(env + " visualization-job list");
  BOOST_TEST(refused.exit_status == 7, refused.output);  // network class: the TLS handshake failed
  BOOST_TEST(refused.output.find("WARNING") == std::string::npos, refused.output);
  const ProcessResult insecure = run_process(env + " --insecure visualization-job list");
  BOOST_TEST(insecure.exit_status == 0, insecure.output);
  BOOST_TEST(insecure.output.find("WARNING: --insecure") != std::string::npos, insecure.output);
}

BOOST_AUTO_TEST_SUITE_END()
