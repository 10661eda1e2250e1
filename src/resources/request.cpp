// SPDX-License-Identifier: Apache-2.0
#include "resources/request.hpp"

#include <modelarts/signer.hpp>

#include "codecs/json_fields.hpp"

namespace modelarts::detail {

ApiCall v1_call_in(const std::string& project_id, std::string method, std::vector<std::string> tail) {
  ApiCall call;
  call.method = std::move(method);
  call.segments.reserve(tail.size() + 2);
  call.segments.emplace_back("v1");
  call.segments.push_back(project_id);
  for (std::string& segment : tail) call.segments.push_back(std::move(segment));
  return call;
}

ApiCall v1_call(const Session& session, std::string method, std::vector<std::string> tail) {
  return v1_call_in(session.project_id(), std::move(method), std::move(tail));
}

std::string describe(const ApiCall& call) {
  std::string text = call.method + ' ';
  for (const std::string& segment : call.segments) text += '/' + percent_encode(segment);
  return text;
}

void call_for_status(const Session& session, const ApiCall& call) { detail::call(session, call); }

namespace {

bool is_not_found(const ErrorInfo& error) noexcept {
  return error.category == ErrorCategory::api &&
         (error.api.error_code == "ModelArts.0102" || error.api.http_status == 404);
}

}  // namespace

Result<ApiResponse> delete_with_retry_rule(const Session& session, const ApiCall& call) noexcept {
  Result<ApiResponse> result = try_call(session, call);
  if (!result.ok() && is_not_found(result.error()) && result.error().attempts.earlier_may_have_applied()) {
    ApiResponse gone;
    gone.status = result.error().api.http_status;
    gone.attempts = result.error().attempts;
    return gone;
  }
  return result;
}

void call_state_action(const Session& session, ApiCall call) {
  call.resendable = true;
  Result<ApiResponse> result = try_call(session, call);
  if (result.ok()) return;
  const ErrorInfo& error = result.error();
  if (error.category == ErrorCategory::api && error.api.error_code == "ModelArts.0105" &&
      error.attempts.earlier_may_have_applied()) {
    return;
  }
  throw_error(error);
}

const boost::json::object* body_object(const boost::json::value& body, const std::string& context,
                                       std::optional<ErrorInfo>& error) {
  if (body.is_object()) return &body.get_object();
  error = invalid_reply(context, body.is_null() ? "empty body" : "body is not a JSON object");
  return nullptr;
}

}  // namespace modelarts::detail
