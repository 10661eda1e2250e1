// SPDX-License-Identifier: Apache-2.0
// JSON reply builders for the two error families of the v1 API: the REST family
// ({"is_success":false,"error_code","error_message"}) and the legacy family ({"error_code","error_msg"},
// used by label jobs and the legacy /log endpoint).
#pragma once

#include <boost/json.hpp>
#include <string>
#include <string_view>

#include "testing/emulator/service_api.hpp"

namespace modelarts::testing::detail::service {

namespace json = boost::json;

/// One refused request: the HTTP status, the ModelArts error code and a message naming the culprit.
struct Failure {
  int http_status = 400;
  std::string code;
  std::string message;
};

/// HTTP status for a ModelArts error code, per the ModelArts API Reference's error-code table (400 when undocumented).
int http_status_for(std::string_view error_code);

/// A failure with the HTTP status its code maps to.
Failure failure(std::string code, std::string message);
Failure invalid_argument(std::string message);      ///< ModelArts.0101
Failure not_found(std::string message);             ///< ModelArts.0102
Failure parameter_error(std::string message);       ///< ModelArts.0104
Failure forbidden_transition(std::string message);  ///< ModelArts.0105

enum class ErrorStyle { rest, legacy };

/// 200 with `body` plus "is_success": true first.
ServiceResponse v1_success(json::object body = {});
/// 200 with `body` as is (label jobs carry no is_success).
ServiceResponse plain_success(const json::object& body);
ServiceResponse error_reply(const Failure& failure, ErrorStyle style = ErrorStyle::rest);
/// Legacy /log errors: is_success false with error_msg.
ServiceResponse legacy_log_error(const Failure& failure);

/// A caller-supplied string made safe to echo in a message: printable ASCII only, at most 64 characters.
std::string printable(std::string_view text);

}  // namespace modelarts::testing::detail::service
