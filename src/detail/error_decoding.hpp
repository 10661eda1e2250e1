// SPDX-License-Identifier: Apache-2.0
// Turns an HTTP reply into a decoded ApiResponse or the ErrorInfo the caller sees: the one place that
// decides what counts as a failure and how error bodies are read (as the official Huawei Cloud SDK cores read them).
#pragma once

#include <string>
#include <string_view>

#include <modelarts/http.hpp>

#include "detail/api_call.hpp"
#include "detail/result.hpp"

namespace modelarts::detail {

/// Failure when HTTP is outside 2xx or (Envelope::v1) the body says "is_success": false; a 2xx/3xx body that is
/// not JSON is a TransportError invalid_reply. `path` is the wire path without query (for messages). The last
/// attempt's record gets the answer's error code.
Result<ApiResponse> decode_response(std::string_view method, std::string_view path, HttpResponse response,
                                    Envelope envelope, AttemptLog attempts);

/// The ApiErrorDetails for a failed reply (`parsed` null when the body is not JSON).
ApiErrorDetails api_error_details(std::string_view method, std::string_view path, const HttpResponse& response,
                                  const boost::json::value* parsed);

/// A short single-line excerpt of a non-JSON body: tags stripped, whitespace collapsed, at most `limit` chars.
std::string body_excerpt(std::string_view body, std::size_t limit = 200);

}  // namespace modelarts::detail
