// SPDX-License-Identifier: Apache-2.0
// Connect, read and total timeouts fire on real sockets, within twice their setting, and close the connection.
#include <boost/test/unit_test.hpp>

#include <atomic>
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
  BOOST_TEST(failure.request_written());
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
  BOOST_TEST(!failure.request_written());
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

BOOST_AUTO_TEST_CASE(total_deadline_before_read_timeout_then_read_timeout_again_on_one_connection) {
  // Plain TCP waits in recv with SO_RCVTIMEO: the last read of call 1 starts 120 ms in, when the 300 ms total
  // deadline is nearer than the 200 ms read timeout, so the socket's timeout becomes what is left of the total;
  // call 2 is quick; call 3 gets no reply and must fire the read timeout again (the option set back to 200 ms).
  std::atomic<int> calls{0};
  LoopbackServer server([&](ServerConnection& connection) {
    while (connection.read_request()) {
      const int call = ++calls;
      if (call == 3) {
        connection.wait_for_close();
        return;
      }
      if (!connection.write_raw("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n")) return;
      if (call == 1) std::this_thread::sleep_for(120ms);
      if (!connection.write_raw("a")) return;
      if (call == 1) std::this_thread::sleep_for(120ms);
      if (!connection.write_raw("b")) return;
    }
  });
  TransportOptions options;
  options.read_timeout = 200ms;
  options.total_timeout = 300ms;
  auto transport = make_default_transport(options);
  BOOST_TEST(require_response(transport->send(loopback_request(server.port()))).body == "ab");
  BOOST_TEST(require_response(transport->send(loopback_request(server.port()))).body == "ab");
  const Stopwatch stopwatch;
  const auto failure = require_failure(transport->send(loopback_request(server.port())));
  const auto elapsed = stopwatch.elapsed_ms();
  BOOST_TEST(elapsed >= 200);
  BOOST_TEST(elapsed < 400);
  BOOST_TEST(failure.message.find("read timeout") != std::string::npos, failure.message);
  BOOST_TEST(server.accepted() == 1u);
}

BOOST_AUTO_TEST_CASE(total_deadline_ends_a_trickle_on_a_reused_connection) {
  // Call 1 is quick (the socket's receive timeout is the 400 ms read timeout); in call 2 a byte arrives after
  // 300 ms and then nothing: the wait that follows must end at the 450 ms total deadline, not at 700 ms (a
  // receive timeout left at the read timeout).
  std::atomic<int> calls{0};
  LoopbackServer server([&](ServerConnection& connection) {
    while (connection.read_request()) {
      if (++calls == 1) {
        if (!connection.write(make_server_response(200, "quick"))) return;
        continue;
      }
      if (!connection.write_raw("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n")) return;
      std::this_thread::sleep_for(300ms);
      if (connection.write_raw("a")) connection.wait_for_close();
      return;
    }
  });
  TransportOptions options;
  options.read_timeout = 400ms;
  options.total_timeout = 450ms;
  auto transport = make_default_transport(options);
  BOOST_TEST(require_response(transport->send(loopback_request(server.port()))).body == "quick");
  const Stopwatch stopwatch;
  const auto failure = require_failure(transport->send(loopback_request(server.port())));
  const auto elapsed = stopwatch.elapsed_ms();
  BOOST_TEST(elapsed >= 450);
  BOOST_TEST(elapsed < 650);
  BOOST_TEST(failure.message.find("total timeout of 450 ms") != std::string::npos, failure.message);
  BOOST_TEST(server.accepted() == 1u);
}

BOOST_AUTO_TEST_CASE(server_that_stops_reading_trips_total_timeout_while_sending) {
  // The request is far larger than the socket buffers and the server reads none of it: the blocking send
  // (SO_SNDTIMEO) must give up at the total deadline, with the request partly written.
  std::atomic<bool> release{false};
  LoopbackServer server([&](ServerConnection& connection) {
    while (!release.load()) std::this_thread::sleep_for(10ms);
    connection.wait_for_close();
  });
  TransportOptions options;
  options.total_timeout = 300ms;
  auto transport = make_default_transport(options);
  HttpRequest request = loopback_request(server.port(), "/upload");
  request.method = "POST";
  request.body = std::string(64 * 1024 * 1024, 'u');
  const Stopwatch stopwatch;
  const auto failure = require_failure(transport->send(request));
  const auto elapsed = stopwatch.elapsed_ms();
  release = true;
  BOOST_TEST(elapsed >= 300);
  BOOST_TEST(elapsed < 600);
  BOOST_TEST(static_cast<int>(failure.kind) == static_cast<int>(TransportErrorKind::timeout));
  BOOST_TEST(failure.request_written());
  BOOST_TEST(failure.message.find("total timeout of 300 ms") != std::string::npos, failure.message);
}

BOOST_AUTO_TEST_SUITE_END()
