// SPDX-License-Identifier: Apache-2.0
#include "reply.hpp"

#include <utility>

namespace modelarts::testing::detail::service {

int http_status_for(std::string_view error_code) {
  if (error_code == "ModelArts.0010" || error_code == "ModelArts.0109") return 500;
  if (error_code == "ModelArts.0015") return 404;
  if (error_code == "ModelArts.0108") return 403;
  return 400;
}

Failure failure(std::string code, std::string message) {
  const int status = http_status_for(code);
  return Failure{status, std::move(code), std::move(message)};
}
Failure invalid_argument(std::string message) { return failure("ModelArts.0101", std::move(message)); }
Failure not_found(std::string message) { return failure("ModelArts.0102", std::move(message)); }
Failure parameter_error(std::string message) { return failure("ModelArts.0104", std::move(message)); }
Failure forbidden_transition(std::string message) { return failure("ModelArts.0105", std::move(message)); }

namespace {
ServiceResponse json_response(int status, const json::object& body) {
  ServiceResponse response;
  response.status = status;
  response.body = json::serialize(body);
  response.headers.emplace_back("Content-Type", "application/json; charset=UTF-8");
  return response;
}
}  // namespace

ServiceResponse v1_success(json::object body) {
  json::object out;
  out["is_success"] = true;
  for (auto& field : body) out[field.key()] = std::move(field.value());
  return json_response(200, out);
}

ServiceResponse plain_success(const json::object& body) { return json_response(200, body); }

ServiceResponse error_reply(const Failure& failure, ErrorStyle style) {
  json::object body;
  if (style == ErrorStyle::rest) {
    body["is_success"] = false;
    body["error_code"] = failure.code;
    body["error_message"] = failure.message;
  } else {
    body["error_code"] = failure.code;
    body["error_msg"] = failure.message;
  }
  return json_response(failure.http_status, body);
}

ServiceResponse legacy_log_error(const Failure& failure) {
  json::object body;
  body["is_success"] = false;
  body["error_code"] = failure.code;
  body["error_msg"] = failure.message;
  return json_response(failure.http_status, body);
}

std::string printable(std::string_view text) {
  constexpr std::size_t kMax = 64;
  std::string out;
  for (char c : text.substr(0, kMax)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
  if (text.size() > kMax) out += "...";
  return out;
}

}  // namespace modelarts::testing::detail::service
