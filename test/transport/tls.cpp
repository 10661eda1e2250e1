// SPDX-License-Identifier: Apache-2.0
// TLS: verification on by default (refused without trust), trust through ca_file, host-name and IP SAN
// checks, the explicit insecure switch, and keep-alive over TLS.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include <modelarts/testing/certificate.hpp>

#include "support/loopback_server.hpp"
#include "transport/transport_test_helpers.hpp"

using namespace modelarts;
using namespace modelarts::test;

namespace {

LoopbackServer::Options serving(const modelarts::testing::TestCertificate& certificate) {
  LoopbackServer::Options options;
  options.tls = certificate;
  return options;
}

LoopbackServer::RawHandler answer_ok() {
  return LoopbackServer::serve_http([](const ServerRequest&) { return make_server_response(200, "secure"); });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tls)

BOOST_AUTO_TEST_CASE(untrusted_certificate_is_refused_by_default) {
  const auto certificate = modelarts::testing::make_self_signed_certificate();
  LoopbackServer server(answer_ok(), serving(certificate));
  auto transport = make_default_transport({});
  const auto failure = require_failure(transport->send(loopback_request(server.port(), "/", "https")));
  BOOST_TEST(static_cast<int>(failure.kind) == static_cast<int>(TransportErrorKind::tls));
  BOOST_TEST(!failure.request_written());
  BOOST_TEST(failure.message.find("TLS handshake with 127.0.0.1:" + std::to_string(server.port())) == 0u,
             failure.message);
  BOOST_TEST(failure.message.find("certificate verify failed") != std::string::npos, failure.message);
}

BOOST_AUTO_TEST_CASE(certificate_trusted_through_ca_file_is_accepted_for_ip_and_name) {
  const auto certificate = modelarts::testing::make_self_signed_certificate({"127.0.0.1", "localhost"});
  const TempFile ca(certificate.certificate_pem);
  LoopbackServer server(answer_ok(), serving(certificate));
  TransportOptions options;
  options.ca_file = ca.path();
  auto transport = make_default_transport(options);
  BOOST_TEST(require_response(transport->send(loopback_request(server.port(), "/", "https"))).body == "secure");
  BOOST_TEST(require_response(transport->send(loopback_request(server.port(), "/", "https", "localhost"))).body ==
             "secure");
}

BOOST_AUTO_TEST_CASE(ip_address_missing_from_the_sans_is_refused) {
  const auto certificate = modelarts::testing::make_self_signed_certificate({"modelarts.example.com"});
  const TempFile ca(certificate.certificate_pem);
  LoopbackServer server(answer_ok(), serving(certificate));
  TransportOptions options;
  options.ca_file = ca.path();
  auto transport = make_default_transport(options);
  const auto failure = require_failure(transport->send(loopback_request(server.port(), "/", "https")));
  BOOST_TEST(static_cast<int>(failure.kind) == static_cast<int>(TransportErrorKind::tls));
  BOOST_TEST(failure.message.find("mismatch") != std::string::npos, failure.message);
}

BOOST_AUTO_TEST_CASE(host_name_missing_from_the_sans_is_refused) {
  const auto certificate = modelarts::testing::make_self_signed_certificate({"127.0.0.1", "other.example.com"});
  const TempFile ca(certificate.certificate_pem);
  LoopbackServer server(answer_ok(), serving(certificate));
  TransportOptions options;
  options.ca_file = ca.path();
  auto transport = make_default_transport(options);
  const auto failure = require_failure(transport->send(loopback_request(server.port(), "/", "https", "localhost")));
  BOOST_TEST(static_cast<int>(failure.kind) == static_cast<int>(TransportErrorKind::tls));
  BOOST_TEST(failure.message.find("hostname mismatch") != std::string::npos, failure.message);
}

BOOST_AUTO_TEST_CASE(insecure_skip_verify_accepts_an_untrusted_mismatched_certificate) {
  const auto certificate = modelarts::testing::make_self_signed_certificate({"modelarts.example.com"});
  LoopbackServer server(answer_ok(), serving(certificate));
  TransportOptions options;
  options.insecure_skip_tls_verify = true;
  auto transport = make_default_transport(options);
  BOOST_TEST(require_response(transport->send(loopback_request(server.port(), "/", "https"))).body == "secure");
}

BOOST_AUTO_TEST_CASE(tls_connections_are_kept_alive) {
  const auto certificate = modelarts::testing::make_self_signed_certificate();
  const TempFile ca(certificate.certificate_pem);
  LoopbackServer server(
      LoopbackServer::serve_http([](const ServerRequest& request) { return make_server_response(200, request.body()); }),
      serving(certificate));
  TransportOptions options;
  options.ca_file = ca.path();
  auto transport = make_default_transport(options);
  for (int i = 0; i < 20; ++i) {
    HttpRequest request = loopback_request(server.port(), "/", "https");
    request.method = "POST";
    request.body = std::string(static_cast<std::size_t>(i) * 10000, 'z');  // up to ~190 KB: gathered, not copied
    BOOST_TEST(require_response(transport->send(request)).body.size() == request.body.size());
  }
  BOOST_TEST(server.accepted() == 1u);
}

BOOST_AUTO_TEST_CASE(threads_share_one_tls_transport) {
  const auto certificate = modelarts::testing::make_self_signed_certificate();
  const TempFile ca(certificate.certificate_pem);
  LoopbackServer server(answer_ok(), serving(certificate));
  TransportOptions options;
  options.ca_file = ca.path();
  auto transport = make_default_transport(options);
  std::atomic<int> successes{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < 4; ++t) {
    workers.emplace_back([&] {
      for (int i = 0; i < 25; ++i) {
        const auto result = transport->send(loopback_request(server.port(), "/", "https"));
        if (const auto* response = std::get_if<HttpResponse>(&result); response && response->body == "secure") {
          successes.fetch_add(1);
        }
      }
    });
  }
  for (auto& worker : workers) worker.join();
  BOOST_TEST(successes.load() == 100);
  BOOST_TEST(server.accepted() <= 4u);
}

BOOST_AUTO_TEST_CASE(plain_http_server_on_an_https_url_is_a_tls_failure) {
  LoopbackServer server(answer_ok());
  auto transport = make_default_transport({});
  const auto failure = require_failure(transport->send(loopback_request(server.port(), "/", "https")));
  BOOST_TEST(static_cast<int>(failure.kind) == static_cast<int>(TransportErrorKind::tls));
  BOOST_TEST(!failure.request_written());
}

BOOST_AUTO_TEST_CASE(unreadable_ca_file_is_a_configuration_error) {
  TransportOptions options;
  options.ca_file = "/nonexistent/ca.pem";
  BOOST_CHECK_THROW(make_default_transport(options), ConfigurationError);
}

BOOST_AUTO_TEST_SUITE_END()
