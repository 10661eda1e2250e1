// SPDX-License-Identifier: Apache-2.0
#include <modelarts/error.hpp>

#include <initializer_list>
#include <string_view>

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

bool starts_with(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

bool is_one_of(const std::string& code, std::initializer_list<std::string_view> codes) {
  for (std::string_view c : codes) {
    if (code == c) return true;
  }
  return false;
}

// v1 codes: ModelArts API Reference (old-version training), "Error Codes"; v2 codes: ModelArts API Reference, "Error Codes". v2 answers "not found"
// and "name taken" with 400, and some refusals of the token or account with 400, 404 or 500: the code decides.
ErrorKind kind_of(const ApiErrorDetails& d) {
  const int status = d.http_status;
  const std::string& code = d.error_code;
  if (status == 401 || status == 403) return ErrorKind::auth;
  if (status == 429 || is_one_of(code, {"ModelArts.2799", "ModelArts.0114"})) return ErrorKind::throttled;
  // The token codes 0201-0212, not authorized (0108), frozen account (0109), policy denies (0112), v2
  // InvalidToken (2784), AuthorizationNotFound (2785), TokenProjectIDNotMatch (2786), frozen account (2837),
  // workspace policy denies (2838). The gateway's APIGW.* codes say it with their status (401/403 auth, 429
  // throttled, 413 rejected, 503 service).
  if (starts_with(code, "ModelArts.02") ||
      is_one_of(code, {"ModelArts.0108", "ModelArts.0109", "ModelArts.0112", "ModelArts.2784", "ModelArts.2785",
                       "ModelArts.2786", "ModelArts.2837", "ModelArts.2838"}))
    return ErrorKind::auth;
  // Wrong URL (0015), no such resource (0102), v2 TrainingJobNotFound (2775, a 400), pool not found (2890).
  if (status == 404 || is_one_of(code, {"ModelArts.0015", "ModelArts.0102", "ModelArts.2775", "ModelArts.2890"}))
    return ErrorKind::not_found;
  // Name taken (0103, v2 DuplicateTrainingJobName 2751), not allowed in this status (0105, v2 NotAllowedToTerminate
  // 2796, NotAllowedToRestart 2813, JobStatusChanged 2878).
  if (status == 409 || is_one_of(code, {"ModelArts.0103", "ModelArts.0105", "ModelArts.2751", "ModelArts.2796",
                                        "ModelArts.2813", "ModelArts.2878"}))
    return ErrorKind::conflict;
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
    : Error(describe(details), kind_of(details), attempts,
            detail::is_transient_answer(details.http_status, details.error_code)),
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
