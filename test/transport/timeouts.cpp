// Connect, read and total timeouts fire on real sockets, within twice their setting, and close the connection.
#include <boost/test/unit_test.hpp>

#include <thread>

#include "support/loopback_server.hpp"
#include "transport/transport_test_helpers.hpp"

using namespace modelarts;
using namespace modelarts::test;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_SUITE(timeouts)

BOOST_AUTO_TEST_CASE(stalled_server_trips_read_timeout) {
  // Reads the request, never answers.
  LoopbackServer server([](ServerConnection& connection) {
    if (connection.read_request()) connection.wait_for_close();
  });
  TransportOptions options;
  options.read_timeout = 300ms;
  auto transport = make_default_transport(options);
  const Stopwatch stopwatch;
  const auto failure = require_failure(transport->send(loopback_request(server.port())));
  const auto elapsed = stopwatch.elapsed_ms();
  BOOST_TEST(elapsed >= 300);
  BOOST_TEST(elapsed < 600);
  BOOST_TEST(static_cast<int>(failure.kind) == static_cast<int>(TransportErrorKind::timeout));
  BOOST_TEST(failure.request_written);
  BOOST_TEST(failure.message.find("read timeout") != std::string::npos, failure.message);
  BOOST_TEST(failure.message.find("127.0.0.1:" + std::to_string(server.port())) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(timed_out_connection_is_not_reused) {
  std::atomic<int> connections{0};
  LoopbackServer server([&](ServerConnection& connection) {
    const bool first = connections.fetch_add(1) == 0;
    while (auto request = connection.read_request()) {
      if (first) {
        connection.wait_for_close();
        return;
      }
      connection.write(make_server_response(200, "late but fine"));
    }
  });
  TransportOptions options;
  options.read_timeout = 100ms;
  auto transport = make_default_transport(options);
  require_failure(transport->send(loopback_request(server.port())));
  BOOST_TEST(require_response(transport->send(loopback_request(server.port()))).body == "late but fine");
  BOOST_TEST(server.accepted() == 2u);
}

BOOST_AUTO_TEST_CASE(trickling_server_trips_total_timeout) {
  // Each byte arrives well within read_timeout, but the whole reply would take far longer than total_timeout.
  LoopbackServer server([](ServerConnection& connection) {
    if (!connection.read_request()) return;
    if (!connection.write_raw("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n")) return;
    for (int i = 0; i < 1000; ++i) {
      if (!connection.write_raw("x")) return;
      std::this_thread::sleep_for(20ms);
    }
  });
  TransportOptions options;
  options.read_timeout = 200ms;
  options.total_timeout = 400ms;
  auto transport = make_default_transport(options);
  const Stopwatch stopwatch;
  const auto failure = require_failure(transport->send(loopback_request(server.port())));
  const auto elapsed = stopwatch.elapsed_ms();
  BOOST_TEST(elapsed >= 400);
  BOOST_TEST(elapsed < 800);
  BOOST_TEST(static_cast<int>(failure.kind) == static_cast<int>(TransportErrorKind::timeout));
  BOOST_TEST(failure.message.find("total timeout of 400 ms") != std::string::npos, failure.message);
}

BOOST_AUTO_TEST_CASE(read_timeout_measures_silence_not_the_whole_reply) {
  // 10 bytes, 60 ms apart: 600 ms in all, but never 200 ms of silence.
  LoopbackServer server([](ServerConnection& connection) {
    if (!connection.read_request()) return;
    if (!connection.write_raw("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n")) return;
    for (int i = 0; i < 10; ++i) {
      std::this_thread::sleep_for(60ms);
      if (!connection.write_raw(std::to_string(i))) return;
    }
    connection.wait_for_close();
  });
  TransportOptions options;
  options.read_timeout = 200ms;
  auto transport = make_default_transport(options);
  BOOST_TEST(require_response(transport->send(loopback_request(server.port()))).body == "0123456789");
}

BOOST_AUTO_TEST_CASE(tls_handshake_that_never_completes_trips_connect_timeout) {
  // Accepts TCP but never speaks TLS.
  LoopbackServer server([](ServerConnection& connection) { connection.wait_for_close(); });
  TransportOptions options;
  options.connect_timeout = 300ms;
  auto transport = make_default_transport(options);
  const Stopwatch stopwatch;
  const auto failure = require_failure(transport->send(loopback_request(server.port(), "/", "https")));
  const auto elapsed = stopwatch.elapsed_ms();
  BOOST_TEST(elapsed >= 300);
  BOOST_TEST(elapsed < 600);
  BOOST_TEST(static_cast<int>(failure.kind) == static_cast<int>(TransportErrorKind::timeout));
  BOOST_TEST(!failure.request_written);
  BOOST_TEST(failure.message == "connect to 127.0.0.1:" + std::to_string(server.port()) + " timed out after 300 ms");
}

BOOST_AUTO_TEST_CASE(total_timeout_also_bounds_the_connect_phase) {
  LoopbackServer server([](ServerConnection& connection) { connection.wait_for_close(); });
  TransportOptions options;
  options.connect_timeout = std::chrono::milliseconds(5000);
  options.total_timeout = 250ms;
  auto transport = make_default_transport(options);
  const Stopwatch stopwatch;
  const auto failure = require_failure(transport->send(loopback_request(server.port(), "/", "https")));
  BOOST_TEST(stopwatch.elapsed_ms() < 500);
  BOOST_TEST(static_cast<int>(failure.kind) == static_cast<int>(TransportErrorKind::timeout));
  BOOST_TEST(failure.message.find("total timeout of 250 ms") != std::string::npos, failure.message);
}

BOOST_AUTO_TEST_SUITE_END()
