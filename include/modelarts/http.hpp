// SPDX-License-Identifier: Apache-2.0
// The HTTP seam: the types a transport sees and the interface it implements. The SDK's own transport is
// Boost.Beast (make_default_transport); tests and users may plug in their own.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <modelarts/error.hpp>

namespace modelarts {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

/// Case-insensitive header lookup; returns an empty view when absent.
std::string_view find_header(const HttpHeaders& headers, std::string_view name) noexcept;

struct HttpRequest {
  std::string method;   ///< "GET", "POST", ...
  std::string scheme;   ///< "http" or "https"
  std::string host;     ///< host name or address, without port
  std::uint16_t port = 0;
  std::string target;   ///< encoded path and query, exactly as sent on the request line
  HttpHeaders headers;  ///< complete header set including Host (transport adds Content-Length only)
  std::string body;
  /// At most this long for this exchange, connect to last byte, on top of the transport's own timeouts: the SDK
  /// passes what is left of RetryOptions::max_total. Zero: only the transport's timeouts.
  std::chrono::milliseconds time_budget{0};
};

struct HttpResponse {
  int status = 0;
  HttpHeaders headers;
  std::string body;
  std::string_view header(std::string_view name) const noexcept { return find_header(headers, name); }
};

/// How much of a request left this side before an exchange failed.
enum class BytesWritten {
  none,     ///< nothing: the server cannot have seen the request, so any method may be sent again
  partial,  ///< some bytes: the server may have seen (and with a body-less method, acted on) the request
  all,      ///< the whole request: the server may have applied it
};

/// A failed exchange. `written` tells how much of the request may have reached the server: the SDK resends a
/// POST only when it is `none` (or when the call has a recovery rule; see the README's "Errors"). A transport
/// never resends a request it wrote on its own.
struct TransportFailure {
  TransportErrorKind kind = TransportErrorKind::io;
  BytesWritten written = BytesWritten::none;
  std::string message;  ///< one line, no secrets, valid UTF-8
  bool request_written() const noexcept { return written != BytesWritten::none; }
};

using TransportResult = std::variant<HttpResponse, TransportFailure>;

class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  /// Sends one request and reads its response. Never throws for network failures.
  virtual TransportResult send(const HttpRequest& request) = 0;
};

/// Settings of the default (Boost.Beast) transport.
struct TransportOptions {
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(10)};
  std::chrono::milliseconds read_timeout{std::chrono::seconds(60)};     ///< longest silence while reading a reply
  std::chrono::milliseconds total_timeout{std::chrono::seconds(120)};   ///< one attempt, connect to last byte
  std::string ca_file;                    ///< PEM bundle to trust instead of the system roots
  /// Turns off certificate and host-name verification. Only for throwaway test endpoints; logs a warning.
  bool insecure_skip_tls_verify = false;
  std::string proxy;                      ///< "http://[user:password@]host:port" for every endpoint; empty: none
  // Read by a Session (SessionOptions::from_environment fills them from HTTPS_PROXY, HTTP_PROXY, NO_PROXY) to
  // choose per endpoint; the transport itself uses only `proxy`.
  std::string https_proxy;                ///< for https endpoints when `proxy` is empty
  std::string http_proxy;                 ///< for http endpoints when `proxy` is empty
  /// Hosts reached directly even with a proxy: "*", names ("example.com" also covers its subdomains, with or
  /// without a leading '.'), addresses and CIDR ranges ("10.0.0.0/8"), each optionally with ":port"; comma-separated.
  std::string no_proxy;
  std::size_t header_limit = 64 * 1024;   ///< IAM tokens make ~9 KB headers
  std::size_t body_limit = 64 * 1024 * 1024;
  std::size_t max_idle_connections_per_host = 16;
};

/// The Boost.Beast transport: keep-alive pool per host, TLS with verification, proxy, timeouts.
std::shared_ptr<HttpTransport> make_default_transport(const TransportOptions& options);

}  // namespace modelarts
