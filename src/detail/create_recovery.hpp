// SPDX-License-Identifier: Apache-2.0
// create_with_recovery: the one rule every create (v1 and v2) follows when a resent create meets "name already
// exists". The name is looked up only when an earlier attempt of this same call may have taken effect (it was
// written and its answer lost: see AttemptLog), and what is found is returned only if it is what this call asked
// for, created no earlier than the call's first attempt. Otherwise the "name exists" answer is the truth: a 429
// or 503 on the first attempt never reached the service, so the name was someone else's all along.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include <modelarts/session.hpp>

#include "detail/api_call.hpp"
#include "detail/result.hpp"

namespace modelarts::detail {

/// How far the service's clock may run behind the session clock when "created after our first attempt left" is
/// judged from the service's create_time.
inline constexpr std::chrono::seconds kCreateClockSkew{5};

/// "The name is already taken": ModelArts.0103 (v1).
inline bool is_name_taken(const ErrorInfo& error) noexcept {
  return error.category == ErrorCategory::api && error.api.error_code == "ModelArts.0103";
}

/// Whether a service timestamp in ms since the epoch is at or after `not_before`.
inline bool created_at_or_after(std::int64_t create_time_ms, std::chrono::system_clock::time_point not_before) {
  return std::chrono::milliseconds(create_time_ms) >=
         std::chrono::duration_cast<std::chrono::milliseconds>(not_before.time_since_epoch());
}

template <class T>
struct CreateRecovery {
  /// The resource that now holds the name, or nullopt when there is none.
  std::function<Result<std::optional<T>>()> find_by_name;
  /// Whether `found` is what this call asked for (the fields it sent) and was created at or after `not_before`
  /// (the first attempt's start less kCreateClockSkew). Anything else belongs to someone else.
  std::function<bool(const T& found, std::chrono::system_clock::time_point not_before)> matches;
  /// The "name already exists" answer of this API.
  std::function<bool(const ErrorInfo&)> name_taken = is_name_taken;
};

/// Runs the create `call` (it may be resent after a lost answer: the recovery below makes that safe) and decodes
/// a success with `decode`. A "name taken" answer becomes the resource found by name only under the rule above.
template <class T>
Result<T> create_with_recovery(const Session& session, ApiCall call,
                               const std::function<Result<T>(const ApiResponse&)>& decode,
                               const CreateRecovery<T>& recovery) {
  call.resendable = true;
  Result<ApiResponse> result = try_call(session, call);
  ErrorInfo error;
  if (result.ok()) {
    // Legacy label replies may carry an error code on HTTP 2xx: decoding finds it.
    Result<T> decoded = decode(result.value());
    if (decoded.ok() || !recovery.name_taken(decoded.error())) return decoded;
    error = decoded.error();
    error.attempts = std::move(result.value().attempts);
  } else {
    error = result.error();
  }
  if (!recovery.name_taken(error) || !error.attempts.earlier_may_have_applied()) return error;
  Result<std::optional<T>> found = recovery.find_by_name();
  if (!found) return found.error();
  if (found.value() && recovery.matches(*found.value(), error.attempts.first_sent() - kCreateClockSkew)) {
    return std::move(*found.value());
  }
  return error;
}

}  // namespace modelarts::detail
