// SPDX-License-Identifier: Apache-2.0
// Session: credentials, region, project and endpoints, plus the shared state (connection pool, token cache)
// every resource object uses. Copies are cheap and share state; safe to use from many threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <modelarts/endpoints.hpp>
#include <modelarts/http.hpp>
#include <modelarts/obs.hpp>
#include <modelarts/session_options.hpp>
#include <modelarts/signer.hpp>

namespace modelarts {

namespace detail {
struct SessionState;
struct SessionAccess;
}  // namespace detail

/// Response of Session::request, the escape hatch for calls the SDK does not wrap.
struct RawResponse {
  int status = 0;
  HttpHeaders headers;
  std::string body;
};

class Session {
 public:
  /// From the environment and the credentials file; throws ConfigurationError naming every missing setting.
  Session();
  /// Throws ConfigurationError when neither AK/SK nor account/username/password is complete, or no region.
  explicit Session(SessionOptions options);

  /// Python: Session(access_key=, secret_key=, project_id=, region_name=), after
  /// Session.set_endpoint(iam_endpoint, obs_endpoint, modelarts_endpoint, region_name) when `endpoints` is given.
  static Session with_access_key(std::string access_key, std::string secret_key, std::string project_id,
                                 std::string region_name, const Endpoints& endpoints = {});
  /// Python: Session(account=, username=, password=, region_name=, project_id=), with `endpoints` as above.
  /// An empty account logs in to the user's own account (Python `Session(username=<account name>, password=)`).
  static Session with_password(std::string account, std::string username, std::string password,
                               std::string region_name, std::string project_id = {},
                               const Endpoints& endpoints = {});

  const std::string& region_name() const noexcept;
  /// The configured project ID, or the one IAM reports for the region (looked up once, then cached).
  std::string project_id() const;
  const std::string& modelarts_endpoint() const noexcept;
  const SessionOptions& options() const noexcept;

  /// A signed (or token-authenticated) call to any path under the ModelArts endpoint, with the SDK's retry
  /// policy. Returns whatever status the service answered; throws TransportError on network failure.
  RawResponse request(std::string_view method, std::string_view path, const QueryParams& query = {},
                      std::string body = {}) const;

  /// The OBS client on this session's credentials and pipeline (Python: session.obs); see modelarts/obs.hpp.
  /// Throws ConfigurationError for a password session (OBS needs AK/SK) or a bad obs_endpoint.
  obs::ObsClient obs() const;

 private:
  std::shared_ptr<detail::SessionState> state_;
  friend struct detail::SessionAccess;
};

}  // namespace modelarts
