// SPDX-License-Identifier: Apache-2.0
// The OBS authenticator: the third implementation of the pipeline's Authenticator seam, next to the AK/SK signer
// and the IAM token provider. One per call (it knows the call's bucket, key and addressing, which the OBS
// canonical resource needs); each attempt gets a fresh Date, so a retry after a long backoff is not refused as
// skewed. OBS has no IAM-token form: sessions without an access key cannot reach it.
#pragma once

#include <string>

#include <modelarts/obs_signer.hpp>

#include "detail/authenticator.hpp"
#include "detail/endpoint.hpp"

namespace modelarts::detail {
struct SessionState;
}

namespace modelarts::obs {

class ObsAuthenticator final : public detail::Authenticator {
 public:
  /// `request` is the call as signed; `endpoint` the host it goes to (the bucket's host when virtual-hosted).
  ObsAuthenticator(detail::SessionState& state, ObsRequest request, const detail::Endpoint& endpoint);

  std::optional<detail::ErrorInfo> authenticate(const SignableRequest& call, HttpRequest& request,
                                                std::string& credential) override;
  bool renew(const std::string&) override { return false; }
  detail::Result<std::optional<std::string>> scoped_project() override { return std::optional<std::string>(); }

 private:
  detail::SessionState& state_;
  const ObsRequest request_;
  const detail::Endpoint& endpoint_;
  const SigningCredentials credentials_;
};

}  // namespace modelarts::obs
