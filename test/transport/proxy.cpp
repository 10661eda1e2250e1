// SPDX-License-Identifier: Apache-2.0
// HTTP proxy: https through a CONNECT tunnel (with and without Basic auth, refused on wrong credentials),
// plain http in absolute form; the proxy password never appears in a failure message.
#include <boost/test/unit_test.hpp>

#include <mutex>
#include <thread>

#include <boost/asio/connect.hpp>

#include <modelarts/testing/certificate.hpp>

#include "support/loopback_server.hpp"
#include "transport/transport_test_helpers.hpp"

using namespace modelarts;
using namespace modelarts::test;

namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

/// Copies bytes from `from` to `to` until either side ends, then ends both.
void pump(tcp::socket& from, tcp::socket& to) {
  char chunk[16384];
  boost::system::error_code ec;
  while (!ec) {
    const std::size_t n = from.read_some(asio::buffer(chunk), ec);
    if (n > 0) asio::write(to, asio::buffer(chunk, n), ec);
  }
  to.shutdown(tcp::socket::shutdown_both, ec);
  from.shutdown(tcp::socket::shutdown_both, ec);
}

/// A tiny forward proxy: CONNECT tunnels to 127.0.0.1 ports, absolute-form requests answered itself.
/// Records what it saw so tests can check the request form and the credentials.
class TestProxy {
 public:
  explicit TestProxy(std::string expected_authorization = "")
      : expected_authorization_(std::move(expected_authorization)),
        server_([this](ServerConnection& connection) { serve(connection); }) {}

  std::uint16_t port() const { return server_.port(); }
  std::vector<std::string> seen_targets() {
    std::lock_guard<std::mutex> lock(mutex_);
    return targets_;
  }
  std::vector<std::string> seen_authorizations() {
    std::lock_guard<std::mutex> lock(mutex_);
    return authorizations_;
  }

 private:
  void serve(ServerConnection& connection) {
    auto request = connection.read_request();
    if (!request) return;
    const std::string authorization(request->base()["Proxy-Authorization"]);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      targets_.emplace_back(request->target());
      authorizations_.push_back(authorization);
    }
    if (!expected_authorization_.empty() && authorization != expected_authorization_) {
      auto refusal = make_server_response(407, "proxy auth required", "text/plain");
      refusal.set("Proxy-Authenticate", "Basic realm=\"test\"");
      refusal.keep_alive(false);
      connection.write(std::move(refusal));
      return;
    }
    if (request->method() != boost::beast::http::verb::connect) {
      connection.write(make_server_response(200, "answered by proxy for " + std::string(request->target())));
      return;
    }
    const std::string target(request->target());
    const auto port = static_cast<std::uint16_t>(std::stoi(target.substr(target.rfind(':') + 1)));
    tcp::socket upstream(connection.socket().get_executor());
    boost::system::error_code ec;
    upstream.connect({asio::ip::make_address("127.0.0.1"), port}, ec);
    if (ec) {
      connection.write(make_server_response(502, "", "text/plain"));
      return;
    }
    if (!connection.write_raw("HTTP/1.1 200 Connection established\r\n\r\n")) return;
    std::thread downstream([&] { pump(upstream, connection.socket()); });
    pump(connection.socket(), upstream);
    downstream.join();
  }

  std::string expected_authorization_;
  std::mutex mutex_;
  std::vector<std::string> targets_;
  std::vector<std::string> authorizations_;
  LoopbackServer server_;  // last: its threads call serve(), which uses the members above
};

struct TlsOrigin {
  modelarts::testing::TestCertificate certificate = modelarts::testing::make_self_signed_certificate();
  TempFile ca{certificate.certificate_pem};
  LoopbackServer server{LoopbackServer::serve_http([](const ServerRequest& request) {
                          return make_server_response(200, "origin saw " + std::string(request.target()));
                        }),
                        LoopbackServer::Options{certificate}};
};

}  // namespace

BOOST_AUTO_TEST_SUITE(proxy)

