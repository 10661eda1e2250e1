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

bool is_transient(const ErrorInfo& error) noexcept {
  using modelarts::detail::ErrorCategory;
  if (error.category == ErrorCategory::transport) {
    return error.transport_kind != TransportErrorKind::tls && error.transport_kind != TransportErrorKind::invalid_reply;
  }
  if (error.category != ErrorCategory::api) return false;
  const int status = error.api.http_status;
  return status == 429 || status >= 500 || error.api.error_code == "ModelArts.2799";
}

}  // namespace modelarts::v2::detail
