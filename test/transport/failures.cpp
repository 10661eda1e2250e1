// SPDX-License-Identifier: Apache-2.0
// What a failed exchange reports: its kind, whether the request may have reached the server, and a one-line
// message saying what failed and where.
#include <boost/test/unit_test.hpp>

#include <boost/asio/ip/tcp.hpp>

#include "support/loopback_server.hpp"
#include "transport/transport_test_helpers.hpp"

using namespace modelarts;
using namespace modelarts::test;

namespace {

/// A loopback port nobody listens on (bound once, then released).
std::uint16_t unused_port() {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor acceptor(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
  return acceptor.local_endpoint().port();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(failures)

BOOST_AUTO_TEST_CASE(connection_refused_is_connect_and_not_written) {
  const std::uint16_t port = unused_port();
  auto transport = make_default_transport({});
  HttpRequest request = loopback_request(port, "/v1/p/training-jobs");
  request.method = "POST";
  request.body = "{}";
  const auto failure = require_failure(transport->send(request));
  BOOST_TEST(static_cast<int>(failure.kind) == static_cast<int>(TransportErrorKind::connect));
  BOOST_TEST(!failure.request_written());
  BOOST_TEST(failure.message.find("connect to 127.0.0.1:" + std::to_string(port) + " failed") == 0u, failure.message);
  BOOST_TEST(failure.message.find('\n') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_host_is_resolve) {
  auto transport = make_default_transport({});
  const auto failure = require_failure(transport->send(loopback_request(80, "/", "http", "no-such-host.invalid")));
  BOOST_TEST(static_cast<int>(failure.kind) == static_cast<int>(TransportErrorKind::resolve));
  BOOST_TEST(!failure.request_written());
  BOOST_TEST(failure.message.find("no-such-host.invalid") != std::string::npos, failure.message);
}

BOOST_AUTO_TEST_CASE(post_cut_after_it_was_written_reports_written) {
  std::atomic<bool> server_saw_body{false};
  LoopbackServer server([&](ServerConnection& connection) {
    if (auto request = connection.read_request()) server_saw_body = request->body() == R"({"a":1})";
    // ...and hang up without answering.
  });
  auto transport = make_default_transport({});
  HttpRequest request = loopback_request(server.port(), "/v1/p/training-jobs");
  request.method = "POST";
  request.body = R"({"a":1})";
  const auto failure = require_failure(transport->send(request));
  BOOST_TEST(server_saw_body.load());
  BOOST_TEST(static_cast<int>(failure.kind) == static_cast<int>(TransportErrorKind::io));
  BOOST_TEST(failure.request_written());
  BOOST_TEST(server.accepted() == 1u);  // a fresh connection is not retried: the server may have acted on it
}

BOOST_AUTO_TEST_CASE(header_injection_is_refused_before_sending) {
  LoopbackServer server(LoopbackServer::serve_http([](const ServerRequest&) { return make_server_response(200, ""); }));
  auto transport = make_default_transport({});
  HttpRequest request = loopback_request(server.port());
  request.headers.emplace_back("X-Auth-Token", "secret-token\r\nX-Evil: 1");
  const auto failure = require_failure(transport->send(request));
  BOOST_TEST(static_cast<int>(failure.kind) == static_cast<int>(TransportErrorKind::protocol));
  BOOST_TEST(!failure.request_written());
  BOOST_TEST(failure.message.find("secret-token") == std::string::npos);
  BOOST_TEST(server.accepted() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
