// SPDX-License-Identifier: Apache-2.0
// Response framing and size limits: big IAM-style headers pass, endless headers and oversized bodies fail as
// protocol errors without hanging, and bodies without Content-Length (chunked, read to EOF) are read whole.
#include <boost/test/unit_test.hpp>

#include "support/loopback_server.hpp"
#include "transport/transport_test_helpers.hpp"

using namespace modelarts;
using namespace modelarts::test;
using namespace std::chrono_literals;

namespace {

/// Answers every request on the connection with the same raw bytes, then hangs up if `close_after`.
LoopbackServer::RawHandler raw_reply(std::string bytes, bool close_after) {
  return [bytes = std::move(bytes), close_after](ServerConnection& connection) {
    while (connection.read_request()) {
      if (!connection.write_raw(bytes) || close_after) return;
    }
  };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(limits)

BOOST_AUTO_TEST_CASE(nine_kilobyte_header_is_accepted) {
  const std::string token(9 * 1024, 'T');
  LoopbackServer server(LoopbackServer::serve_http([&](const ServerRequest&) {
    auto response = make_server_response(201, "{}");
    response.set("X-Subject-Token", token);
    return response;
  }));
  auto transport = make_default_transport({});
  const auto response = require_response(transport->send(loopback_request(server.port())));
  BOOST_TEST(response.status == 201);
  BOOST_TEST(response.header("x-subject-token") == token);
}

BOOST_AUTO_TEST_CASE(endless_headers_fail_as_protocol_without_hanging) {
  LoopbackServer server([](ServerConnection& connection) {
    if (!connection.read_request() || !connection.write_raw("HTTP/1.1 200 OK\r\n")) return;
    const std::string line = "X-Padding: " + std::string(100, 'p') + "\r\n";
    while (connection.write_raw(line)) {
    }
  });
  TransportOptions options;
  options.header_limit = 16 * 1024;
  auto transport = make_default_transport(options);
  const Stopwatch stopwatch;
  const auto failure = require_failure(transport->send(loopback_request(server.port())));
  BOOST_TEST(stopwatch.elapsed_ms() < 2000);
  BOOST_TEST(static_cast<int>(failure.kind) == static_cast<int>(TransportErrorKind::protocol));
  BOOST_TEST(failure.message.find("header") != std::string::npos, failure.message);
  BOOST_TEST(failure.message.find("16384") != std::string::npos, failure.message);
}

BOOST_AUTO_TEST_CASE(body_over_the_limit_fails_as_protocol) {
  LoopbackServer server(
      LoopbackServer::serve_http([](const ServerRequest&) { return make_server_response(200, std::string(4096, 'b')); }));
  TransportOptions options;
  options.body_limit = 1024;
  auto transport = make_default_transport(options);
  const auto failure = require_failure(transport->send(loopback_request(server.port())));
  BOOST_TEST(static_cast<int>(failure.kind) == static_cast<int>(TransportErrorKind::protocol));
  BOOST_TEST(failure.message.find("body") != std::string::npos, failure.message);
  BOOST_TEST(failure.message.find("1024") != std::string::npos, failure.message);
}

BOOST_AUTO_TEST_CASE(chunked_body_over_the_limit_fails_as_protocol) {
  std::string chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 8; ++i) chunked += "200\r\n" + std::string(512, 'c') + "\r\n";
  chunked += "0\r\n\r\n";
  LoopbackServer server(raw_reply(chunked, false));
  TransportOptions options;
  options.body_limit = 1024;
  auto transport = make_default_transport(options);
  const auto failure = require_failure(transport->send(loopback_request(server.port())));
  BOOST_TEST(static_cast<int>(failure.kind) == static_cast<int>(TransportErrorKind::protocol));
}

BOOST_AUTO_TEST_CASE(chunked_body_is_reassembled_and_connection_kept) {
  LoopbackServer server(raw_reply(
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", false));
  auto transport = make_default_transport({});
  for (int i = 0; i < 3; ++i) {
    BOOST_TEST(require_response(transport->send(loopback_request(server.port()))).body == "hello world");
  }
  BOOST_TEST(server.accepted() == 1u);
}

BOOST_AUTO_TEST_CASE(body_delimited_by_connection_close_is_read_to_eof) {
  LoopbackServer server(raw_reply("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end", true));
  auto transport = make_default_transport({});
  for (int i = 0; i < 2; ++i) {
    BOOST_TEST(require_response(transport->send(loopback_request(server.port()))).body == "until the end");
  }
  BOOST_TEST(server.accepted() == 2u);
}

BOOST_AUTO_TEST_CASE(garbage_reply_is_protocol) {
  LoopbackServer server(raw_reply("SSH-2.0-OpenSSH_9.0\r\n\r\n", true));
  auto transport = make_default_transport({});
  const auto failure = require_failure(transport->send(loopback_request(server.port())));
  BOOST_TEST(static_cast<int>(failure.kind) == static_cast<int>(TransportErrorKind::protocol));
  BOOST_TEST(failure.request_written());
}

BOOST_AUTO_TEST_CASE(head_response_has_no_body_and_keeps_the_connection) {
  LoopbackServer server(LoopbackServer::serve_http([](const ServerRequest&) {
    auto response = make_server_response(200, "");
    response.content_length(1234);  // what a GET would have returned; no body follows a HEAD reply
    return response;
  }));
  auto transport = make_default_transport({});
  HttpRequest request = loopback_request(server.port());
  request.method = "HEAD";
  for (int i = 0; i < 2; ++i) {
    const auto response = require_response(transport->send(request));
    BOOST_TEST(response.header("content-length") == "1234");
    BOOST_TEST(response.body.empty());
  }
  BOOST_TEST(server.accepted() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
