// SPDX-License-Identifier: Apache-2.0
// make_default_transport: the Boost.Beast HttpTransport. Takes a pooled connection (or opens one), sends the
// request, and returns the connection to the pool when the server keeps it alive. A request is sent again on a
// fresh connection only when not one byte of it was written (a pooled connection the server had closed failed
// the write): once written, the server may have applied it, and only the caller's attempt record may decide.
#include <modelarts/http.hpp>

#include <variant>

#include "detail/result.hpp"
#include "transport/connection.hpp"
#include "transport/connection_pool.hpp"
#include "transport/deadline.hpp"
#include "transport/proxy.hpp"
#include "transport/request_writer.hpp"
#include "transport/tls_context.hpp"

namespace modelarts {
namespace {

using namespace transport;

// A timeout of zero means "none"; this stands in for "never" without overflowing clock arithmetic.
constexpr std::chrono::milliseconds no_limit = std::chrono::hours(24 * 365);

std::chrono::milliseconds or_no_limit(std::chrono::milliseconds timeout) {
  return timeout.count() > 0 ? timeout : no_limit;
}

class BeastTransport final : public HttpTransport {
 public:
  BeastTransport(const TransportOptions& options, std::optional<ProxySettings> proxy,
                 std::shared_ptr<boost::asio::ssl::context> tls)
      : options_(options), proxy_(std::move(proxy)), tls_(std::move(tls)), pool_(options.max_idle_connections_per_host) {
    limits_.header_limit = options.header_limit;
    limits_.body_limit = options.body_limit;
    limits_.read_timeout = or_no_limit(options.read_timeout);
  }

  TransportResult send(const HttpRequest& request) override {
    if (auto invalid = validate_request(request)) {
      return TransportFailure{TransportErrorKind::protocol, BytesWritten::none, "request not sent: " + *invalid};
    }
    Deadline total{Clock::now() + or_no_limit(options_.total_timeout), TimeoutKind::total,
                   or_no_limit(options_.total_timeout)};
    if (request.time_budget.count() > 0 && request.time_budget < total.budget) {
      total = Deadline{Clock::now() + request.time_budget, TimeoutKind::budget, request.time_budget};
    }
    const Origin origin{request.scheme, request.host, request.port ? request.port : default_port(request.scheme)};
    RequestForm form;
    if (proxy_ && !origin.tls()) {
      form.absolute_target = true;
      form.proxy_authorization = proxy_->authorization;
    }
    const std::string head = serialize_request_head(request, origin, form);

    std::unique_ptr<Connection> connection = pool_.take(origin);
    for (;;) {
      if (!connection) {
        auto opened = Connection::open(origin, connect_settings(),
                                       Deadline::within(TimeoutKind::connect, or_no_limit(options_.connect_timeout), total));
        if (auto* failed = std::get_if<TransportFailure>(&opened)) return std::move(*failed);
        connection = std::move(std::get<std::unique_ptr<Connection>>(opened));
      }
      ExchangeOutcome outcome = connection->exchange(head, request.body, request.method == "HEAD", limits_, total);
      if (outcome.stale && std::get<TransportFailure>(outcome.result).written == BytesWritten::none &&
          Clock::now() < total.at) {
        connection.reset();  // the server had closed this idle connection before we wrote: a fresh one
        continue;
      }
      if (outcome.reusable) pool_.give_back(origin, std::move(connection));
      return std::move(outcome.result);
    }
  }

 private:
  static std::uint16_t default_port(const std::string& scheme) { return scheme == "https" ? 443 : 80; }

  ConnectSettings connect_settings() const {
    return ConnectSettings{proxy_ ? &*proxy_ : nullptr, tls_.get(), !options_.insecure_skip_tls_verify};
  }

  const TransportOptions options_;
  const std::optional<ProxySettings> proxy_;
  const std::shared_ptr<boost::asio::ssl::context> tls_;
  ResponseLimits limits_;
  ConnectionPool pool_;
};

[[noreturn]] void configuration_error(const std::string& message) {
  detail::ErrorInfo error;
  error.category = detail::ErrorCategory::configuration;
  error.message = message;
  detail::throw_error(error);
}

}  // namespace

std::shared_ptr<HttpTransport> make_default_transport(const TransportOptions& options) {
  std::optional<ProxySettings> proxy;
  if (!options.proxy.empty()) {
    auto parsed = parse_proxy_url(options.proxy);
    if (auto* message = std::get_if<std::string>(&parsed)) configuration_error("TransportOptions::proxy: " + *message);
    proxy = std::get<ProxySettings>(std::move(parsed));
  }
  auto tls = make_tls_context(options);
  if (auto* message = std::get_if<std::string>(&tls)) configuration_error("TransportOptions::ca_file: " + *message);
  return std::make_shared<BeastTransport>(options, std::move(proxy),
                                          std::get<std::shared_ptr<boost::asio::ssl::context>>(std::move(tls)));
}

}  // namespace modelarts
