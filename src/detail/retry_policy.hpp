// SPDX-License-Identifier: Apache-2.0
// The retry rules of docs/architecture.md, as pure functions so they are tested without a transport. One rule of
// what is transient, shared by the retry loop, wait() and Error::retryable().
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include <modelarts/session.hpp>

#include "detail/attempt_log.hpp"

namespace modelarts::detail {

struct ErrorInfo;

/// A later attempt may succeed: 408, 429, 500, 502, 503, 504.
bool is_transient_status(int status) noexcept;

/// A later attempt may succeed: resolve, connect, io and timeout failures. Not TLS (a certificate that failed
/// verification fails again; the message says why), not protocol (a malformed or oversized reply), not an
/// invalid reply.
bool is_transient_failure(TransportErrorKind kind) noexcept;

/// is_transient_status / is_transient_failure for a call's error; invalid argument, configuration and wait
/// timeouts are not.
bool is_transient(const ErrorInfo& error) noexcept;

/// Whether the call may make another attempt after `attempt` (transient, and safe to resend): idempotent
/// requests (GET, PUT, DELETE, and POSTs whose caller has a recovery rule) always; other POSTs only when the
/// attempt cannot have taken effect: nothing was written, or the answer was 408, 429 or 503 (the request was
/// refused before the service acted on it).
bool may_retry(const Attempt& attempt, bool idempotent) noexcept;

/// Delay before the next attempt after `attempts_made` attempts (1-based): initial * 2^(n-1), capped at
/// max_backoff, times `jitter`.
std::chrono::milliseconds backoff_delay(const RetryOptions& retry, int attempts_made, double jitter) noexcept;

/// A jitter factor drawn uniformly from [0.8, 1.2].
double random_jitter();

/// Retry-After (RFC 9110 10.2.3) as delta-seconds ("120") or an HTTP-date in any of its three forms
/// (IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT", asctime
/// "Sun Nov  6 08:49:37 1994"), relative to `now`; nothing when absent or unreadable. A past date gives zero.
std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                           std::chrono::system_clock::time_point now);

}  // namespace modelarts::detail
