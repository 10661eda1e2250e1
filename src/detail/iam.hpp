// SPDX-License-Identifier: Apache-2.0
// IAM: the password token (POST /v3/auth/tokens) and project discovery (GET /v3/projects?name=<region>),
// both cached in the shared session state.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "detail/result.hpp"
#include "detail/session_state.hpp"

namespace modelarts::detail {

/// The configured project ID, else the token's project (password auth), else the single IAM project named
/// like the region. Looked up once per session state, even with many threads asking at once.
Result<std::string> resolve_project_id(SessionState& state);

/// Password auth: the token to send, fetched or refreshed when needed. `rejected`: a token the service
/// refused (401); it is replaced unless another thread already did.
Result<std::string> current_token(SessionState& state, std::string_view rejected = {});

/// How long before expiry a token is refreshed: one hour, or a tenth of its lifetime if that is less.
std::chrono::system_clock::duration refresh_margin(std::chrono::system_clock::time_point issued_at,
                                                   std::chrono::system_clock::time_point expires_at);


}  // namespace modelarts::detail
