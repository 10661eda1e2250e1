// SPDX-License-Identifier: Apache-2.0
#include "v2/request.hpp"

namespace modelarts::v2::detail {

ApiCall v2_call(const Session& session, std::string method, std::vector<std::string> tail) {
  ApiCall call;
  call.method = std::move(method);
  call.envelope = modelarts::detail::Envelope::plain;
  call.segments.reserve(tail.size() + 2);
  call.segments.emplace_back("v2");
  call.segments.push_back(session.project_id());
  for (std::string& segment : tail) call.segments.push_back(std::move(segment));
  return call;
}

bool has_code(const ErrorInfo& error, const char* code) noexcept {
  return error.category == modelarts::detail::ErrorCategory::api && error.api.error_code == code;
}

}  // namespace modelarts::v2::detail
