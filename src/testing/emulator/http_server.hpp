// SPDX-License-Identifier: Apache-2.0
// The emulator's HTTP/1.1 server: Boost.Beast, asynchronous, keep-alive, plain TCP or TLS, N threads on one
// io_context. It enforces header and body limits and answers malformed HTTP with 400 before closing; every
// well-formed request goes to the handler, whose Reply says what to send and how (delayed, cut off).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "testing/emulator/http_types.hpp"

namespace modelarts::testing::detail {

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;                   ///< 0 picks a free port
  int threads = 2;
  std::string certificate_pem;              ///< with private_key_pem: serve HTTPS
  std::string private_key_pem;
  std::size_t header_limit = 64 * 1024;     ///< IAM tokens make ~9 KB request headers
  std::size_t body_limit = 1024 * 1024;
  /// When set, the body limit of a request whose target is given (read after its header): OBS uploads are
  /// far larger than API calls.
  std::function<std::uint64_t(std::string_view target)> body_limit_for;
  std::chrono::seconds idle_timeout{60};    ///< a keep-alive connection silent this long is closed
};

/// Called concurrently from the server's threads.
using RequestHandler = std::function<Reply(HttpRequestMessage&)>;

class HttpServer {
 public:
  /// Binds and starts serving; throws std::runtime_error when it cannot bind or load the certificate.
  HttpServer(HttpServerOptions options, RequestHandler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  std::uint16_t port() const;
  std::uint64_t connections_accepted() const;
  std::uint64_t requests() const;
  /// Stops accepting, stops the threads and closes every connection; idempotent.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace modelarts::testing::detail
