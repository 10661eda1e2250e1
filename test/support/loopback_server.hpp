// SPDX-License-Identifier: Apache-2.0
// LoopbackServer: a small configurable HTTP(S) server on 127.0.0.1 for transport and integration tests. Each
// accepted connection is served on its own thread with blocking Boost.Beast I/O by a handler, which either
// answers requests (serve_http) or misbehaves on purpose (raw handlers: stall, trickle, cut the connection...).
// It counts accepted connections, so tests can assert keep-alive reuse.
#pragma once

#include <sys/socket.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <modelarts/testing/certificate.hpp>

namespace modelarts::test {

using ServerRequest = boost::beast::http::request<boost::beast::http::string_body>;
using ServerResponse = boost::beast::http::response<boost::beast::http::string_body>;

/// A response with `status`, `body` and Content-Length set; keep-alive unless the handler changes it.
inline ServerResponse make_server_response(unsigned status, std::string body,
                                           std::string content_type = "application/json") {
  ServerResponse response{static_cast<boost::beast::http::status>(status), 11};
  response.set(boost::beast::http::field::content_type, content_type);
  response.body() = std::move(body);
  response.prepare_payload();
  return response;
}

/// One accepted connection (TLS already handshaken when the server has a certificate). Blocking calls return
/// false / nullopt once the peer closed or the server is stopping.
class ServerConnection {
 public:
  ServerConnection(boost::asio::ip::tcp::socket socket, boost::asio::ssl::context* tls) {
    if (tls) {
      tls_.emplace(std::move(socket), *tls);
    } else {
      plain_.emplace(std::move(socket));
    }
  }

  /// Completes the TLS handshake (no-op for plain connections).
  bool handshake() {
    if (!tls_) return true;
    boost::system::error_code ec;
    tls_->handshake(boost::asio::ssl::stream_base::server, ec);
    return !ec;
  }

  /// The next request, or nullopt when the peer closed the connection or sent garbage.
  std::optional<ServerRequest> read_request() {
    boost::beast::http::request_parser<boost::beast::http::string_body> parser;
    parser.header_limit(1024 * 1024);
    parser.body_limit(256 * 1024 * 1024);
    boost::system::error_code ec;
    if (tls_) {
      boost::beast::http::read(*tls_, buffer_, parser, ec);
    } else {
      boost::beast::http::read(*plain_, buffer_, parser, ec);
    }
    if (ec) return std::nullopt;
    return parser.release();
  }

  bool write(ServerResponse response) {
    boost::system::error_code ec;
    if (tls_) {
      boost::beast::http::write(*tls_, response, ec);
    } else {
      boost::beast::http::write(*plain_, response, ec);
    }
    return !ec;
  }

  /// Writes bytes as they are (for malformed or trickled replies).
  bool write_raw(std::string_view bytes) {
    boost::system::error_code ec;
    if (tls_) {
      boost::asio::write(*tls_, boost::asio::buffer(bytes.data(), bytes.size()), ec);
    } else {
      boost::asio::write(*plain_, boost::asio::buffer(bytes.data(), bytes.size()), ec);
    }
    return !ec;
  }

  /// Blocks until the peer closes the connection (or the server stops), discarding what arrives.
  void wait_for_close() {
    char sink[4096];
    boost::system::error_code ec;
    while (!ec) {
      if (tls_) {
        tls_->read_some(boost::asio::buffer(sink), ec);
      } else {
        plain_->read_some(boost::asio::buffer(sink), ec);
      }
    }
  }

  /// Ends the TCP connection (FIN, no TLS close_notify), as a server dropping an idle connection does. The
  /// descriptor stays open until the server is destroyed, so interrupt() can never hit a reused descriptor.
  void close() {
    boost::system::error_code ec;
    socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ec);
  }

  /// Unblocks any blocking call on this connection from another thread.
  void interrupt() noexcept { ::shutdown(native_handle_.load(), SHUT_RDWR); }