BOOST_AUTO_TEST_CASE(https_goes_through_a_connect_tunnel) {
  TlsOrigin origin;
  TestProxy proxy;
  TransportOptions options;
  options.ca_file = origin.ca.path();
  options.proxy = "http://127.0.0.1:" + std::to_string(proxy.port());
  auto transport = make_default_transport(options);
  for (int i = 0; i < 3; ++i) {
    BOOST_TEST(require_response(transport->send(loopback_request(origin.server.port(), "/v1/x", "https"))).body ==
               "origin saw /v1/x");
  }
  // One tunnel, kept alive: the pool keys on the origin, not on the proxy.
  BOOST_TEST(proxy.seen_targets() == std::vector<std::string>{"127.0.0.1:" + std::to_string(origin.server.port())});
  BOOST_TEST(proxy.seen_authorizations() == std::vector<std::string>{""});
  BOOST_TEST(origin.server.accepted() == 1u);
}

BOOST_AUTO_TEST_CASE(proxy_credentials_are_sent_as_basic_auth) {
  TlsOrigin origin;
  TestProxy proxy("Basic dXNlcjpwQHNz");  // base64("user:p@ss")
  TransportOptions options;
  options.ca_file = origin.ca.path();
  options.proxy = "http://user:p%40ss@127.0.0.1:" + std::to_string(proxy.port());
  auto transport = make_default_transport(options);
  BOOST_TEST(require_response(transport->send(loopback_request(origin.server.port(), "/auth", "https"))).body ==
             "origin saw /auth");
}

BOOST_AUTO_TEST_CASE(wrong_proxy_credentials_fail_without_leaking_the_password) {
  TlsOrigin origin;
  TestProxy proxy("Basic dXNlcjpwQHNz");
  TransportOptions options;
  options.ca_file = origin.ca.path();
  options.proxy = "http://user:WrongSecret42@127.0.0.1:" + std::to_string(proxy.port());
  auto transport = make_default_transport(options);
  const auto failure = require_failure(transport->send(loopback_request(origin.server.port(), "/", "https")));
  BOOST_TEST(static_cast<int>(failure.kind) == static_cast<int>(TransportErrorKind::connect));
  BOOST_TEST(!failure.request_written());
  BOOST_TEST(failure.message.find("407") != std::string::npos, failure.message);
  BOOST_TEST(failure.message.find("WrongSecret42") == std::string::npos);
  BOOST_TEST(failure.message.find("user:") == std::string::npos);
  BOOST_TEST(origin.server.accepted() == 0u);
}

BOOST_AUTO_TEST_CASE(plain_http_is_sent_in_absolute_form) {
  TestProxy proxy("Basic dXNlcjpwQHNz");
  TransportOptions options;
  options.proxy = "http://user:p%40ss@127.0.0.1:" + std::to_string(proxy.port());
  auto transport = make_default_transport(options);
  const auto response = require_response(transport->send(loopback_request(8080, "/v1/jobs?limit=2")));
  BOOST_TEST(response.body == "answered by proxy for http://127.0.0.1:8080/v1/jobs?limit=2");
}

BOOST_AUTO_TEST_CASE(unreachable_proxy_is_a_connect_failure_naming_the_proxy) {
  std::uint16_t dead_port = 0;
  {
    asio::io_context io;
    tcp::acceptor acceptor(io, {asio::ip::make_address("127.0.0.1"), 0});
    dead_port = acceptor.local_endpoint().port();
  }
  TransportOptions options;
  options.proxy = "http://user:Secret99@127.0.0.1:" + std::to_string(dead_port);
  auto transport = make_default_transport(options);
  const auto failure = require_failure(transport->send(loopback_request(443, "/", "https", "example.com")));
  BOOST_TEST(static_cast<int>(failure.kind) == static_cast<int>(TransportErrorKind::connect));
  BOOST_TEST(!failure.request_written());
  BOOST_TEST(failure.message.find("proxy 127.0.0.1:" + std::to_string(dead_port)) != std::string::npos,
             failure.message);
  BOOST_TEST(failure.message.find("Secret99") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(malformed_proxy_url_is_a_configuration_error) {
  TransportOptions options;
  options.proxy = "socks5://user:pw@127.0.0.1:1080";
  try {
    make_default_transport(options);
    BOOST_FAIL("expected ConfigurationError");
  } catch (const ConfigurationError& error) {
    BOOST_TEST(std::string(error.what()).find("pw") == std::string::npos, error.what());
  }
}

BOOST_AUTO_TEST_SUITE_END()
