// SPDX-License-Identifier: Apache-2.0
// RetryOptions: how often and how long one call may try again.
#pragma once

#include <chrono>

#include <modelarts/options.hpp>

namespace modelarts {

/// Retry of transient failures (docs/architecture.md, "One request's way"): GET/PUT/DELETE on connect
/// failures, 408, 429, 500, 502, 503, 504; a POST only when it cannot have been applied (never written, or
/// answered 408, 429 or 503) or when its call has a recovery rule. Backoff is exponential with jitter, and a
/// Retry-After answer is honoured.
class RetryOptions {
  MODELARTS_OPTION(int, max_attempts){4};                                       ///< 1 disables retry
  MODELARTS_OPTION(std::chrono::milliseconds, initial_backoff){std::chrono::milliseconds(100)};
  MODELARTS_OPTION(std::chrono::milliseconds, max_backoff){std::chrono::seconds(20)};
  MODELARTS_OPTION(std::chrono::milliseconds, max_total){std::chrono::minutes(3)};  ///< all attempts of one call
};

}  // namespace modelarts
