// SPDX-License-Identifier: Apache-2.0
// The request pipeline below ApiCall: authenticate each attempt, send, retry, log. Used by try_call,
// Session::request and the IAM helpers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <modelarts/http.hpp>
#include <modelarts/signer.hpp>

#include "detail/api_call.hpp"
#include "detail/result.hpp"
#include "detail/session_state.hpp"

namespace modelarts::detail {

struct PreparedRequest {
  std::string method;
  Service service = Service::modelarts;
  std::string path;       ///< the endpoint's base path + encoded segments, e.g. "/v1/p1/jobs/a%2Fb"
  QueryParams query;
  std::string body;
  bool idempotent = true;
  const Endpoint* endpoint = nullptr;  ///< overrides the service's endpoint (OBS: the bucket's host)
  bool json_body = true;  ///< false: the body is bytes (an OBS object), not checked as JSON text
};

struct Exchange {
  HttpResponse response;
  AttemptLog attempts;
  std::string path;  ///< the wire path (no query), for messages
};

/// The retry loop over the transport, and nothing else: sends `request` to its service's endpoint with `headers`
/// and the session's retry policy, keeping the call's attempt record, each attempt authenticated by
/// `authenticator` (null: no credentials, for the IAM token request itself). The IAM token provider and project
/// discovery send their own requests through this, so authentication never recurses into execute(). Returns the
/// final HTTP response whatever its status; an error only when nothing usable came back. The request is taken by
/// value: its body moves into the one HttpRequest every attempt sends, so a body (an 8 MiB OBS part) is held once.
Result<Exchange> send_with_retry(SessionState& state, PreparedRequest request, HttpHeaders headers,
                                 Authenticator* authenticator);

/// A ModelArts call: the standard headers (X-Project-Id after resolving the project), then send_with_retry with
/// the session's authenticator.
Result<Exchange> execute(SessionState& state, PreparedRequest request);

/// base_path + "/" + percent_encode(segment)...; refuses empty, "." and ".." segments.
Result<std::string> build_path(std::string_view base_path, const std::vector<std::string>& segments);

/// ErrorInfo of category invalid_argument / configuration.
ErrorInfo invalid_argument_error(std::string message);
ErrorInfo configuration_error(std::string message);

}  // namespace modelarts::detail
