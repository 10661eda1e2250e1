// SPDX-License-Identifier: Apache-2.0
// Session: validates and resolves settings once, then hands resource classes a shared state.
#include <modelarts/session.hpp>

#include <thread>

#include "detail/endpoint.hpp"
#include "detail/iam.hpp"
#include "detail/pipeline.hpp"
#include "detail/proxy_routing.hpp"
#include "detail/session_state.hpp"
#include "detail/settings.hpp"

#ifndef MODELARTS_VERSION
#define MODELARTS_VERSION "0.0.0"
#endif

namespace modelarts {
namespace {

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() override { return std::chrono::system_clock::now(); }
  void sleep_for(std::chrono::milliseconds duration) override { std::this_thread::sleep_for(duration); }
};

std::shared_ptr<detail::SessionState> make_state(SessionOptions options) {
  // Main-account login (Python Session(username=<account name>, password=...)): the user is the account, so
  // the account (IAM domain) name defaults to the user name, from code, the environment and the CLI alike.
  if (options.access_key().empty() && options.secret_key().empty() && options.account().empty()) {
    options.account(options.username());
  }
  const std::string missing = detail::missing_settings(options);
  if (!missing.empty()) detail::throw_error(detail::configuration_error(missing));
  // Before any endpoint is derived from them: a bad region must not name another host (and get the password).
  const std::string invalid = detail::invalid_settings(options);
  if (!invalid.empty()) detail::throw_error(detail::configuration_error(invalid));
  // With both AK/SK and a password configured, AK/SK wins (no token round trip); drop the password so that the
  // credentials say one thing (make_authenticator chooses by the same rule).
  if (!options.access_key().empty()) options.account({}).username({}).password({});

  auto state = std::make_shared<detail::SessionState>();
  const std::string& region = options.region_name();
  auto modelarts = detail::parse_endpoint(
      options.modelarts_endpoint().empty() ? detail::default_modelarts_endpoint(region) : options.modelarts_endpoint(),
      "modelarts_endpoint (MODELARTS_ENDPOINT)");
  if (!modelarts) detail::throw_error(modelarts.error());
  // Without a region (endpoint and project both given, AK/SK) IAM is never called; keep a placeholder.
  auto iam = detail::parse_endpoint(
      !options.iam_endpoint().empty() ? options.iam_endpoint()
                                      : detail::default_iam_endpoint(region.empty() ? "unset-region" : region),
      "iam_endpoint (HUAWEICLOUD_SDK_IAM_ENDPOINT)");
  if (!iam) detail::throw_error(iam.error());
  if (!options.obs_endpoint().empty()) {
    auto obs = detail::parse_endpoint(options.obs_endpoint(), "obs_endpoint");
    if (!obs) detail::throw_error(obs.error());
  }
  state->modelarts = std::move(modelarts.value());
  state->iam = std::move(iam.value());
  for (const std::string* secret : {&options.secret_key(), &options.security_token(), &options.password()}) {
    if (!secret->empty()) state->configured_secrets.push_back(*secret);
  }
  const TransportOptions& transport = options.transport_options();
  for (const std::string* proxy : {&transport.proxy, &transport.https_proxy, &transport.http_proxy}) {
    for (std::string& secret : detail::url_credentials(*proxy)) state->configured_secrets.push_back(std::move(secret));
  }
  state->transport = options.transport() ? options.transport() : detail::make_session_transport(transport);
  state->clock = options.clock() ? options.clock() : system_clock();
  state->user_agent = std::string("modelarts-cpp/") + MODELARTS_VERSION;
  if (!options.user_agent_suffix().empty()) state->user_agent += ' ' + options.user_agent_suffix();
  state->project_id = options.project_id();
  state->options = std::move(options);
  state->authenticator = detail::make_authenticator(*state);
  if (state->options.transport_options().insecure_skip_tls_verify) {
    state->log(LogLevel::warning,
               "TLS certificate and host name verification is OFF (insecure_skip_tls_verify): "
               "use this only against throwaway test endpoints");
  }
  return state;
}

}  // namespace

std::shared_ptr<Clock> system_clock() {
  static const std::shared_ptr<Clock> clock = std::make_shared<SystemClock>();
  return clock;
}

Session::Session() : Session(SessionOptions::from_environment()) {}

Session::Session(SessionOptions options) : state_(make_state(std::move(options))) {}

SessionOptions& SessionOptions::endpoints(const Endpoints& endpoints) {
  if (!endpoints.iam_endpoint().empty()) iam_endpoint(endpoints.iam_endpoint());
  if (!endpoints.obs_endpoint().empty()) obs_endpoint(endpoints.obs_endpoint());
  if (!endpoints.modelarts_endpoint().empty()) modelarts_endpoint(endpoints.modelarts_endpoint());
  return *this;
}

Session Session::with_access_key(std::string access_key, std::string secret_key, std::string project_id,
                                 std::string region_name, const Endpoints& endpoints) {
  return Session(SessionOptions{}
                     .access_key(std::move(access_key))
                     .secret_key(std::move(secret_key))
                     .project_id(std::move(project_id))
                     .region_name(std::move(region_name))
                     .endpoints(endpoints));
}

Session Session::with_password(std::string account, std::string username, std::string password,
                               std::string region_name, std::string project_id, const Endpoints& endpoints) {
  return Session(SessionOptions{}
                     .account(std::move(account))
                     .username(std::move(username))
                     .password(std::move(password))
                     .region_name(std::move(region_name))
                     .project_id(std::move(project_id))
                     .endpoints(endpoints));
}

const std::string& Session::region_name() const noexcept { return state_->options.region_name(); }

std::string Session::project_id() const {
  auto project = detail::resolve_project_id(*state_);
  if (!project) {
    detail::ErrorInfo error = project.error();
    state_->redact(error);
    detail::throw_error(error);
  }
  return std::move(project.value());
}

const std::string& Session::modelarts_endpoint() const noexcept { return state_->modelarts.url; }

obs::ObsClient Session::obs() const { return obs::ObsClient(*this); }

const SessionOptions& Session::options() const noexcept { return state_->options; }

RawResponse Session::request(std::string_view method, std::string_view path, const QueryParams& query,
                             std::string body) const {
  detail::PreparedRequest prepared;
  for (char c : method) prepared.method.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c));
  prepared.service = detail::Service::modelarts;
  prepared.query = query;
  // A query written into the path ("/v1/p/jobs?page=1") joins `query`, decoded, so it is signed like the rest.
  if (const std::size_t mark = path.find('?'); mark != std::string_view::npos) {
    for (auto& pair : parse_query(path.substr(mark + 1))) prepared.query.push_back(std::move(pair));
    path = path.substr(0, mark);
  }
  prepared.path = state_->modelarts.base_path;
  if (path.empty() || path.front() != '/') prepared.path.push_back('/');
  prepared.path += path;
  prepared.body = std::move(body);
  prepared.idempotent = prepared.method != "POST";
  auto exchange = detail::execute(*state_, std::move(prepared)).value_or_throw();
  // Error bodies are masked by execute; a success body reaches the caller raw too, so it is masked here.
  if (exchange.response.status >= 200 && exchange.response.status < 300) state_->redact(exchange.response.body);
  return RawResponse{exchange.response.status, std::move(exchange.response.headers),
                     std::move(exchange.response.body)};
}

}  // namespace modelarts
