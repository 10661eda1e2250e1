// SPDX-License-Identifier: Apache-2.0
// Builders for the emulator's JSON replies in the three error families a client of ModelArts meets:
// the v1 service envelope, the API gateway's, and IAM's (Keystone's). Every reply carries X-Request-Id and
// Content-Type application/json;charset=UTF-8.
#pragma once

#include <string>
#include <string_view>

#include "testing/emulator/http_types.hpp"

namespace modelarts::testing::detail {

inline constexpr const char* kJsonContentType = "application/json;charset=UTF-8";

/// 32 random lower-case hex digits, as the gateway's request ids look.
std::string new_request_id();

/// A reply with `body` (JSON text) and the emulator's standard headers.
HttpResponseMessage json_reply(int status, std::string body, std::string_view request_id);

/// {"is_success":false,"error_code":code,"error_message":message}
HttpResponseMessage modelarts_error(int status, std::string_view code, std::string_view message,
                                    std::string_view request_id);

/// {"error_msg":message,"error_code":code,"request_id":request_id}
HttpResponseMessage gateway_error(int status, std::string_view code, std::string_view message,
                                  std::string_view request_id);

/// {"error":{"code":status,"title":title,"message":message}}
HttpResponseMessage keystone_error(int status, std::string_view title, std::string_view message,
                                   std::string_view request_id);

}  // namespace modelarts::testing::detail
