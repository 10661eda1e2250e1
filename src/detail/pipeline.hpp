// The request pipeline below ApiCall: authenticate each attempt, send, retry, log. Used by try_call,
// Session::request and the IAM helpers.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <modelarts/http.hpp>
#include <modelarts/signer.hpp>

#include "detail/api_call.hpp"
#include "detail/result.hpp"
#include "detail/session_state.hpp"

namespace modelarts::detail {

/// Authenticates one attempt of a request outside the session's own schemes (OBS): fills `request.target` and
/// `request.headers` (method, scheme, host, port and body are set). Called anew for every attempt.
using AttemptSigner = std::function<Result<bool>(HttpRequest& request)>;

struct PreparedRequest {
  std::string method;
  Service service = Service::modelarts;
  std::string path;       ///< the endpoint's base path + encoded segments, e.g. "/v1/p1/jobs/a%2Fb"
  QueryParams query;
  std::string body;
  bool idempotent = true;
  bool authenticate = true;  ///< false only for the IAM token request itself
  const Endpoint* endpoint = nullptr;  ///< overrides the service's endpoint (OBS: the bucket's host)
  AttemptSigner signer;  ///< set: it authenticates each attempt, and no ModelArts headers are added
};

struct Exchange {
  HttpResponse response;
  int attempts = 1;
  std::string path;  ///< the wire path (no query), for messages
};

/// Sends `request` with the session's retry policy. Returns the final HTTP response whatever its status;
/// an error only when nothing usable came back (transport failure after retries, auth or project failure).
Result<Exchange> execute(SessionState& state, const PreparedRequest& request);

/// base_path + "/" + percent_encode(segment)...; refuses empty, "." and ".." segments.
Result<std::string> build_path(std::string_view base_path, const std::vector<std::string>& segments);

/// ErrorInfo of category invalid_argument / configuration.
ErrorInfo invalid_argument_error(std::string message);
ErrorInfo configuration_error(std::string message);

}  // namespace modelarts::detail
