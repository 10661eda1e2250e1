// The retry rules of design section 3, as pure functions so they are tested without a transport.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include <modelarts/session.hpp>

namespace modelarts::detail {

/// 408, 429, 500, 502, 503, 504.
bool is_retryable_status(int status) noexcept;

/// Whether a failed exchange may be sent again: idempotent methods always; others (POST) only when no
/// byte of the request was written. (Status-based retries apply to idempotent methods, and to any method on 429.)
bool may_resend_after_transport_failure(bool idempotent, bool request_written) noexcept;

/// Delay before the next attempt after `attempts_made` attempts (1-based): initial * 2^(n-1), capped at
/// max_backoff, times `jitter`.
std::chrono::milliseconds backoff_delay(const RetryOptions& retry, int attempts_made, double jitter) noexcept;

/// A jitter factor drawn uniformly from [0.8, 1.2].
double random_jitter();

/// Retry-After as seconds ("120") or an HTTP-date ("Sun, 06 Nov 1994 08:49:37 GMT", relative to `now`);
/// nothing when absent or unreadable. A date in the past gives zero.
std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                           std::chrono::system_clock::time_point now);

}  // namespace modelarts::detail
