// SPDX-License-Identifier: Apache-2.0
// Helpers every resource class uses to describe a v1 call, run it through the pipeline and decode the
// reply, plus the recovery rules for deletes and creates (docs/architecture.md).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

#include <modelarts/list_options.hpp>
#include <modelarts/session.hpp>

#include "detail/api_call.hpp"
#include "detail/result.hpp"

namespace modelarts::detail {

/// A call on /v1/{project_id}/<tail...> with the session's project.
ApiCall v1_call(const Session& session, std::string method, std::vector<std::string> tail);
/// The same under an explicit project (the legacy LabelApi takes it as an argument).
ApiCall v1_call_in(const std::string& project_id, std::string method, std::vector<std::string> tail);

/// "GET /v1/<pid>/training-jobs" (segments percent-encoded), for error messages; a reply carries the same
/// text as ApiResponse::context.
std::string describe(const ApiCall& call);

/// Runs the call and decodes its body with `decode(json, context) -> Result<T>`; throws on failure.
template <class Decode>
auto call_and_decode(const Session& session, const ApiCall& call, Decode&& decode) {
  ApiResponse response = detail::call(session, call);
  auto decoded = decode(response.json, response.context);
  if (!decoded.ok()) {
    ErrorInfo error = decoded.error();
    if (error.attempts.empty()) error.attempts = std::move(response.attempts);  // Error::attempts() counts them
    throw_error(error);
  }
  return std::move(decoded).value();
}

/// Runs a call whose reply carries nothing but success (v1 status calls).
void call_for_status(const Session& session, const ApiCall& call);

/// The answer to a delete: success, or a "not found" (ModelArts.0102 or HTTP 404) when an earlier attempt of this
/// call may have taken effect (written, answer lost: AttemptLog::earlier_may_have_applied), which means that
/// attempt deleted it. Returns the response on plain success.
Result<ApiResponse> delete_with_retry_rule(const Session& session, const ApiCall& call) noexcept;

/// Runs a stop or restart. It may be resent after it was written: refused with ModelArts.0105 (not allowed in the
/// job's status) after an earlier attempt that may have taken effect, that attempt already moved the job.
void call_state_action(const Session& session, ApiCall call);

/// The service answered but the body is not the JSON object a v1 reply is.
const boost::json::object* body_object(const boost::json::value& body, const std::string& context,
                                       std::optional<ErrorInfo>& error);

}  // namespace modelarts::detail
