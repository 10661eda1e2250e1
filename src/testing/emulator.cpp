// SPDX-License-Identifier: Apache-2.0
// modelarts::testing::Emulator: wires the credential store, IAM, the gateway's auth, fault injection and the
// ModelArts service behind one HTTP(S) server.
#include <modelarts/testing/emulator.hpp>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>

#include <modelarts/testing/certificate.hpp>

#include "detail/result.hpp"
#include "testing/emulator/credential_store.hpp"
#include "testing/emulator/fault_injector.hpp"
#include "testing/emulator/gateway_auth.hpp"
#include "testing/emulator/http_server.hpp"
#include "testing/emulator/iam_endpoints.hpp"
#include "testing/emulator/json_replies.hpp"
#include "testing/emulator/obs/service.hpp"
#include "testing/emulator/gateway.hpp"
#include "testing/emulator/service_api.hpp"

namespace modelarts::testing {
namespace {

[[noreturn]] void fail(const std::string& message) {
  modelarts::detail::ErrorInfo error;
  error.category = modelarts::detail::ErrorCategory::configuration;
  error.message = "modelarts emulator: " + message;
  modelarts::detail::throw_error(error);
}

void write_file(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  out.close();
  if (!out) fail("cannot write " + path.string());
}

std::vector<std::string> certificate_names(const std::string& host) {
  std::vector<std::string> names{"127.0.0.1", "localhost"};
  if (host != names[0] && host != names[1] && !host.empty()) names.push_back(host);
  return names;
}

/// The host clients should dial: a wildcard listen address is reached through loopback.
std::string dial_host(const std::string& host) {
  if (host.empty() || host == "0.0.0.0") return "127.0.0.1";
  if (host == "::") return "[::1]";
  if (host.find(':') != std::string::npos) return '[' + host + ']';
  return host;
}

detail::ServiceConfig service_config(const EmulatorOptions& options) {
  detail::ServiceConfig config;
  config.project_id = options.project_id();
  config.time_scale = options.time_scale();
  config.state_file = options.state_file();
  config.v2_log_window = options.v2_log_window();
  config.v2_search_record_offsets = options.v2_search_record_offsets();
  config.now_ms = [] {
    return static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                         std::chrono::system_clock::now().time_since_epoch())
                                         .count());
  };
  return config;
}

}  // namespace

struct Emulator::Impl {
  explicit Impl(EmulatorOptions opts)
      : options(std::move(opts)),
        credentials(options.access_key(), options.secret_key(), [] { return std::chrono::system_clock::now(); }),
        auth(credentials),
        iam(detail::IamAccount{options.account(), options.username(), options.password(), options.project_id(),
                               options.region()},
            credentials, auth),
        faults(options.fault_rate(), options.fault_seed()),
        obs(make_obs(options, credentials, faults)),
        service(make_service(options, *obs)),
        gateway(detail::GatewayConfig{options.project_id(), options.retry_after_seconds()}, iam, auth, faults,
               *service, *obs) {}

  static std::unique_ptr<detail::ModelArtsService> make_service(const EmulatorOptions& options,
                                                                detail::ObjectStorage& obs) {
    detail::ServiceConfig config = service_config(options);
    config.obs = &obs;  // v2 jobs check their code and export their logs there
    try {
      return std::make_unique<detail::ModelArtsService>(std::move(config));
    } catch (const std::exception& error) {
      fail(std::string("cannot start the ModelArts service: ") + error.what());
    }
  }

  static std::unique_ptr<detail::obs::ObsService> make_obs(const EmulatorOptions& options,
                                                          detail::CredentialStore& credentials,
                                                          detail::FaultInjector& faults) {
    detail::obs::ObsServiceConfig config;
    config.default_bucket = options.default_bucket();
    // Objects live beside the job state, not inside it: that document is rewritten on every job change.
    if (!options.state_file().empty()) config.state_file = options.state_file() + ".obs";
    config.owner_id = options.project_id();
    config.retry_after_seconds = options.retry_after_seconds();
    try {
      return std::make_unique<detail::obs::ObsService>(std::move(config), credentials, faults);
    } catch (const std::exception& error) {
      fail(std::string("cannot start the OBS service: ") + error.what());
    }
  }

