// SPDX-License-Identifier: Apache-2.0
// Connection reuse: one connection for sequential calls, a fresh one (before anything is written) after the server
// closed an idle connection, no resend of a written request, Connection: close honoured, and many threads
// sharing one transport.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "support/loopback_server.hpp"
#include "transport/transport_test_helpers.hpp"

using namespace modelarts;
using namespace modelarts::test;

namespace {

LoopbackServer::RawHandler echo_target() {
  return LoopbackServer::serve_http(
      [](const ServerRequest& request) { return make_server_response(200, std::string(request.target())); });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(keep_alive)

BOOST_AUTO_TEST_CASE(sequential_calls_share_one_connection) {
  LoopbackServer server(echo_target());
  auto transport = make_default_transport({});
  for (int i = 0; i < 100; ++i) {
    const std::string target = "/call/" + std::to_string(i);
    const auto& response = require_response(transport->send(loopback_request(server.port(), target)));
    BOOST_TEST(response.status == 200);
    BOOST_TEST(response.body == target);
  }
  BOOST_TEST(server.accepted() == 1u);
}

BOOST_AUTO_TEST_CASE(post_body_and_content_length_arrive) {
  std::atomic<bool> saw_length{false};
  LoopbackServer server(LoopbackServer::serve_http([&](const ServerRequest& request) {
    saw_length = request[boost::beast::http::field::content_length] == std::to_string(request.body().size());
    return make_server_response(201, request.body());
  }));
  auto transport = make_default_transport({});
  HttpRequest request = loopback_request(server.port(), "/v1/p/training-jobs");
  request.method = "POST";
  request.body = R"({"job_name":"x"})";
  const auto& response = require_response(transport->send(request));
  BOOST_TEST(response.status == 201);
  BOOST_TEST(response.body == request.body);
  BOOST_TEST(saw_length.load());
}

BOOST_AUTO_TEST_CASE(server_closing_an_idle_connection_is_reconnected) {
  // The server answers one request per connection and then hangs up without saying Connection: close.
  LoopbackServer server([](ServerConnection& connection) {
    if (auto request = connection.read_request()) connection.write(make_server_response(200, "once"));
  });
  auto transport = make_default_transport({});
  for (int i = 0; i < 5; ++i) {
    BOOST_TEST(require_response(transport->send(loopback_request(server.port()))).body == "once");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // let the FIN arrive
  }
  BOOST_TEST(server.accepted() == 5u);
}

BOOST_AUTO_TEST_CASE(connection_dropped_when_the_next_request_arrives_is_reported_not_resent) {
  // The race a pool cannot see coming: the idle connection looks fine, the server closes it on receipt of the
  // next request without answering. The server may have acted on it, so the transport reports the request as
  // written and leaves any resend to the caller's retry rules; the next request gets a fresh connection.
  std::atomic<int> connections{0};
  std::atomic<int> seconds_seen{0};
  LoopbackServer server([&](ServerConnection& connection) {
    const bool first = connections.fetch_add(1) == 0;
    while (auto request = connection.read_request()) {
      if (request->target() == "/second") ++seconds_seen;
      if (first && request->target() == "/second") return;  // hang up without a byte of response
      connection.write(make_server_response(200, std::string(request->target())));
    }
  });
  auto transport = make_default_transport({});
  BOOST_TEST(require_response(transport->send(loopback_request(server.port(), "/first"))).body == "/first");
  const TransportFailure failure = require_failure(transport->send(loopback_request(server.port(), "/second")));
  BOOST_TEST((failure.written == BytesWritten::all));
  BOOST_TEST(seconds_seen.load() == 1);
  BOOST_TEST(require_response(transport->send(loopback_request(server.port(), "/third"))).body == "/third");
  BOOST_TEST(server.accepted() == 2u);
}

BOOST_AUTO_TEST_CASE(connection_close_from_the_server_is_not_pooled) {
  LoopbackServer server(LoopbackServer::serve_http([](const ServerRequest&) {
    auto response = make_server_response(200, "bye");
    response.keep_alive(false);
    return response;
  }));
  auto transport = make_default_transport({});
  for (int i = 0; i < 3; ++i) {
    const auto& response = require_response(transport->send(loopback_request(server.port())));
    BOOST_TEST(response.body == "bye");
    BOOST_TEST(response.header("connection") == "close");
  }
  BOOST_TEST(server.accepted() == 3u);
}

BOOST_AUTO_TEST_CASE(zero_idle_connections_disables_pooling) {
  LoopbackServer server(echo_target());
  TransportOptions options;
  options.max_idle_connections_per_host = 0;
  auto transport = make_default_transport(options);
  for (int i = 0; i < 3; ++i) require_response(transport->send(loopback_request(server.port())));
  BOOST_TEST(server.accepted() == 3u);
}

BOOST_AUTO_TEST_CASE(many_threads_share_one_transport) {
  LoopbackServer server(echo_target());
  auto transport = make_default_transport({});
  constexpr int threads = 8;
  constexpr int calls = 50;
  std::atomic<int> successes{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (int i = 0; i < calls; ++i) {
        const std::string target = "/t" + std::to_string(t) + "/" + std::to_string(i);
        const auto result = transport->send(loopback_request(server.port(), target));
        const auto* response = std::get_if<HttpResponse>(&result);
        if (response && response->status == 200 && response->body == target) successes.fetch_add(1);
      }
    });
  }
  for (auto& worker : workers) worker.join();
  BOOST_TEST(successes.load() == threads * calls);
  // A connection is only opened when every pooled one is busy, so at most one per thread.
  BOOST_TEST(server.accepted() <= static_cast<std::size_t>(threads));
}

BOOST_AUTO_TEST_CASE(interim_100_continue_is_skipped_and_connection_kept) {
  LoopbackServer server([](ServerConnection& connection) {
    while (connection.read_request()) {
      if (!connection.write_raw("HTTP/1.1 100 Continue\r\n\r\n")) return;
      if (!connection.write_raw("HTTP/1.1 200 OK\r\nX-Final: yes\r\nContent-Length: 2\r\n\r\nok")) return;
    }
  });
  auto transport = make_default_transport({});
  for (int i = 0; i < 3; ++i) {
    const auto response = require_response(transport->send(loopback_request(server.port())));
    BOOST_TEST(response.status == 200);
    BOOST_TEST(response.body == "ok");
    BOOST_TEST(response.header("x-final") == "yes");
    BOOST_TEST(response.headers.size() == 2u);  // nothing of the interim reply
  }
  BOOST_TEST(server.accepted() == 1u);
}

BOOST_AUTO_TEST_CASE(request_larger_than_the_socket_buffers_arrives_whole) {
  // Several MB: the first non-waiting sendmsg takes only part of it, the rest goes out in blocking sends.
  LoopbackServer server(LoopbackServer::serve_http(
      [](const ServerRequest& request) { return make_server_response(200, std::to_string(request.body().size())); }));
  auto transport = make_default_transport({});
  HttpRequest request = loopback_request(server.port(), "/upload");
  request.method = "PUT";
  request.body = std::string(12 * 1024 * 1024, 'u');
  for (int i = 0; i < 2; ++i) {
    BOOST_TEST(require_response(transport->send(request)).body == std::to_string(request.body.size()));
  }
  BOOST_TEST(server.accepted() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
