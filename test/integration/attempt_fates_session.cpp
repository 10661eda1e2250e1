// SPDX-License-Identifier: Apache-2.0
// Attempt fates, deadlines and TLS failures through a whole Session:
//   - behind a proxy that drops the reply to a create_job_version (after the emulator applied it) and
//     closes the reused connection, the call fails with a transport error and exactly one version exists;
//   - RetryOptions::max_total is a deadline for the call: the running attempt is cut at what is left;
//   - a certificate that fails verification is tried once, and the message says why.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <string>

#include <modelarts/modelarts.hpp>
#include <modelarts/testing/certificate.hpp>
#include <modelarts/testing/emulator.hpp>

#include "support/estimator_options.hpp"
#include "support/http_client.hpp"
#include "support/loopback_server.hpp"

using namespace modelarts;
using namespace modelarts::test;
namespace mt = modelarts::testing;
using namespace std::chrono_literals;

namespace {

// Forwards each request to the emulator on one kept-alive connection per client connection; the reply to the
// first POST whose target ends in "/versions" is dropped and the client's connection closed.
LoopbackServer::RawHandler reply_dropping_proxy(std::uint16_t emulator_port, std::atomic<int>& dropped) {
  return [emulator_port, &dropped](ServerConnection& connection) {
    HttpClient upstream(emulator_port);
    while (auto request = connection.read_request()) {
      const std::string target(request->target());
      const bool is_version_create = request->method() == boost::beast::http::verb::post &&
                                     target.size() >= 9 && target.compare(target.size() - 9, 9, "/versions") == 0;
      ClientResult answer = upstream.send(std::move(*request));
      if (!answer.ok()) return;
      if (is_version_create && dropped.fetch_add(1) == 0) return;  // applied upstream; the reply is lost
      if (!connection.write(std::move(answer.response))) return;
    }
  };
}

SessionOptions loopback_options(std::uint16_t port) {
  return SessionOptions{}
      .access_key("HPUAEXAMPLEAK0000001")
      .secret_key("Wq3tExampleSecretKey0123456789abcdefGHIJ")
      .project_id("0123456789abcdef0123456789abcdef")
      .region_name("cn-north-4")
      .modelarts_endpoint("http://127.0.0.1:" + std::to_string(port));
}

long long elapsed_ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(attempt_fates_session)

BOOST_AUTO_TEST_CASE(a_version_create_whose_reply_was_dropped_is_not_sent_twice) {
  mt::Emulator emulator;
  std::atomic<int> dropped{0};
  LoopbackServer proxy(reply_dropping_proxy(emulator.port(), dropped));
  const SessionOptions direct = emulator.session_options();
  Session session(SessionOptions(direct).modelarts_endpoint("http://127.0.0.1:" + std::to_string(proxy.port())));

  Estimator estimator(session, pytorch_on_cpu());
  const TrainingJob job = estimator.fit(Inputs::obs("/bucket/data/"), false, "case-1");  // warms the connection
  try {
    estimator.create_job_version(job.job_id(), job.version_id(), Inputs::obs("/bucket/data/"));
    BOOST_FAIL("expected a TransportError: the outcome is unknown");
  } catch (const TransportError& e) {
    BOOST_TEST((e.kind() == ErrorKind::transport), e.what());
    BOOST_TEST(e.attempts() == 1);
  }
  BOOST_TEST(dropped.load() == 1);
  // The emulator applied the one POST it saw: two versions, not three.
  BOOST_TEST(TrainingJob(Session(direct), job.job_id()).get_job_version_info().versions.size() == 2u);
}

BOOST_AUTO_TEST_CASE(max_total_bounds_the_running_attempt) {
  std::atomic<int> requests{0};
  LoopbackServer server([&](ServerConnection& connection) {
    if (connection.read_request()) ++requests;
    connection.wait_for_close();  // never answers
  });
  TransportOptions transport;
  transport.read_timeout = 5s;
  transport.total_timeout = 10s;
  Session session(loopback_options(server.port())
                      .transport_options(transport)
                      .retry(RetryOptions{}.max_attempts(4).max_total(300ms)));
  const auto started = std::chrono::steady_clock::now();
  try {
    VisualizationJob(session, "10").get_visualization_job_info();
    BOOST_FAIL("expected a timeout");
  } catch (const TransportError& e) {
    BOOST_TEST((e.kind() == ErrorKind::timeout), e.what());
    BOOST_TEST(std::string(e.what()).find("max_total") != std::string::npos, e.what());
  }
  const long long ms = elapsed_ms(started);
  BOOST_TEST(ms < 1000, "took " << ms << " ms for max_total 300 ms (read timeout 5 s)");
  BOOST_TEST(ms >= 250);
  BOOST_TEST(requests.load() == 1);
}

BOOST_AUTO_TEST_CASE(a_certificate_that_fails_verification_is_tried_once) {
  LoopbackServer server(LoopbackServer::serve_http([](const ServerRequest&) { return make_server_response(200, "{}"); }),
                        LoopbackServer::Options{mt::make_self_signed_certificate({"127.0.0.1"})});
  Session session(loopback_options(server.port())
                      .modelarts_endpoint("https://127.0.0.1:" + std::to_string(server.port()))
                      .retry(RetryOptions{}.max_attempts(4).initial_backoff(1ms)));
  try {
    VisualizationJob(session, "10").get_visualization_job_info();
    BOOST_FAIL("expected a TLS failure");
  } catch (const TransportError& e) {
    BOOST_TEST((e.transport_kind() == TransportErrorKind::tls), e.what());
    BOOST_TEST(!e.retryable());
    BOOST_TEST(e.attempts() == 1);
    BOOST_TEST(std::string(e.what()).find("certificate") != std::string::npos, e.what());
  }
  BOOST_TEST(server.accepted() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