  ~Impl() {
    if (server) server->stop();
    if (!ca_file.empty()) {
      std::error_code ignored;
      std::filesystem::remove(ca_file, ignored);
    }
  }

  EmulatorOptions options;
  detail::CredentialStore credentials;
  detail::GatewayAuth auth;
  detail::IamEndpoints iam;
  detail::FaultInjector faults;
  std::unique_ptr<detail::obs::ObsService> obs;
  std::unique_ptr<detail::ModelArtsService> service;  // after obs: it holds a reference to it
  detail::Gateway gateway;
  std::string certificate_pem;
  std::filesystem::path ca_file;  ///< the certificate, for TransportOptions::ca_file; removed on destruction
  std::unique_ptr<detail::HttpServer> server;
};

Emulator::Emulator(EmulatorOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  Impl& impl = *impl_;
  detail::HttpServerOptions server_options;
  server_options.host = impl.options.host();
  server_options.port = impl.options.port();
  server_options.threads = impl.options.threads();
  server_options.body_limit = impl.options.body_limit();
  server_options.body_limit_for = [api = impl.options.body_limit(),
                                   obs = impl.options.obs_body_limit()](std::string_view target) -> std::uint64_t {
    const bool api_path = target.rfind("/v1/", 0) == 0 || target.rfind("/v2/", 0) == 0 || target.rfind("/v3", 0) == 0;
    return api_path ? api : obs;
  };
  if (impl.options.tls()) {
    try {
      const TestCertificate certificate = make_self_signed_certificate(certificate_names(impl.options.host()));
      impl.certificate_pem = certificate.certificate_pem;
      server_options.certificate_pem = certificate.certificate_pem;
      server_options.private_key_pem = certificate.private_key_pem;
    } catch (const std::exception& error) {
      fail(std::string("cannot make a TLS certificate: ") + error.what());
    }
    impl.ca_file = std::filesystem::temp_directory_path() /
                   ("modelarts-emulator-ca-" + detail::new_request_id() + ".pem");
    write_file(impl.ca_file, impl.certificate_pem);
    if (!impl.options.cert_out().empty()) write_file(impl.options.cert_out(), impl.certificate_pem);
  }
  try {
    impl.server = std::make_unique<detail::HttpServer>(
        std::move(server_options), [gateway = &impl.gateway](detail::HttpRequestMessage& request) {
          return gateway->route(request);
        });
  } catch (const std::exception& error) {
    fail(error.what());
  }
  impl.obs->set_base_url(endpoint());  // pre-signed links (v2 log URLs) point at this listener
}

Emulator::~Emulator() = default;

std::string Emulator::endpoint() const {
  return std::string(impl_->options.tls() ? "https://" : "http://") + dial_host(impl_->options.host()) + ':' +
         std::to_string(port());
}

std::uint16_t Emulator::port() const { return impl_->server->port(); }

const std::string& Emulator::certificate_pem() const { return impl_->certificate_pem; }

SessionOptions Emulator::session_options() const {
  TransportOptions transport;
  transport.ca_file = impl_->ca_file.string();
  return SessionOptions{}
      .access_key(impl_->options.access_key())
      .secret_key(impl_->options.secret_key())
      .project_id(impl_->options.project_id())
      .region_name(impl_->options.region())
      .modelarts_endpoint(endpoint())
      .iam_endpoint(endpoint())
      .obs_endpoint(endpoint())
      .transport_options(transport);
}

SessionOptions Emulator::password_session_options() const {
  TransportOptions transport;
  transport.ca_file = impl_->ca_file.string();
  return SessionOptions{}
      .account(impl_->options.account())
      .username(impl_->options.username())
      .password(impl_->options.password())
      .project_id(impl_->options.project_id())
      .region_name(impl_->options.region())
      .modelarts_endpoint(endpoint())
      .iam_endpoint(endpoint())
      .transport_options(transport);
}

void Emulator::set_fault_rate(double rate) { impl_->faults.set_rate(rate); }

EmulatorStats Emulator::stats() const {
  EmulatorStats stats;
  stats.connections_accepted = impl_->server->connections_accepted();
  stats.requests = impl_->server->requests();
  stats.faults_injected = impl_->faults.injected();
  return stats;
}

void Emulator::stop() { impl_->server->stop(); }

}  // namespace modelarts::testing
