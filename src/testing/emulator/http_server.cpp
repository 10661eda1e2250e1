// SPDX-License-Identifier: Apache-2.0
#include "testing/emulator/http_server.hpp"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <type_traits>
#include <vector>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include "testing/emulator/json_replies.hpp"

namespace modelarts::testing::detail {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

constexpr auto kHandshakeTimeout = std::chrono::seconds(10);
constexpr auto kShutdownTimeout = std::chrono::seconds(2);
// After refusing an oversized request, read and discard what the client is still sending (so it can read
// our answer instead of getting a reset), but not forever.
constexpr auto kDrainTimeout = std::chrono::seconds(5);
constexpr std::size_t kMaxDrainBytes = 64 * 1024 * 1024;

struct ServerCore {
  HttpServerOptions options;
  RequestHandler handler;
  std::atomic<std::uint64_t> connections{0};
  std::atomic<std::uint64_t> requests{0};
};

template <class Stream>
class Connection : public std::enable_shared_from_this<Connection<Stream>> {
 public:
  static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

  template <class... StreamArgs>
  explicit Connection(std::shared_ptr<ServerCore> core, StreamArgs&&... args)
      : core_(std::move(core)), stream_(std::forward<StreamArgs>(args)...), timer_(stream_.get_executor()) {}

  void start() {
    net::dispatch(stream_.get_executor(), [self = this->shared_from_this()] { self->begin(); });
  }

 private:
  beast::tcp_stream& tcp_layer() { return beast::get_lowest_layer(stream_); }

  void begin() {
    if constexpr (kTls) {
      tcp_layer().expires_after(kHandshakeTimeout);
      stream_.async_handshake(ssl::stream_base::server, [self = this->shared_from_this()](beast::error_code ec) {
        if (ec) return self->close_now();
        self->read_request();
      });
    } else {
      read_request();
    }
  }

