#include <modelarts/error.hpp>

#include "detail/result.hpp"

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

}  // namespace

ApiError::ApiError(ApiErrorDetails details) : Error(describe(details)), details_(std::move(details)) {}

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
  switch (error.category) {
    case ErrorCategory::api: throw ApiError(error.api);
    case ErrorCategory::transport: throw TransportError(error.transport_kind, error.message);
    case ErrorCategory::invalid_argument: throw InvalidArgumentError(error.message);
    case ErrorCategory::configuration: throw ConfigurationError(error.message);
    case ErrorCategory::wait_timeout: throw WaitTimeoutError(error.message, error.last_status);
  }
  throw Error(error.message);
}

}  // namespace detail
}  // namespace modelarts
