// SPDX-License-Identifier: Apache-2.0
// How the v2 classes describe a call on /v2/{project_id}/... and the v2 error rules (ModelArts API Reference, "Error
// Codes"): not found is 400 ModelArts.2775, keyed on the error code.
#pragma once

#include <string>
#include <vector>

#include <modelarts/session.hpp>

#include "detail/api_call.hpp"
#include "detail/result.hpp"

namespace modelarts::v2::detail {

using modelarts::detail::ApiCall;
using modelarts::detail::ApiResponse;
using modelarts::detail::ErrorInfo;
using modelarts::detail::Result;

inline constexpr const char* kNotFound = "ModelArts.2775";          ///< TrainingJobNotFound (HTTP 400)
inline constexpr const char* kNotAllowedToTerminate = "ModelArts.2796";  ///< HTTP 409
inline constexpr const char* kDuplicateName = "ModelArts.2751";     ///< DuplicateTrainingJobName (HTTP 400)

/// A call on /v2/{project_id}/<tail...> with the session's project; only the HTTP status decides failure.
ApiCall v2_call(const Session& session, std::string method, std::vector<std::string> tail);

/// The service answered with this ModelArts error code.
bool has_code(const ErrorInfo& error, const char* code) noexcept;

}  // namespace modelarts::v2::detail
