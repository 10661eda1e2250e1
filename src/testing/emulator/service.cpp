// SPDX-License-Identifier: Apache-2.0
// ModelArtsService: one lock around the state, the router, and the state file written before a
// successful mutating request returns.
#include <chrono>
#include <mutex>
#include <random>
#include <stdexcept>

#include "service/persistence.hpp"
#include "service/reply.hpp"
#include "service/router.hpp"
#include "service_api.hpp"

namespace modelarts::testing::detail {

struct ModelArtsService::Impl {
  ServiceConfig config;
  std::mutex mutex;
  service::ServiceState state;
  std::mt19937_64 random{std::random_device{}()};

  std::int64_t now() const {
    if (config.now_ms) return config.now_ms();
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

ModelArtsService::ModelArtsService(ServiceConfig config) : impl_(std::make_unique<Impl>()) {
  if (!(config.time_scale > 0.0) || config.time_scale > 1e9)
    throw std::runtime_error("emulator time scale must be in (0, 1e9]");
  impl_->config = std::move(config);
  if (!impl_->config.state_file.empty())
    if (auto loaded = service::load_state(impl_->config.state_file)) impl_->state = std::move(*loaded);
}

ModelArtsService::~ModelArtsService() = default;

ServiceResponse ModelArtsService::handle(const ServiceRequest& request) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  service::RequestContext ctx{impl_->state, impl_->config, impl_->random, impl_->now(), request};
  ServiceResponse response;
  try {
    response = service::route(ctx);
  } catch (const std::exception& e) {
    // A handler bug must still answer as the service would, not take the emulator down.
    return service::error_reply(service::failure("ModelArts.0010", std::string("Internal error: ") + e.what()));
  }
  const bool mutating = request.method != "GET" && request.method != "HEAD";
  const bool succeeded = response.status >= 200 && response.status < 300;  // v2: 201 create, 202 delete
  if (mutating && succeeded && !impl_->config.state_file.empty()) {
    try {
      service::save_state(impl_->state, impl_->config.state_file);
    } catch (const std::exception& e) {
      return service::error_reply(service::failure("ModelArts.0010", e.what()));
    }
  }
  return response;
}

}  // namespace modelarts::testing::detail
