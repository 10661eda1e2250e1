// SPDX-License-Identifier: Apache-2.0
// What the transport reports about a request's fate, and what it never does on its own:
//   - a request whose bytes were written is never resent (a reused connection the server closes after
//     reading a POST gives a failure with the request written, and the server sees it once);
//   - after fork(), a pooled connection opened by the parent is never reused by the child, and the parent's
//     keeps working;
//   - a server that answers 413 and closes while the body is still being sent: its answer is returned;
//   - the transport asks for "Accept-Encoding: identity".
#include <boost/test/unit_test.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <string>
#include <thread>

#include "detail/api_call.hpp"
#include "support/fake_transport.hpp"
#include "support/loopback_server.hpp"
#include "transport/transport_test_helpers.hpp"

using namespace modelarts;
using namespace modelarts::test;

namespace {

// A one-shot server on plain POSIX sockets: accepts one connection, reads the request head only, answers 413
// with a JSON body and closes with most of the body unread (so the kernel resets the connection), as servers
// that refuse a large upload do.
class EarlyAnswerServer {
 public:
  EarlyAnswerServer() {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    BOOST_REQUIRE(::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    socklen_t length = sizeof address;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    BOOST_REQUIRE(::listen(listener_, 4) == 0);
    thread_ = std::thread([this] { serve(); });
  }
  ~EarlyAnswerServer() {
    ::shutdown(listener_, SHUT_RDWR);
    thread_.join();
    ::close(listener_);
  }
  std::uint16_t port() const { return port_; }

 private:
  void serve() {
    const int client = ::accept(listener_, nullptr, nullptr);
    if (client < 0) return;
    std::string head;
    char chunk[4096];
    while (head.find("\r\n\r\n") == std::string::npos) {
      const ssize_t n = ::recv(client, chunk, sizeof chunk, 0);
      if (n <= 0) break;
      head.append(chunk, static_cast<std::size_t>(n));
    }
    const std::string body = R"({"error_code":"APIGW.0201","error_msg":"Request entity too large"})";
    const std::string reply = "HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\nContent-Length: " +
                              std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    (void)::send(client, reply.data(), reply.size(), MSG_NOSIGNAL);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the reply reaches the client before the reset
    ::close(client);  // unread data: the kernel answers with a reset
  }

  int listener_ = -1;
  std::uint16_t port_ = 0;
  std::thread thread_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(attempt_fates)

BOOST_AUTO_TEST_CASE(a_written_request_is_never_resent_by_the_transport) {
  // The server reads the POST on the reused connection (and could apply it), then hangs up without answering.
  std::atomic<int> posts{0};
  LoopbackServer server([&](ServerConnection& connection) {
    while (auto request = connection.read_request()) {
      if (request->method() == boost::beast::http::verb::post) {
        ++posts;
        return;
      }
      connection.write(make_server_response(200, "{}"));
    }
  });
  auto transport = make_default_transport({});
  require_response(transport->send(loopback_request(server.port(), "/warm-up")));
  HttpRequest post = loopback_request(server.port(), "/v1/p/training-jobs/1/versions");
  post.method = "POST";
  post.body = R"({"config":{}})";
  const TransportFailure failure = require_failure(transport->send(post));
  BOOST_TEST((failure.written == BytesWritten::all));
  BOOST_TEST((failure.kind == TransportErrorKind::io));
  BOOST_TEST(posts.load() == 1);  // today's transport sent it again on a fresh connection: 2
  BOOST_TEST(server.accepted() == 1u);
}

BOOST_AUTO_TEST_CASE(an_idle_connection_the_server_closed_is_replaced_before_anything_is_written) {
  std::atomic<int> requests{0};
  LoopbackServer server([&](ServerConnection& connection) {
    if (auto request = connection.read_request()) {
      ++requests;
      connection.write(make_server_response(200, "once"));
    }
  });
  auto transport = make_default_transport({});
  for (int i = 0; i < 3; ++i) {
    BOOST_TEST(require_response(transport->send(loopback_request(server.port()))).body == "once");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the FIN arrives while the connection is idle
  }
  BOOST_TEST(requests.load() == 3);  // each request reached the server once
  BOOST_TEST(server.accepted() == 3u);
}

BOOST_AUTO_TEST_CASE(an_early_413_is_returned_rather_than_the_reset_that_follows_it) {
  EarlyAnswerServer server;
  auto transport = make_default_transport({});
  HttpRequest post = loopback_request(server.port(), "/v1/p/upload");
  post.method = "POST";
  post.body.assign(16 * 1024 * 1024, 'x');
  const HttpResponse response = require_response(transport->send(post));
  BOOST_TEST(response.status == 413);
  BOOST_TEST(response.body.find("APIGW.0201") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_early_413_reaches_the_caller_as_an_api_error_with_the_servers_code) {
  EarlyAnswerServer server;
  Session session(SessionOptions{}
                      .access_key("HPUAEXAMPLEAK0000001")
                      .secret_key("Wq3tExampleSecretKey0123456789abcdefGHIJ")
                      .project_id("0123456789abcdef0123456789abcdef")
                      .region_name("cn-north-4")
                      .modelarts_endpoint("http://127.0.0.1:" + std::to_string(server.port()))
                      .retry(RetryOptions{}.max_attempts(1)));
  detail::ApiCall call;
  call.method = "POST";
  call.segments = {"v1", "0123456789abcdef0123456789abcdef", "upload"};
  call.body.assign(16 * 1024 * 1024, ' ');
  try {
    detail::call(session, call);
    BOOST_FAIL("expected ApiError");
  } catch (const ApiError& e) {
    BOOST_TEST(e.http_status() == 413);
    BOOST_TEST(e.error_code() == "APIGW.0201");
  }
}

BOOST_AUTO_TEST_CASE(after_fork_the_child_never_reuses_the_parents_connection) {
  LoopbackServer server(LoopbackServer::serve_http([](const ServerRequest& request) {
    return make_server_response(200, std::string(request.target()));
  }));
  auto transport = make_default_transport({});
  require_response(transport->send(loopback_request(server.port(), "/before-fork")));  // now pooled
  constexpr int kCalls = 10;
  auto calls = [&](const std::string& who) {
    int crossed = 0;
    for (int i = 0; i < kCalls; ++i) {
      const std::string target = "/" + who + "/" + std::to_string(i);
      const TransportResult result = transport->send(loopback_request(server.port(), target));
      const auto* response = std::get_if<HttpResponse>(&result);
      if (response == nullptr || response->body != target) ++crossed;
    }
    return crossed;
  };
  const pid_t child = ::fork();
  BOOST_REQUIRE(child >= 0);
  if (child == 0) _exit(calls("child"));  // no Boost.Test in the child: its exit status is the count
  const int parent_crossed = calls("parent");
  int status = 0;
  BOOST_REQUIRE(::waitpid(child, &status, 0) == child);
  BOOST_REQUIRE(WIFEXITED(status));
  BOOST_TEST(WEXITSTATUS(status) == 0, "replies the child did not ask for: " << WEXITSTATUS(status));
  BOOST_TEST(parent_crossed == 0);
  BOOST_TEST(server.accepted() >= 2u);  // the child opened its own
}

BOOST_AUTO_TEST_CASE(the_transport_asks_for_identity_encoding) {
  std::string accept_encoding;
  LoopbackServer server(LoopbackServer::serve_http([&](const ServerRequest& request) {
    accept_encoding = std::string(request[boost::beast::http::field::accept_encoding]);
    return make_server_response(200, "{}");
  }));
  require_response(make_default_transport({})->send(loopback_request(server.port())));
  BOOST_TEST(accept_encoding == "identity");
}

BOOST_AUTO_TEST_SUITE_END()
