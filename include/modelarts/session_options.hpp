// SPDX-License-Identifier: Apache-2.0
// SessionOptions: everything a Session is built from (credentials, region, project, endpoints, transport,
// retry, clock, logging), set by name or read from the environment and the credentials file.
#pragma once

#include <memory>
#include <string>

#include <modelarts/clock.hpp>
#include <modelarts/endpoints.hpp>
#include <modelarts/http.hpp>
#include <modelarts/logging.hpp>
#include <modelarts/options.hpp>
#include <modelarts/retry_options.hpp>

namespace modelarts {

class SessionOptions {
  // AK/SK, optionally temporary (security token)
  MODELARTS_OPTION(std::string, access_key);
  MODELARTS_OPTION(std::string, secret_key);
  MODELARTS_OPTION(std::string, security_token);
  // account + IAM user + password: an IAM token is fetched, cached and refreshed. An empty account is the
  // user's own (main-account login, Python Session(username=<account name>, password=...)).
  MODELARTS_OPTION(std::string, account);
  MODELARTS_OPTION(std::string, username);
  MODELARTS_OPTION(std::string, password);
  /// Found through IAM (GET /v3/projects?name={region}) when empty.
  MODELARTS_OPTION(std::string, project_id);
  MODELARTS_OPTION(std::string, region_name);
  /// Default https://modelarts.{region}.myhuaweicloud.com (ap-southeast-1: .myhuaweicloud.cn).
  MODELARTS_OPTION(std::string, modelarts_endpoint);
  /// Default https://iam.{region}.myhuaweicloud.com.
  MODELARTS_OPTION(std::string, iam_endpoint);
  /// The OBS client's (Session::obs()); default https://obs.{region}.myhuaweicloud.com; env MODELARTS_OBS_ENDPOINT.
  MODELARTS_OPTION(std::string, obs_endpoint);
  /// OBS addressing: path-style (endpoint/bucket/key) even for DNS endpoints; IP and localhost always use it.
  MODELARTS_OPTION(bool, obs_path_style){false};
  MODELARTS_OPTION(TransportOptions, transport_options);
  MODELARTS_OPTION(RetryOptions, retry);
  /// Replaces the default Beast transport (tests, custom stacks).
  MODELARTS_OPTION(std::shared_ptr<HttpTransport>, transport);
  MODELARTS_OPTION(std::shared_ptr<Clock>, clock);
  MODELARTS_OPTION(LogHandler, log_handler);
  MODELARTS_OPTION(LogLevel, log_level){LogLevel::info};
  MODELARTS_OPTION(std::string, user_agent_suffix);

 public:
  /// Sets the endpoints `endpoints` names (empty ones are left as they are).
  SessionOptions& endpoints(const Endpoints& endpoints);
  /// Settings from the environment (HUAWEICLOUD_SDK_*, MODELARTS_*), then for what it leaves unset the profile
  /// [basic] (or MODELARTS_PROFILE's) of ~/.huaweicloud/credentials (or HUAWEICLOUD_SDK_CREDENTIALS_FILE).
  /// Proxies as curl and Go read them: HTTPS_PROXY (or https_proxy) for https endpoints, HTTP_PROXY (or
  /// http_proxy) for http ones, except under CGI (REQUEST_METHOD set: "httpoxy"), NO_PROXY (or no_proxy) for
  /// hosts reached directly; see TransportOptions. A Session throws ConfigurationError naming the setting when
  /// region_name, project_id or an endpoint could not be part of a URL as it reads.
  static SessionOptions from_environment();
};

}  // namespace modelarts