  void read_request() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(core_->options.header_limit));
    parser_->body_limit(core_->options.body_limit);
    tcp_layer().expires_after(core_->options.idle_timeout);
    if (!core_->options.body_limit_for) {
      http::async_read(stream_, buffer_, *parser_,
                       [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
      return;
    }
    // Beast checks a Content-Length against the limit while parsing the header: no limit until the target
    // is known, then the target's limit, checked here for the length and by the parser for chunked bodies.
    parser_->body_limit(boost::none);
    http::async_read_header(stream_, buffer_, *parser_, [self = this->shared_from_this()](beast::error_code ec,
                                                                                           std::size_t) {
      if (ec) return self->on_read_error(ec);
      self->body_limit_ = self->core_->options.body_limit_for(self->parser_->get().target());
      const auto length = self->parser_->content_length();
      if (length && *length > self->body_limit_) return self->on_read_error(http::error::body_limit);
      self->parser_->body_limit(self->body_limit_);
      http::async_read(self->stream_, self->buffer_, *self->parser_,
                       [self](beast::error_code read_ec, std::size_t) { self->on_read(read_ec); });
    });
  }

  void on_read(beast::error_code ec) {
    if (ec) return on_read_error(ec);
    ++core_->requests;
    HttpRequestMessage request = parser_->release();
    const bool keep_alive = request.keep_alive();
    Reply reply;
    try {
      reply = core_->handler(request);
    } catch (const std::exception& error) {
      reply.response = modelarts_error(500, "ModelArts.0010", std::string("Internal error: ") + error.what(),
                                       new_request_id());
    }
    reply.response.keep_alive(keep_alive && !reply.cut_off);
    send(std::move(reply));
  }

  void on_read_error(beast::error_code ec) {
    const auto& http_category = http::make_error_code(http::error::bad_target).category();
    if (ec == http::error::body_limit) {
      return refuse(413, "Request entity too large: the body exceeds " +
                             std::to_string(core_->options.body_limit_for ? body_limit_ : core_->options.body_limit) +
                             " bytes", true);
    }
    if (ec == http::error::header_limit) {
      return refuse(431, "Request header fields too large: the header exceeds " +
                             std::to_string(core_->options.header_limit) + " bytes", false);
    }
    if (ec.category() == http_category && ec != http::error::end_of_stream && ec != http::error::partial_message) {
      return refuse(400, "Bad request: malformed HTTP (" + ec.message() + ")", false);
    }
    close_now();  // the peer went away, timed out, or broke TLS: nothing to answer
  }

  /// Answers a request that could not be read whole, then closes (after discarding its rest when `drain`).
  void refuse(int status, const std::string& message, bool drain) {
    response_ = gateway_error(status, "APIGW.0201", message, new_request_id());
    response_.keep_alive(false);
    response_.prepare_payload();
    http::async_write(stream_, response_, [self = this->shared_from_this(), drain](beast::error_code ec, std::size_t) {
      if (ec) return self->close_now();
      if (drain) return self->drain_then_close();
      self->close_gracefully();
    });
  }

  void send(Reply reply) {
    response_ = std::move(reply.response);
    if (response_.find(http::field::content_type) == response_.end()) {
      response_.set(http::field::content_type, kJsonContentType);
    }
    if (response_.find("X-Request-Id") == response_.end()) response_.set("X-Request-Id", new_request_id());
    if (!reply.keep_content_length) response_.prepare_payload();
    const bool cut_off = reply.cut_off;
    if (reply.delay.count() > 0) {
      timer_.expires_after(reply.delay);
      timer_.async_wait([self = this->shared_from_this(), cut_off](beast::error_code ec) {
        if (ec) return self->close_now();
        self->write(cut_off);
      });
      return;
    }
    write(cut_off);
  }

  void write(bool cut_off) {
    if (cut_off) {
      // Head plus half of the body, then a hard close: the effect happened, the client sees a broken reply.
      std::ostringstream serialized;
      serialized << response_;
      raw_ = serialized.str();
      const std::size_t head = raw_.size() - response_.body().size();
      const std::size_t length = head + response_.body().size() / 2;
      net::async_write(stream_, net::buffer(raw_.data(), length),
                       [self = this->shared_from_this()](beast::error_code, std::size_t) { self->close_now(); });
      return;
    }
    http::async_write(stream_, response_, [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->close_now();
      if (!self->response_.keep_alive()) return self->close_gracefully();
      self->read_request();
    });
  }

  void drain_then_close() {
    if constexpr (!kTls) {
      beast::error_code ignored;
      tcp_layer().socket().shutdown(tcp::socket::shutdown_send, ignored);
    }
    tcp_layer().expires_after(kDrainTimeout);  // one deadline for the whole drain
    drain_some();
  }

  void drain_some() {
    drain_buffer_.resize(64 * 1024);
    stream_.async_read_some(net::buffer(drain_buffer_),
                            [self = this->shared_from_this()](beast::error_code ec, std::size_t bytes) {
                              self->drained_ += bytes;
                              if (ec || self->drained_ > kMaxDrainBytes) return self->close_now();
                              self->drain_some();
                            });
  }

  void close_gracefully() {
    if constexpr (kTls) {
      tcp_layer().expires_after(kShutdownTimeout);
      stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) { self->close_now(); });
    } else {
      beast::error_code ignored;
      tcp_layer().socket().shutdown(tcp::socket::shutdown_send, ignored);
      close_now();
    }
  }

  void close_now() {
    timer_.cancel();
    beast::error_code ignored;
    tcp_layer().socket().shutdown(tcp::socket::shutdown_both, ignored);
    tcp_layer().close();
  }

  std::shared_ptr<ServerCore> core_;
  Stream stream_;
  net::steady_timer timer_;
  beast::flat_buffer buffer_;
  std::uint64_t body_limit_ = 0;  ///< the current request's, when body_limit_for is set
  std::optional<http::request_parser<http::string_body>> parser_;
  HttpResponseMessage response_;
  std::string raw_;
  std::vector<char> drain_buffer_;
  std::size_t drained_ = 0;
};

tcp::endpoint resolve_listen_endpoint(net::io_context& ioc, const std::string& host, std::uint16_t port) {
  beast::error_code ec;
  const auto address = net::ip::make_address(host, ec);
  if (!ec) return {address, port};
  tcp::resolver resolver(ioc);
  const auto results = resolver.resolve(host, std::to_string(port), ec);
  if (ec || results.empty()) throw std::runtime_error("cannot resolve listen host '" + host + "'");
  return results.begin()->endpoint();
}

}  // namespace

