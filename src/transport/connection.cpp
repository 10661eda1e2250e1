// SPDX-License-Identifier: Apache-2.0
#include "transport/connection.hpp"

#include <poll.h>
#include <pthread.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include <array>
#include <atomic>
#include <cerrno>

#include <boost/asio/buffer.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/buffers_suffix.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>

#include "transport/resolver.hpp"
#include "transport/response_parser.hpp"
#include "transport/tls_context.hpp"

namespace modelarts::transport {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;
using boost::system::error_code;

namespace {

constexpr std::size_t read_chunk = 64 * 1024;
// Bodies up to this size are copied behind the head so a TLS request is one record (asio's SSL stream writes
// one buffer per record); larger ones are gathered.
constexpr std::size_t tls_coalesce_limit = 64 * 1024;

TransportFailure failure(TransportErrorKind kind, BytesWritten written, std::string message) {
  return TransportFailure{kind, written, std::move(message)};
}

TransportFailure failure(TransportErrorKind kind, bool written, std::string message) {
  return failure(kind, written ? BytesWritten::all : BytesWritten::none, std::move(message));
}

BytesWritten bytes_written(std::size_t written, std::size_t total) {
  if (written == 0) return BytesWritten::none;
  return written >= total ? BytesWritten::all : BytesWritten::partial;
}

bool is_end_of_stream(const error_code& ec) {
  return ec == asio::error::eof || ec == asio::ssl::error::stream_truncated;
}

// EAGAIN: nothing yet (or SO_RCVTIMEO/SO_SNDTIMEO expired); EINTR: a signal. The deadline decides what next.
bool wait_or_retry(int error) { return error == EAGAIN || error == EWOULDBLOCK || error == EINTR; }

error_code last_error() { return error_code(errno, boost::system::system_category()); }

bool is_peer_gone(const error_code& ec) {
  return is_end_of_stream(ec) || ec == asio::error::connection_reset || ec == asio::error::broken_pipe ||
         ec == asio::error::connection_aborted;
}

std::string describe_parse_error(const error_code& ec, const std::string& authority, const ResponseLimits& limits) {
  if (ec == http::error::header_limit) {
    return "response header from " + authority + " exceeds the limit of " + std::to_string(limits.header_limit) +
           " bytes";
  }
  if (ec == http::error::body_limit) {
    return "response body from " + authority + " exceeds the limit of " + std::to_string(limits.body_limit) +
           " bytes";
  }
  return "malformed HTTP response from " + authority + ": " + ec.message();
}

std::atomic<unsigned> fork_generation{0};

void count_fork_in_child() noexcept { fork_generation.fetch_add(1, std::memory_order_relaxed); }

// Counts fork()s in this process's line (the child side of pthread_atfork): no system call per reuse.
unsigned current_fork_generation() noexcept {
  static const bool registered = (::pthread_atfork(nullptr, nullptr, count_fork_in_child), true);
  (void)registered;
  return fork_generation.load(std::memory_order_relaxed);
}

}  // namespace

Connection::Connection(Origin origin)
    : io_(std::make_unique<asio::io_context>(1)),
      origin_(std::move(origin)),
      authority_(origin_.authority()),
      plain_(std::in_place, *io_),
      fork_generation_(current_fork_generation()) {}

Connection::~Connection() { close(); }

tcp::socket& Connection::socket() { return tls_ ? tls_->next_layer() : *plain_; }

void Connection::close() noexcept {
  error_code ignored;
  socket().close(ignored);
}

bool Connection::closed_while_idle() {
  // A request written on a connection the server had already closed may or may not have been read, so it can
  // never be sent again on the transport's own. Hence this check before reuse: a poll() that sees the FIN (or
  // a reset) of a server that closed the idle connection. A connection back from a call a moment ago (back-to-
  // back calls) is taken as alive without it, keeping the warm path at two system calls per call; should the
  // server have closed it within that moment, the call fails (or the retry loop tries again, as its rules allow).
  constexpr auto trust_without_check = std::chrono::milliseconds(5);
  if (Clock::now() - idle_since_ < trust_without_check) return false;
  pollfd descriptor{socket().native_handle(), POLLIN, 0};
  return ::poll(&descriptor, 1, 0) != 0;
}

bool Connection::opened_in_this_process() const noexcept { return fork_generation_ == current_fork_generation(); }

bool Connection::forget_after_fork() noexcept {
  // The socket (and its TLS state) is the parent's too: no TLS close_notify and no shutdown(), which would end it
  // for the parent. Closing our descriptor leaves the parent's open. The io_context's epoll instance is shared
  // with the parent as well: give this one its own first, so that closing deregisters nothing of the parent's.
  try {
    io_->notify_fork(asio::execution_context::fork_child);
    return true;
  } catch (...) {
    return false;
  }
}

std::variant<std::unique_ptr<Connection>, TransportFailure> Connection::open(const Origin& origin,
                                                                             const ConnectSettings& settings,
                                                                             const Deadline& deadline) {
  std::unique_ptr<Connection> connection(new Connection(origin));
  asio::io_context& io = *connection->io_;
  const Origin& dialed = settings.proxy ? settings.proxy->address : origin;
  const std::string what = settings.proxy ? "proxy " + dialed.authority() : dialed.authority();

  const ResolveResult resolved = resolve_before(dialed.host, dialed.port, deadline);
  if (std::holds_alternative<ResolveTimedOut>(resolved)) {
    return failure(TransportErrorKind::timeout, false, describe_timeout(deadline, what));
  }
  if (const auto* error = std::get_if<error_code>(&resolved)) {
    return failure(TransportErrorKind::resolve, false,
                   "cannot resolve " + std::string(settings.proxy ? "proxy host '" : "host '") + dialed.host +
                       "': " + error->message());
  }
  const auto& endpoints = std::get<std::vector<tcp::endpoint>>(resolved);

  error_code ec;
  tcp::socket& socket = *connection->plain_;
  const bool finished = run_until(
      io, deadline,
      [&](auto done) {
        asio::async_connect(socket, endpoints, [&, done](const error_code& e, const tcp::endpoint&) {
          ec = e;
          done();
        });
      },
      [&] { connection->close(); });
  if (!finished) return failure(TransportErrorKind::timeout, false, describe_timeout(deadline, what));
  if (ec) return failure(TransportErrorKind::connect, false, "connect to " + what + " failed: " + ec.message());
  socket.set_option(tcp::no_delay(true), ec);  // small requests must not wait for delayed ACKs
  // Plain exchanges block in recv/sendmsg with SO_RCVTIMEO/SO_SNDTIMEO as the deadline: clear both the user's
  // and asio's internal non-blocking flag (async_connect set the latter). TLS's async operations set it again.
  socket.non_blocking(false, ec);
  if (!ec) socket.native_non_blocking(false, ec);
  if (ec) return failure(TransportErrorKind::connect, false, "cannot set up the socket to " + what + ": " + ec.message());

  if (settings.proxy && origin.tls()) {
    if (auto tunnel_failure = connection->open_tunnel(*settings.proxy, deadline)) return *tunnel_failure;
  }
  if (origin.tls()) {
    if (auto tls_failure = connection->handshake(settings, deadline)) return *tls_failure;
  }
  return connection;
}

std::optional<TransportFailure> Connection::open_tunnel(const ProxySettings& proxy, const Deadline& deadline) {
  const std::string proxy_name = "proxy " + proxy.address.authority();
  const std::string request = connect_request(origin_, proxy);
  bool timed_out = false;
  auto [ec, written] = write_all(asio::buffer(request), deadline, timed_out);
  if (timed_out) return failure(TransportErrorKind::timeout, false, describe_timeout(deadline, proxy_name));
  if (ec) return failure(TransportErrorKind::connect, false, "sending CONNECT to " + proxy_name + " failed: " + ec.message());

  http::response_parser<http::empty_body> parser;
  parser.skip(true);  // a CONNECT reply has no body; the tunnel starts right after the header
  parser.header_limit(static_cast<std::uint32_t>(64 * 1024));
  const ReadOutcome outcome = read_message(parser, deadline.budget, deadline);
  if (outcome.end == ReadEnd::timed_out) {
    return failure(TransportErrorKind::timeout, false, describe_timeout(outcome.deadline, proxy_name));
  }
  if (outcome.end != ReadEnd::complete) {
    return failure(TransportErrorKind::connect, false,
                   "CONNECT through " + proxy_name + " failed: " + outcome.error.message());
  }
  const auto& reply = parser.get();
  if (reply.result_int() / 100 != 2) {
    return failure(TransportErrorKind::connect, false,
                   proxy_name + " refused the tunnel to " + authority_ + ": " +
                       std::to_string(reply.result_int()) + " " + std::string(reply.reason()));
  }
  if (buffer_.size() != 0) {
    return failure(TransportErrorKind::connect, false, proxy_name + " sent data before the TLS handshake");
  }
  return std::nullopt;
}

std::optional<TransportFailure> Connection::handshake(const ConnectSettings& settings, const Deadline& deadline) {
  tls_.emplace(std::move(*plain_), *settings.tls);
  plain_.reset();
  const std::string where = "TLS handshake with " + authority_;
  if (!prepare_tls_session(tls_->native_handle(), origin_.host, settings.verify_peer)) {
    return failure(TransportErrorKind::tls, false, where + " failed: cannot set the expected host name");
  }
  error_code ec;
  const bool finished = run_until(
      *io_, deadline,
      [&](auto done) {
        tls_->async_handshake(asio::ssl::stream_base::client, [&, done](const error_code& e) {
          ec = e;
          done();
        });
      },
      [&] { close(); });
  if (!finished) return failure(TransportErrorKind::timeout, false, describe_timeout(deadline, authority_));
  if (ec) return failure(TransportErrorKind::tls, false, where + " failed: " + describe_tls_failure(tls_->native_handle(), ec));
  return std::nullopt;
}

template <class Buffers>
std::pair<error_code, std::size_t> Connection::write_all(const Buffers& buffers, const Deadline& deadline,
                                                         bool& timed_out) {
  timed_out = false;
  if (!tls_) return send_plain(buffers, deadline, timed_out);
  error_code ec;
  std::size_t written = 0;
  auto start = [&](auto done) {
    auto handler = [&, done](const error_code& e, std::size_t n) {
      ec = e;
      written = n;
      done();
    };
    asio::async_write(*tls_, buffers, handler);
  };
  timed_out = !run_until(*io_, deadline, start, [&] { close(); });
  return {ec, written};
}

template <class Buffers>
std::pair<error_code, std::size_t> Connection::send_plain(const Buffers& buffers, const Deadline& deadline,
                                                          bool& timed_out) {
  // The first sendmsg does not wait (MSG_DONTWAIT): the socket buffer nearly always takes a request whole, so
  // SO_SNDTIMEO is only set when it is full; then each blocking sendmsg may wait for what is left of the deadline
  // (a send that timed out part way returns a count, and the next one must not start a full wait again).
  const int fd = plain_->native_handle();
  bool waiting = false;
  error_code ec;
  std::size_t written = 0;
  boost::beast::buffers_suffix<Buffers> rest(buffers);
  constexpr std::size_t max_pieces = 8;  // requests are head + body; more pieces go in the next sendmsg
  for (;;) {
    std::array<iovec, max_pieces> pieces;  // only the first `count` are filled and read
    std::size_t count = 0;
    for (const asio::const_buffer piece : rest) {
      if (count == max_pieces) break;
      if (piece.size() == 0) continue;
      pieces[count++] = iovec{const_cast<void*>(piece.data()), piece.size()};
    }
    if (count == 0) return {ec, written};
    if (waiting) {
      const std::chrono::microseconds wait = time_left(deadline);
      if (wait.count() <= 0) {
        timed_out = true;
        close();
        return {ec, written};
      }
      if (!send_timeout_.set(fd, wait, ec)) return {ec, written};
    }
    msghdr message{};
    message.msg_iov = pieces.data();
    message.msg_iovlen = count;
    const ssize_t sent = ::sendmsg(fd, &message, waiting ? MSG_NOSIGNAL : MSG_NOSIGNAL | MSG_DONTWAIT);
    if (sent >= 0) {
      written += static_cast<std::size_t>(sent);
      rest.consume(static_cast<std::size_t>(sent));
      continue;
    }
    if (!wait_or_retry(errno)) return {last_error(), written};
    waiting = true;
  }
}

bool Connection::receive_plain(asio::mutable_buffer target, const Deadline& deadline, error_code& ec,
                               std::size_t& received) {
  const int fd = plain_->native_handle();
  // A read deadline is made just before this call: its budget, the same call after call, needs no setsockopt
  // and ends the wait no earlier than the deadline. A total deadline that comes first: what is left of it.
  std::chrono::microseconds wait =
      deadline.kind == TimeoutKind::read ? std::chrono::microseconds(deadline.budget) : time_left(deadline);
  for (;;) {
    if (wait.count() <= 0) {
      close();
      return false;
    }
    if (!receive_timeout_.set(fd, wait, ec)) return true;
    const ssize_t count = ::recv(fd, target.data(), target.size(), 0);
    if (count > 0) {
      received = static_cast<std::size_t>(count);
      return true;
    }
    if (count == 0) {
      ec = asio::error::eof;
      return true;
    }
    if (!wait_or_retry(errno)) {
      ec = last_error();
      return true;
    }
    wait = time_left(deadline);  // SO_RCVTIMEO expired (or a signal came): the deadline decides
  }
}

bool Connection::read_some(asio::mutable_buffer target, const Deadline& deadline, error_code& ec,
                           std::size_t& received) {
  received = 0;
  if (!tls_) return receive_plain(target, deadline, ec, received);
  // TLS records go through asio's SSL engine, which needs its asynchronous operations and the io_context.
  auto start = [&](auto done) {
    tls_->async_read_some(target, [&, done](const error_code& e, std::size_t n) {
      ec = e;
      received = n;
      done();
    });
  };
  return run_until(*io_, deadline, start, [&] { close(); });
}

// Reads one message into `parser`, one socket read at a time, so that read_timeout measures silence (each read
// gets a fresh read_timeout) and `total` bounds the whole. Header and body limits are the parser's.
template <class Parser>
Connection::ReadOutcome Connection::read_message(Parser& parser, std::chrono::milliseconds read_timeout,
                                                 const Deadline& total) {
  ReadOutcome outcome;
  parser.eager(true);
  for (;;) {
    if (buffer_.size() > 0) {
      error_code ec;
      const std::size_t used = parser.put(buffer_.data(), ec);
      buffer_.consume(used);
      if (ec && ec != http::error::need_more) {
        outcome.end = ReadEnd::failed;
        outcome.error = ec;
        return outcome;
      }
      if (parser.is_done()) return outcome;
      if (used > 0 && buffer_.size() > 0) continue;
    }
    const Deadline deadline = Deadline::within(TimeoutKind::read, read_timeout, total);
    error_code ec;
    std::size_t received = 0;
    auto target = buffer_.prepare(read_chunk);
    if (!read_some(target, deadline, ec, received)) {
      outcome.end = ReadEnd::timed_out;
      outcome.deadline = deadline;
      return outcome;
    }
    buffer_.commit(received);
    if (received > 0) continue;
    if (is_end_of_stream(ec)) {
      if (!parser.got_some()) {
        outcome.end = ReadEnd::closed_before_response;
        outcome.error = ec;
        return outcome;
      }
      error_code eof_ec;
      parser.put_eof(eof_ec);  // completes a body delimited by the end of the connection
      if (!eof_ec && parser.is_done()) return outcome;
      outcome.end = ReadEnd::failed;
      outcome.error = eof_ec ? eof_ec : ec;
      return outcome;
    }
    if (ec) {
      outcome.end = is_peer_gone(ec) && !parser.got_some() ? ReadEnd::closed_before_response : ReadEnd::failed;
      outcome.error = ec;
      return outcome;
    }
  }
}

ExchangeOutcome Connection::exchange(const std::string& head, const std::string& body, bool head_request,
                                     const ResponseLimits& limits, const Deadline& total) {
  const std::string& authority = authority_;
  ExchangeOutcome outcome{TransportFailure{}, false, false};

  bool timed_out = false;
  std::pair<error_code, std::size_t> write_result;
  if (tls_ && body.size() <= tls_coalesce_limit) {
    const std::string request = head + body;
    write_result = write_all(asio::buffer(request), total, timed_out);
  } else {
    const std::array<asio::const_buffer, 2> buffers{asio::buffer(head), asio::buffer(body)};
    write_result = write_all(buffers, total, timed_out);
  }
  const auto& [write_error, written] = write_result;
  const BytesWritten sent = bytes_written(written, head.size() + body.size());
  if (timed_out) {
    outcome.result = failure(TransportErrorKind::timeout, sent, describe_timeout(total, authority));
    return outcome;
  }
  if (write_error) {
    // A server may answer before it has read the whole request (413 for a body too large) and close: the
    // answer is already here, and it says more than "connection reset". Read it if it is.
    if (sent != BytesWritten::none && is_peer_gone(write_error) && !timed_out) {
      ExchangeOutcome early = read_response(head_request, limits, total, sent);
      if (std::holds_alternative<HttpResponse>(early.result)) {
        early.reusable = false;
        return early;
      }
    }
    outcome.stale = reused_;
    outcome.result = failure(TransportErrorKind::io, sent,
                             "sending the request to " + authority + " failed: " + write_error.message());
    return outcome;
  }
  return read_response(head_request, limits, total, sent);
}

ExchangeOutcome Connection::read_response(bool head_request, const ResponseLimits& limits, const Deadline& total,
                                          BytesWritten sent) {
  const std::string& authority = authority_;
  ExchangeOutcome outcome{TransportFailure{}, false, false};
  // 1xx interim replies (e.g. 100 Continue) precede the real one; skip them.
  for (;;) {
    ResponseParser parser;
    parser.header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(limits.header_limit, UINT32_MAX)));
    parser.body_limit(limits.body_limit);
    if (head_request) parser.skip(true);
    const ReadOutcome read = read_message(parser, limits.read_timeout, total);
    switch (read.end) {
      case ReadEnd::timed_out:
        outcome.result = failure(TransportErrorKind::timeout, sent, describe_timeout(read.deadline, authority));
        return outcome;
      case ReadEnd::closed_before_response:
        outcome.stale = reused_;
        outcome.result = failure(TransportErrorKind::io, sent,
                                 "connection to " + authority + " closed before a response arrived (" +
                                     read.error.message() + ")");
        return outcome;
      case ReadEnd::failed:
        if (read.error == http::error::partial_message) {
          // The connection ended in the middle of the reply: a broken connection (the request may have been
          // applied), not a malformed reply.
          outcome.result = failure(TransportErrorKind::io, sent,
                                   "connection to " + authority + " closed in the middle of the response");
        } else if (read.error.category() == http::make_error_code(http::error::need_more).category()) {
          outcome.result = failure(TransportErrorKind::protocol, sent, describe_parse_error(read.error, authority, limits));
        } else {
          outcome.result = failure(TransportErrorKind::io, sent,
                                   "reading the response from " + authority + " failed: " + read.error.message());
        }
        return outcome;
      case ReadEnd::complete:
        break;
    }
    const int status = parser.status();
    if (status >= 100 && status < 200 && status != 101) continue;
    outcome.reusable = parser.keep_alive() && !parser.need_eof() && buffer_.size() == 0 && status != 101;
    outcome.result = parser.release();
    return outcome;
  }
}

}  // namespace modelarts::transport