  boost::asio::ip::tcp::socket& socket() { return tls_ ? tls_->next_layer() : *plain_; }
  /// Bytes read past the last request (a proxy relays them).
  boost::beast::flat_buffer& buffer() { return buffer_; }

  void remember_handle() { native_handle_ = socket().native_handle(); }

 private:
  std::optional<boost::asio::ip::tcp::socket> plain_;
  std::optional<boost::asio::ssl::stream<boost::asio::ip::tcp::socket>> tls_;
  boost::beast::flat_buffer buffer_;
  std::atomic<int> native_handle_{-1};
};

class LoopbackServer {
 public:
  using RawHandler = std::function<void(ServerConnection&)>;
  using HttpHandler = std::function<ServerResponse(const ServerRequest&)>;

  struct Options {
    std::optional<modelarts::testing::TestCertificate> tls;  ///< serve HTTPS with this certificate
  };

  /// A raw handler that answers each request on the connection with `handler` until the peer closes or a
  /// response says Connection: close.
  static RawHandler serve_http(HttpHandler handler) {
    return [handler = std::move(handler)](ServerConnection& connection) {
      while (auto request = connection.read_request()) {
        ServerResponse response = handler(*request);
        const bool keep_alive = response.keep_alive() && request->keep_alive();
        response.keep_alive(keep_alive);
        if (!connection.write(std::move(response)) || !keep_alive) return;
      }
    };
  }

  explicit LoopbackServer(RawHandler handler, Options options = {})
      : handler_(std::move(handler)), acceptor_(io_) {
    if (options.tls) {
      tls_ = std::make_unique<boost::asio::ssl::context>(boost::asio::ssl::context::tls_server);
      tls_->use_certificate_chain(boost::asio::buffer(options.tls->certificate_pem));
      tls_->use_private_key(boost::asio::buffer(options.tls->private_key_pem), boost::asio::ssl::context::pem);
    }
    const boost::asio::ip::tcp::endpoint endpoint(boost::asio::ip::make_address("127.0.0.1"), 0);
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(boost::asio::ip::tcp::acceptor::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen();
    port_ = acceptor_.local_endpoint().port();
    accept_next();
    accept_thread_ = std::thread([this] { io_.run(); });
  }

  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  ~LoopbackServer() { stop(); }

  /// Stops accepting, interrupts every connection and joins the threads. Idempotent.
  void stop() {
    if (stopped_.exchange(true)) return;
    boost::asio::post(io_, [this] {
      boost::system::error_code ec;
      acceptor_.close(ec);
    });
    accept_thread_.join();
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& connection : connections_) connection->interrupt();
    for (auto& thread : threads_) thread.join();
  }

  std::uint16_t port() const { return port_; }
  /// How many connections have been accepted so far.
  std::size_t accepted() const { return accepted_.load(); }

 private:
  void accept_next() {
    acceptor_.async_accept([this](const boost::system::error_code& ec, boost::asio::ip::tcp::socket socket) {
      if (ec) return;  // acceptor closed
      accepted_.fetch_add(1);
      auto connection = std::make_shared<ServerConnection>(std::move(socket), tls_.get());
      connection->remember_handle();
      {
        std::lock_guard<std::mutex> lock(mutex_);
        connections_.push_back(connection);
        threads_.emplace_back([this, connection] {
          if (connection->handshake()) handler_(*connection);
          connection->close();
        });
      }
      accept_next();
    });
  }

  RawHandler handler_;
  std::unique_ptr<boost::asio::ssl::context> tls_;
  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  std::uint16_t port_ = 0;
  std::atomic<std::size_t> accepted_{0};
  std::atomic<bool> stopped_{false};
  std::thread accept_thread_;
  std::mutex mutex_;
  std::vector<std::shared_ptr<ServerConnection>> connections_;
  std::vector<std::thread> threads_;
};

}  // namespace modelarts::test
