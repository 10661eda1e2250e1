// The exceptions the SDK throws. Every failure reaches the caller as one of these, thrown from one place
// (detail::throw_error); what() is one line and never contains a secret.
#pragma once

#include <stdexcept>
#include <string>

namespace modelarts {

/// Base of every exception the SDK throws.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The caller passed something the SDK refuses before any request is sent (empty or path-tricking ID,
/// out-of-range option, missing setting). Nothing was sent.
class InvalidArgumentError : public Error {
 public:
  using Error::Error;
};

/// Credentials, region, project or endpoint could not be worked out; the message names every missing setting.
class ConfigurationError : public Error {
 public:
  using Error::Error;
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
class ApiError : public Error {
 public:
  explicit ApiError(ApiErrorDetails details);
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

/// DNS, connect, TLS, timeout or a malformed reply, after the retry policy gave up.
class TransportError : public Error {
 public:
  TransportError(TransportErrorKind kind, const std::string& what) : Error(what), kind_(kind) {}
  TransportErrorKind kind() const noexcept { return kind_; }

 private:
  TransportErrorKind kind_;
};

/// wait() reached its deadline before the job reached a terminal status.
class WaitTimeoutError : public Error {
 public:
  WaitTimeoutError(const std::string& what, int last_status) : Error(what), last_status_(last_status) {}
  int last_status() const noexcept { return last_status_; }

 private:
  int last_status_;
};

}  // namespace modelarts
