// SPDX-License-Identifier: Apache-2.0
// Authenticator: how each attempt of a call proves who is calling. One interface, two implementations, chosen
// once from the credentials when the session is made (make_authenticator): the AK/SK signer (a fresh X-Sdk-Date
// signature per attempt) and the IAM token provider (X-Auth-Token, fetched, cached and refreshed; its own
// requests go through the retry loop and the transport only, never back through execute()).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <modelarts/http.hpp>
#include <modelarts/signer.hpp>

#include "detail/result.hpp"

namespace modelarts::detail {

struct SessionState;

class Authenticator {
 public:
  virtual ~Authenticator() = default;
  /// Makes `request` (method, scheme, host, port and body already set) the next attempt of `call`: its target and
  /// headers, with this attempt's credentials. `call.body` is empty: the body is request.body, held once.
  /// `credential` receives the token it carries, if any (for renew()).
  virtual std::optional<ErrorInfo> authenticate(const SignableRequest& call, HttpRequest& request,
                                                std::string& credential) = 0;
  /// After a 401 to an attempt that carried `credential`: true when a fresh credential is in place and one more
  /// attempt is worth it (an IAM token revoked before its expiry). A signature has nothing to renew.
  virtual bool renew(const std::string& credential) = 0;
  /// The project the credentials are scoped to (an IAM token's), or nullopt when they name none (AK/SK).
  virtual Result<std::optional<std::string>> scoped_project() = 0;
};

/// The AK/SK signer when the session's options hold an access key, else the IAM token provider.
std::unique_ptr<Authenticator> make_authenticator(SessionState& state);

/// Target and headers of `call` without credentials (the IAM token request itself).
void set_unauthenticated(const SignableRequest& call, HttpRequest& request);

}  // namespace modelarts::detail
