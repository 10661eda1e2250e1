// SPDX-License-Identifier: Apache-2.0
#include <modelarts/error.hpp>

#include "detail/result.hpp"
#include "detail/retry_policy.hpp"

namespace modelarts {
namespace {

std::string describe(const ApiErrorDetails& d) {
  // DELETE /v1/.../visualization-jobs/10 -> 400 ModelArts.0105: This job can't be delete. (request id ...)
  std::string text = d.method + ' ' + d.path + " -> " + std::to_string(d.http_status);
  if (!d.error_code.empty()) text += ' ' + d.error_code;
  if (!d.error_msg.empty()) text += ": " + d.error_msg;
  if (!d.request_id.empty()) text += " (request id " + d.request_id + ')';
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';  // what() is one line
  }
  return text;
}

ErrorKind kind_of(const ApiErrorDetails& d) {
  const int status = d.http_status;
  if (status == 401 || status == 403) return ErrorKind::auth;
  if (status == 404 || d.error_code == "ModelArts.0102") return ErrorKind::not_found;
  if (status == 409 || d.error_code == "ModelArts.0103" || d.error_code == "ModelArts.0105") return ErrorKind::conflict;
  if (status == 429) return ErrorKind::throttled;
  if (status == 408) return ErrorKind::timeout;
  if (status >= 500) return ErrorKind::service;
  return ErrorKind::rejected;
}

ErrorKind kind_of(TransportErrorKind kind) {
  switch (kind) {
    case TransportErrorKind::timeout: return ErrorKind::timeout;
    case TransportErrorKind::invalid_reply: return ErrorKind::invalid_reply;
    default: return ErrorKind::transport;
  }
}

}  // namespace

ApiError::ApiError(ApiErrorDetails details, int attempts)
    : Error(describe(details), kind_of(details), attempts, detail::is_transient_status(details.http_status)),
      details_(std::move(details)) {}

TransportError::TransportError(TransportErrorKind kind, const std::string& what, int attempts)
    : Error(what, kind_of(kind), attempts, detail::is_transient_failure(kind)), transport_kind_(kind) {}

const char* to_string(ErrorKind kind) noexcept {
  switch (kind) {
    case ErrorKind::invalid_argument: return "invalid_argument";
    case ErrorKind::configuration: return "configuration";
    case ErrorKind::auth: return "auth";
    case ErrorKind::not_found: return "not_found";
    case ErrorKind::conflict: return "conflict";
    case ErrorKind::throttled: return "throttled";
    case ErrorKind::rejected: return "rejected";
    case ErrorKind::service: return "service";
    case ErrorKind::transport: return "transport";
    case ErrorKind::timeout: return "timeout";
    case ErrorKind::invalid_reply: return "invalid_reply";
    case ErrorKind::cancelled: return "cancelled";
    case ErrorKind::stalled: return "stalled";
  }
  return "unknown";
}

const char* to_string(TransportErrorKind kind) noexcept {
  switch (kind) {
    case TransportErrorKind::resolve: return "resolve";
    case TransportErrorKind::connect: return "connect";
    case TransportErrorKind::tls: return "tls";
    case TransportErrorKind::timeout: return "timeout";
    case TransportErrorKind::io: return "io";
    case TransportErrorKind::protocol: return "protocol";
    case TransportErrorKind::invalid_reply: return "invalid_reply";
  }
  return "unknown";
}

namespace detail {

void throw_error(const ErrorInfo& error) {
  const int attempts = error.attempts.count();
  switch (error.category) {
    case ErrorCategory::api: throw ApiError(error.api, attempts);
    case ErrorCategory::transport:
      if (error.transport_kind == TransportErrorKind::invalid_reply) throw InvalidReplyError(error.message, attempts);
      throw TransportError(error.transport_kind, error.message, attempts);
    case ErrorCategory::invalid_argument: throw InvalidArgumentError(error.message);
    case ErrorCategory::configuration: throw ConfigurationError(error.message, attempts);
    case ErrorCategory::wait_timeout: throw WaitTimeoutError(error.message, error.last_status, attempts);
  }
  throw Error(error.message, ErrorKind::service, attempts);
}

}  // namespace detail
}  // namespace modelarts
