// Session: credentials, region, project and endpoints, plus the shared state (connection pool, token cache)
// every resource object uses. Copies are cheap and share state; safe to use from many threads.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <modelarts/http.hpp>
#include <modelarts/obs.hpp>
#include <modelarts/options.hpp>
#include <modelarts/signer.hpp>

namespace modelarts {

namespace detail {
struct SessionState;
struct SessionAccess;
}  // namespace detail

enum class LogLevel { debug = 0, info = 1, warning = 2, error = 3 };
/// Receives one redacted line per event (request sent, response, retry, token refresh). Never a secret.
using LogHandler = std::function<void(LogLevel, std::string_view)>;

/// Time as the SDK sees it; replace it in tests so that retries and waits take no real time.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() = 0;
  virtual void sleep_for(std::chrono::milliseconds duration) = 0;
};
std::shared_ptr<Clock> system_clock();

/// Retry of transient failures (design section 3): GET/PUT/DELETE on connect failures, 408, 429, 500, 502,
/// 503, 504; POST only when the request was never written. Backoff is exponential with full jitter.
class RetryOptions {
  MODELARTS_OPTION(int, max_attempts){4};                                       ///< 1 disables retry
  MODELARTS_OPTION(std::chrono::milliseconds, initial_backoff){std::chrono::milliseconds(100)};
  MODELARTS_OPTION(std::chrono::milliseconds, max_backoff){std::chrono::seconds(20)};
  MODELARTS_OPTION(std::chrono::milliseconds, max_total){std::chrono::minutes(3)};  ///< all attempts of one call
};

class SessionOptions {
  // AK/SK, optionally temporary (security token)
  MODELARTS_OPTION(std::string, access_key);
  MODELARTS_OPTION(std::string, secret_key);
  MODELARTS_OPTION(std::string, security_token);
  // account + IAM user + password: an IAM token is fetched, cached and refreshed
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
  /// OBS (Session::obs()); default https://obs.{region}.myhuaweicloud.com; env MODELARTS_OBS_ENDPOINT.
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
  /// Settings from the environment (HUAWEICLOUD_SDK_*, MODELARTS_*), then for what it leaves unset the profile
  /// [basic] (or MODELARTS_PROFILE's) of ~/.huaweicloud/credentials (or HUAWEICLOUD_SDK_CREDENTIALS_FILE).
  /// Proxies as curl and Go read them: HTTPS_PROXY (or https_proxy) for https endpoints, HTTP_PROXY (or
  /// http_proxy) for http ones, except under CGI (REQUEST_METHOD set: "httpoxy"), NO_PROXY (or no_proxy) for
  /// hosts reached directly; see TransportOptions. A Session throws ConfigurationError naming the setting when region_name, project_id or
  /// an endpoint could not be part of a URL as it reads.
  static SessionOptions from_environment();
};

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

  /// Python: Session(access_key=, secret_key=, project_id=, region_name=)
  static Session with_access_key(std::string access_key, std::string secret_key, std::string project_id,
                                 std::string region_name);
  /// Python: Session(account=, username=, password=, region_name=, project_id=)
  static Session with_password(std::string account, std::string username, std::string password,
                               std::string region_name, std::string project_id = {});

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
