// SPDX-License-Identifier: Apache-2.0
#include "obs/authenticator.hpp"

#include <utility>

#include <modelarts/error.hpp>

#include "detail/pipeline.hpp"
#include "detail/session_state.hpp"

namespace modelarts::obs {

ObsAuthenticator::ObsAuthenticator(detail::SessionState& state, ObsRequest request, const detail::Endpoint& endpoint)
    : state_(state),
      request_(std::move(request)),
      endpoint_(endpoint),
      credentials_{state.options.access_key(), state.options.secret_key(), state.options.security_token()} {}

std::optional<detail::ErrorInfo> ObsAuthenticator::authenticate(const SignableRequest&, HttpRequest& request,
                                                                std::string&) {
  try {
    ObsSignedRequest signed_request = sign_obs_request(request_, credentials_, format_http_date(state_.clock->now()));
    request.target = endpoint_.base_path + signed_request.target;
    request.headers.clear();
    request.headers.emplace_back("Host", endpoint_.authority);
    request.headers.emplace_back("User-Agent", state_.user_agent);
    for (auto& header : signed_request.headers) request.headers.push_back(std::move(header));
  } catch (const Error& e) {  // malformed header: reported, never thrown through the pipeline
    return detail::invalid_argument_error(e.what());
  }
  return std::nullopt;
}

}  // namespace modelarts::obs