struct HttpServer::Impl {
  std::shared_ptr<ServerCore> core = std::make_shared<ServerCore>();
  std::unique_ptr<net::io_context> ioc;
  std::optional<net::executor_work_guard<net::io_context::executor_type>> work;
  std::unique_ptr<ssl::context> tls;
  std::unique_ptr<tcp::acceptor> acceptor;
  std::unique_ptr<net::steady_timer> accept_pause;  ///< see accept()
  std::vector<std::thread> threads;
  std::uint16_t port = 0;
  std::mutex stop_mutex;
  bool stopped = false;

  void accept() {
    acceptor->async_accept(net::make_strand(*ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (ec == net::error::operation_aborted || !acceptor->is_open()) return;
      if (!ec) {
        beast::error_code ignored;
        socket.set_option(tcp::no_delay(true), ignored);  // small replies must not wait on delayed ACKs
        ++core->connections;
        if (tls) {
          std::make_shared<Connection<TlsStream>>(core, std::move(socket), *tls)->start();
        } else {
          std::make_shared<Connection<PlainStream>>(core, std::move(socket))->start();
        }
      } else if (ec == net::error::no_descriptors || ec == net::error::no_buffer_space ||
                 ec == net::error::no_memory || ec.value() == ENFILE) {
        // Out of descriptors: the pending connection stays queued and the listener stays readable, so accepting
        // again at once would spin. Pause until connections have had time to close.
        accept_pause->expires_after(std::chrono::milliseconds(100));
        accept_pause->async_wait([this](beast::error_code wait_error) {
          if (!wait_error && acceptor && acceptor->is_open()) accept();
        });
        return;
      }
      accept();
    });
  }
};

HttpServer::HttpServer(HttpServerOptions options, RequestHandler handler) : impl_(std::make_unique<Impl>()) {
  Impl& impl = *impl_;
  const int threads = std::max(1, options.threads);
  impl.core->options = std::move(options);
  impl.core->handler = std::move(handler);
  const HttpServerOptions& opts = impl.core->options;
  impl.ioc = std::make_unique<net::io_context>(threads);

  if (!opts.certificate_pem.empty()) {
    try {
      impl.tls = std::make_unique<ssl::context>(ssl::context::tls_server);
      impl.tls->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                            ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
      impl.tls->use_certificate_chain(net::buffer(opts.certificate_pem));
      impl.tls->use_private_key(net::buffer(opts.private_key_pem), ssl::context::pem);
    } catch (const boost::system::system_error& error) {
      throw std::runtime_error(std::string("cannot load the TLS certificate: ") + error.what());
    }
  }

  const tcp::endpoint endpoint = resolve_listen_endpoint(*impl.ioc, opts.host, opts.port);
  impl.acceptor = std::make_unique<tcp::acceptor>(*impl.ioc);
  impl.accept_pause = std::make_unique<net::steady_timer>(net::make_strand(*impl.ioc));
  beast::error_code ec;
  impl.acceptor->open(endpoint.protocol(), ec);
  if (!ec) impl.acceptor->set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) impl.acceptor->bind(endpoint, ec);
  if (!ec) impl.acceptor->listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    throw std::runtime_error("cannot listen on " + opts.host + ':' + std::to_string(opts.port) + ": " + ec.message());
  }
  impl.port = impl.acceptor->local_endpoint().port();
  impl.accept();
  impl.work.emplace(impl.ioc->get_executor());
  for (int i = 0; i < threads; ++i) impl.threads.emplace_back([ioc = impl.ioc.get()] { ioc->run(); });
}

HttpServer::~HttpServer() { stop(); }

std::uint16_t HttpServer::port() const { return impl_->port; }
std::uint64_t HttpServer::connections_accepted() const { return impl_->core->connections.load(); }
std::uint64_t HttpServer::requests() const { return impl_->core->requests.load(); }

void HttpServer::stop() {
  std::lock_guard<std::mutex> lock(impl_->stop_mutex);
  if (impl_->stopped) return;
  impl_->stopped = true;
  impl_->work.reset();
  impl_->ioc->stop();
  for (auto& thread : impl_->threads) thread.join();
  impl_->threads.clear();
  beast::error_code ignored;
  impl_->acceptor->close(ignored);
  impl_->acceptor.reset();
  impl_->accept_pause.reset();
  // Destroying the io_context destroys every pending handler, and with them the connections they own:
  // their sockets close, so clients see the connection end instead of hanging.
  impl_->ioc.reset();
}

}  // namespace modelarts::testing::detail
