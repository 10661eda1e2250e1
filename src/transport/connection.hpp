// SPDX-License-Identifier: Apache-2.0
// Connection: one TCP or TLS connection (possibly through a proxy tunnel) with its own io_context. The calling
// thread runs that io_context for each operation until it completes or its deadline passes, so connect, read and
// total timeouts really fire. Plain TCP exchanges skip the io_context: they block in recv/sendmsg on a blocking
// socket whose SO_RCVTIMEO/SO_SNDTIMEO carry the deadline (no poll() and no extra wake-up per reply; see
// socket_timeout.hpp). A connection is used by one thread at a time (the pool hands it out exclusively).
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/core/flat_buffer.hpp>

#include <modelarts/http.hpp>

#include "transport/deadline.hpp"
#include "transport/origin.hpp"
#include "transport/proxy.hpp"
#include "transport/socket_timeout.hpp"

namespace modelarts::transport {

struct ConnectSettings {
  const ProxySettings* proxy = nullptr;       ///< null: direct
  boost::asio::ssl::context* tls = nullptr;   ///< required for https origins
  bool verify_peer = true;
};

struct ResponseLimits {
  std::size_t header_limit = 64 * 1024;
  std::size_t body_limit = 64 * 1024 * 1024;
  std::chrono::milliseconds read_timeout{60000};
};

/// What one request/response exchange on a connection produced.
struct ExchangeOutcome {
  TransportResult result;
  bool stale = false;     ///< a reused connection failed before any response byte (the server had closed it)
  bool reusable = false;  ///< the connection may go back to the pool
};

class Connection {
 public:
  /// DNS, TCP connect, proxy CONNECT and TLS handshake, all before `deadline`. Failures have nothing written.
  static std::variant<std::unique_ptr<Connection>, TransportFailure> open(const Origin& origin,
                                                                          const ConnectSettings& settings,
                                                                          const Deadline& deadline);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// Writes `head` and `body` in one gather write, then reads the response within `limits` and `total`.
  ExchangeOutcome exchange(const std::string& head, const std::string& body, bool head_request,
                           const ResponseLimits& limits, const Deadline& total);

  /// True once the connection has been through the pool: failures then may mean the server closed it while idle.
  bool reused() const { return reused_; }
  /// Called as the connection goes back to the pool: from now on it is idle.
  void mark_reused() {
    reused_ = true;
    idle_since_ = Clock::now();
  }
  /// An idle connection that became readable (EOF, reset, or unsolicited bytes) cannot carry a new request.
  /// Only connections idle for a few milliseconds or more are checked (see connection.cpp).
  bool closed_while_idle();
  /// False in a child process after fork(): the connection is the parent's and must never carry a request here.
  bool opened_in_this_process() const noexcept;
  /// In a child after fork(): detaches the connection from what it shares with the parent so that destroying it
  /// closes only the child's descriptor (no TLS shutdown, no shutdown()). False when that failed: then the
  /// caller must leak the connection rather than destroy it.
  bool forget_after_fork() noexcept;

 private:
  explicit Connection(Origin origin);
  enum class ReadEnd { complete, timed_out, closed_before_response, failed };
  struct ReadOutcome {
    ReadEnd end = ReadEnd::complete;
    boost::system::error_code error;
    Deadline deadline;
  };
  template <class Parser>
  ReadOutcome read_message(Parser& parser, std::chrono::milliseconds read_timeout, const Deadline& total);
  /// Reads the reply to a request of which `sent` was written.
  ExchangeOutcome read_response(bool head_request, const ResponseLimits& limits, const Deadline& total,
                                BytesWritten sent);
  template <class Buffers>
  std::pair<boost::system::error_code, std::size_t> write_all(const Buffers& buffers, const Deadline& deadline,
                                                              bool& timed_out);
  /// One read into `target` within `deadline` (false: timed out, connection closed).
  bool read_some(boost::asio::mutable_buffer target, const Deadline& deadline, boost::system::error_code& ec,
                 std::size_t& received);
  /// read_some and write_all on a plain socket: blocking recv/sendmsg bounded by the socket's timeouts.
  bool receive_plain(boost::asio::mutable_buffer target, const Deadline& deadline, boost::system::error_code& ec,
                     std::size_t& received);
  template <class Buffers>
  std::pair<boost::system::error_code, std::size_t> send_plain(const Buffers& buffers, const Deadline& deadline,
                                                               bool& timed_out);
  std::optional<TransportFailure> open_tunnel(const ProxySettings& proxy, const Deadline& deadline);
  std::optional<TransportFailure> handshake(const ConnectSettings& settings, const Deadline& deadline);
  boost::asio::ip::tcp::socket& socket();
  void close() noexcept;

  // Declared first so that it is destroyed last: the sockets below are bound to it.
  std::unique_ptr<boost::asio::io_context> io_;
  Origin origin_;
  std::string authority_;  ///< origin_.authority(), for messages: built once, not per call
  std::optional<boost::asio::ip::tcp::socket> plain_;
  std::optional<boost::asio::ssl::stream<boost::asio::ip::tcp::socket>> tls_;
  boost::beast::flat_buffer buffer_;
  SocketTimeout receive_timeout_{SO_RCVTIMEO};
  SocketTimeout send_timeout_{SO_SNDTIMEO};
  bool reused_ = false;
  Clock::time_point idle_since_{};
  unsigned fork_generation_;  ///< the process (counted in fork()s) that opened it
};

}  // namespace modelarts::transport
