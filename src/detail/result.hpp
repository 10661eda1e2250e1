// SPDX-License-Identifier: Apache-2.0
// Result<T>: the library's internal success-or-error type. Exceptions are thrown only at the public surface,
// from throw_error(), so control flow inside the library never depends on them.
#pragma once

#include <string>
#include <utility>
#include <variant>

#include <modelarts/error.hpp>

#include "detail/attempt_log.hpp"

namespace modelarts::detail {

enum class ErrorCategory { api, transport, invalid_argument, configuration, wait_timeout };

struct ErrorInfo {
  ErrorCategory category = ErrorCategory::transport;
  std::string message;              ///< one line, no secrets (for api errors: built from `api`)
  ApiErrorDetails api;              ///< category == api
  TransportErrorKind transport_kind = TransportErrorKind::io;  ///< category == transport (invalid_reply too)
  AttemptLog attempts;              ///< the call's attempt record; empty when nothing was sent
  int last_status = 0;              ///< wait_timeout: the last job status seen
};

/// Throws the public exception that matches `error`. The only place the library throws its errors.
[[noreturn]] void throw_error(const ErrorInfo& error);

template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}            // NOLINT(google-explicit-constructor)
  Result(ErrorInfo error) : v_(std::move(error)) {}    // NOLINT(google-explicit-constructor)
  bool ok() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }
  T& value() & { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const T& value() const& { return std::get<0>(v_); }
  const ErrorInfo& error() const { return std::get<1>(v_); }
  /// The value, or the matching public exception.
  T value_or_throw() && {
    if (!ok()) throw_error(error());
    return std::get<0>(std::move(v_));
  }

 private:
  std::variant<T, ErrorInfo> v_;
};

}  // namespace modelarts::detail
