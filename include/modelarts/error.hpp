// SPDX-License-Identifier: Apache-2.0
// The exceptions the SDK throws. Every failure reaches the caller as one of these, thrown from one place
// (detail::throw_error); what() is one line and never contains a secret.
#pragma once

#include <stdexcept>
#include <string>

namespace modelarts {

/// What kind of failure an Error is, whatever its class: one switch for callers (Error::kind()).
enum class ErrorKind {
  invalid_argument,  ///< refused before anything was sent (InvalidArgumentError)
  configuration,     ///< credentials, region, project or endpoint missing or unusable (ConfigurationError)
  auth,              ///< HTTP 401 or 403: the signature, token or permissions were refused
  not_found,         ///< HTTP 404 or ModelArts.0102: no such resource
  conflict,          ///< HTTP 409, a name already taken (ModelArts.0103) or an action the resource's status
                     ///< does not allow (ModelArts.0105)
  throttled,         ///< HTTP 429: the gateway's rate limit; the request did not take effect
  rejected,          ///< another 4xx: the service refused the request as sent
  service,           ///< HTTP 5xx: the service (or its gateway) failed
  transport,         ///< DNS, connect, TLS, a broken connection, malformed HTTP (TransportError)
  timeout,           ///< a connect/read/total timeout, RetryOptions::max_total, HTTP 408, or wait()'s deadline
  invalid_reply,     ///< the service answered success with a body that is not what the API documents
  cancelled,         ///< the caller stopped a wait (v2::WaitCancelledError)
  stalled,           ///< a job made no progress for the configured time (v2::JobStalledError)
};

const char* to_string(ErrorKind kind) noexcept;

/// Base of every exception the SDK throws.
class Error : public std::runtime_error {
 public:
  /// `attempts`: requests sent for the call (0: none); `retryable`: whether the same call may succeed later.
  Error(const std::string& what, ErrorKind kind, int attempts = 0, bool retryable = false)
      : std::runtime_error(what), kind_(kind), attempts_(attempts), retryable_(retryable) {}
  ErrorKind kind() const noexcept { return kind_; }
  /// True when the failure is transient (throttling, a 408/500/502/503/504, a network failure or timeout), so
  /// making the same call again later may succeed. The SDK's own retries were already spent (see attempts()).
  bool retryable() const noexcept { return retryable_; }
  /// How many requests the SDK sent for this call, retries included; 0 when nothing was sent.
  int attempts() const noexcept { return attempts_; }

 private:
  ErrorKind kind_;
  int attempts_;
  bool retryable_;
};

/// The caller passed something the SDK refuses before any request is sent (empty or path-tricking ID,
/// out-of-range option, missing setting). Nothing was sent.
class InvalidArgumentError : public Error {
 public:
  explicit InvalidArgumentError(const std::string& what) : Error(what, ErrorKind::invalid_argument) {}
};

/// Credentials, region, project or endpoint could not be worked out; the message names every missing setting.
class ConfigurationError : public Error {
 public:
  explicit ConfigurationError(const std::string& what, int attempts = 0)
      : Error(what, ErrorKind::configuration, attempts) {}
};

/// What the service said when it refused a request.
struct ApiErrorDetails {
  int http_status = 0;        ///< HTTP status of the final attempt
  std::string error_code;     ///< e.g. "ModelArts.0105" or "APIGW.0301"; the HTTP status as text if the body had none
  std::string error_msg;      ///< from `error_msg`, `error_message`, `message`, or the raw body if not JSON
  std::string error_solution; ///< v2 bodies' `error_solution` (a hint what to do); often empty
  std::string request_id;     ///< from the body's `request_id` or the X-Request-Id header
  std::string method;         ///< e.g. "DELETE"
  std::string path;           ///< the request path, without query string
  std::string raw_body;       ///< the response body as received (truncated to 64 KiB)
};

/// The service answered with a failure: an HTTP error status, or a v1 body with "is_success": false.
/// kind() follows from the status and error code (see ErrorKind).
class ApiError : public Error {
 public:
  explicit ApiError(ApiErrorDetails details, int attempts = 1);
  int http_status() const noexcept { return details_.http_status; }
  const std::string& error_code() const noexcept { return details_.error_code; }
  const std::string& error_msg() const noexcept { return details_.error_msg; }
  const std::string& error_solution() const noexcept { return details_.error_solution; }
  const std::string& request_id() const noexcept { return details_.request_id; }
  const std::string& raw_body() const noexcept { return details_.raw_body; }
  const ApiErrorDetails& details() const noexcept { return details_; }

 private:
  ApiErrorDetails details_;
};

/// What went wrong below HTTP.
enum class TransportErrorKind {
  resolve,         ///< DNS lookup failed
  connect,         ///< TCP connect refused or unreachable (or the proxy refused the tunnel)
  tls,             ///< TLS handshake or certificate verification failed
  timeout,         ///< connect, read or total timeout fired
  io,              ///< the connection broke while sending or receiving
  protocol,        ///< the reply was not valid HTTP, or exceeded a header/body limit
  invalid_reply,   ///< the reply was HTTP but its body could not be decoded as the documented JSON
};

const char* to_string(TransportErrorKind kind) noexcept;

/// DNS, connect, TLS, timeout or a malformed reply, after the retry policy gave up. kind() is
/// ErrorKind::timeout for timeouts, ErrorKind::invalid_reply for InvalidReplyError, else ErrorKind::transport.
class TransportError : public Error {
 public:
  TransportError(TransportErrorKind kind, const std::string& what, int attempts = 1);
  TransportErrorKind transport_kind() const noexcept { return transport_kind_; }

 private:
  TransportErrorKind transport_kind_;
};

/// The service answered success, but the body is not the documented JSON (not JSON, wrong shape or types).
/// A TransportError for compatibility; kind() is ErrorKind::invalid_reply and it is not retryable.
class InvalidReplyError : public TransportError {
 public:
  explicit InvalidReplyError(const std::string& what, int attempts = 1)
      : TransportError(TransportErrorKind::invalid_reply, what, attempts) {}
};

/// wait() reached its deadline before the job reached a terminal status. kind() is ErrorKind::timeout;
/// retryable(): waiting longer may see the end.
class WaitTimeoutError : public Error {
 public:
  WaitTimeoutError(const std::string& what, int last_status, int attempts = 0)
      : Error(what, ErrorKind::timeout, attempts, true), last_status_(last_status) {}
  int last_status() const noexcept { return last_status_; }

 private:
  int last_status_;
};

}  // namespace modelarts
