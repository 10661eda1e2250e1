// SPDX-License-Identifier: Apache-2.0
// A plain Boost.Beast HTTP(S) client for emulator tests: no SDK code in the way, keep-alive, a timeout on
// every exchange (so a broken server fails a test instead of hanging it), and raw byte exchanges for
// malformed-HTTP tests.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

namespace modelarts::test {

namespace test_net = boost::asio;
namespace test_beast = boost::beast;
namespace test_http = boost::beast::http;

using ClientRequest = test_http::request<test_http::string_body>;
using ClientResponse = test_http::response<test_http::string_body>;

struct ClientResult {
  test_beast::error_code error;  ///< set when the exchange failed (connection broken, timeout, bad reply)
  ClientResponse response;
  bool ok() const { return !error; }
  int status() const { return static_cast<int>(response.result_int()); }
  std::string header(std::string_view name) const {
    auto found = response.find(test_beast::string_view(name.data(), name.size()));
    return found == response.end() ? std::string() : std::string(found->value());
  }
};

class HttpClient {
 public:
  /// `ca_pem` non-empty: HTTPS, trusting only that certificate, verifying the host name `host`.
  explicit HttpClient(std::uint16_t port, std::string ca_pem = {}, std::string host = "127.0.0.1")
      : port_(port), host_(std::move(host)) {
    if (!ca_pem.empty()) {
      tls_.emplace(test_net::ssl::context::tls_client);
      tls_->add_certificate_authority(test_net::buffer(ca_pem));
      tls_->set_verify_mode(test_net::ssl::verify_peer);
    }
  }

  std::string host_header() const { return host_ + ':' + std::to_string(port_); }
  int connections_made() const { return connections_made_; }
  bool connected() const { return plain_ != nullptr || secure_ != nullptr; }

  /// Sends `request` (Host and Content-Length added) on the kept-alive connection, or a new one.
  ClientResult send(ClientRequest request, std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    ClientResult result;
    if (request.find(test_http::field::host) == request.end()) request.set(test_http::field::host, host_header());
    request.prepare_payload();
    if (!connected()) result.error = connect(timeout);
    if (!result.error) {
      auto parser = std::make_shared<test_http::response_parser<test_http::string_body>>();
      parser->header_limit(64 * 1024);
      parser->body_limit(64 * 1024 * 1024);
      parser->skip(request.method() == test_http::verb::head);  // a HEAD reply has a length but no body
      with_stream([&](auto& stream) {
        test_http::async_write(stream, request, [&, parser](test_beast::error_code ec, std::size_t) {
          if (ec) {
            result.error = ec;
            return;
          }
          test_http::async_read(stream, buffer_, *parser,
                                [&](test_beast::error_code read_ec, std::size_t) { result.error = read_ec; });
        });
      });
      run(timeout, result.error);
      if (!result.error) result.response = parser->release();
    }
    if (result.error || !result.response.keep_alive()) close();
    return result;
  }

  ClientResult request(test_http::verb method, std::string target, std::string body = {},
                       std::initializer_list<std::pair<std::string, std::string>> headers = {}) {
    ClientRequest message{method, target, 11};
    for (const auto& [name, value] : headers) message.set(name, value);
    message.body() = std::move(body);
    return send(std::move(message));
  }

  /// On a fresh connection: writes `bytes` and returns everything the server sent until it closed (or the
  /// timeout). `closed_by_server` tells whether it closed.
  std::string exchange_raw(std::string_view bytes, bool& closed_by_server,
                           std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    close();
    std::string received;
    closed_by_server = false;
    test_beast::error_code error = connect(timeout);
    if (error) return received;
    auto chunk = std::make_shared<std::array<char, 4096>>();
    with_stream([&](auto& stream) {
      test_net::async_write(stream, test_net::buffer(bytes.data(), bytes.size()),
                            [&, chunk](test_beast::error_code ec, std::size_t) {
                              if (ec) return;
                              read_all(stream, received, closed_by_server, chunk);
                            });
    });
    run(timeout, error);
    close();
    return received;
  }

  void close() {
    cancel();
    plain_.reset();
    secure_.reset();
    buffer_.clear();
  }

 private:
  void cancel() {
    test_beast::error_code ignored;
    if (plain_) plain_->socket().close(ignored);
    if (secure_) test_beast::get_lowest_layer(*secure_).socket().close(ignored);
  }

  template <class Stream>
  void read_all(Stream& stream, std::string& received, bool& closed, std::shared_ptr<std::array<char, 4096>> chunk) {
    stream.async_read_some(test_net::buffer(*chunk), [&, chunk](test_beast::error_code ec, std::size_t n) {
      received.append(chunk->data(), n);
      if (ec) {
        closed = true;
        return;
      }
      read_all(stream, received, closed, chunk);
    });
  }

  template <class F>
  void with_stream(F&& body) {
    if (secure_) body(*secure_);
    else body(*plain_);
  }

  void run(std::chrono::milliseconds timeout, test_beast::error_code& error) {
    ioc_.restart();
    ioc_.run_for(timeout);
    if (!ioc_.stopped()) {
      cancel();  // completes what is pending with operation_aborted
      ioc_.run();
      error = test_beast::error::timeout;
    }
  }

  test_beast::error_code connect(std::chrono::milliseconds timeout) {
    test_beast::error_code error;
    test_net::ip::tcp::endpoint endpoint(test_net::ip::make_address("127.0.0.1"), port_);
    test_beast::tcp_stream tcp(ioc_);
    tcp.async_connect(endpoint, [&](test_beast::error_code ec) { error = ec; });
    run(timeout, error);
    if (error) return error;
    tcp.socket().set_option(test_net::ip::tcp::no_delay(true), error);
    ++connections_made_;
    if (!tls_) {
      plain_ = std::make_unique<test_beast::tcp_stream>(std::move(tcp));
      return {};
    }
    secure_ = std::make_unique<test_beast::ssl_stream<test_beast::tcp_stream>>(std::move(tcp), *tls_);
    SSL_set_tlsext_host_name(secure_->native_handle(), host_.c_str());
    secure_->set_verify_callback(test_net::ssl::host_name_verification(host_));
    secure_->async_handshake(test_net::ssl::stream_base::client, [&](test_beast::error_code ec) { error = ec; });
    run(timeout, error);
    if (error) close();
    return error;
  }

  std::uint16_t port_;
  std::string host_;
  test_net::io_context ioc_;
  std::optional<test_net::ssl::context> tls_;
  std::unique_ptr<test_beast::tcp_stream> plain_;
  std::unique_ptr<test_beast::ssl_stream<test_beast::tcp_stream>> secure_;
  test_beast::flat_buffer buffer_;
  int connections_made_ = 0;
};

}  // namespace modelarts::test
