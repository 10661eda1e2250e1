// SPDX-License-Identifier: Apache-2.0
// What one request's handler works with: the state (locked by the caller), the clock and the request.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "testing/emulator/service_api.hpp"
#include "lifecycle.hpp"
#include "state.hpp"

namespace modelarts::testing::detail::service {

struct RequestContext {
  ServiceState& state;
  const ServiceConfig& config;
  std::mt19937_64& random;
  std::int64_t now_ms;
  const ServiceRequest& request;

  StatusView version_status(const TrainingVersion& version) const {
    return training_status({version.create_ms, version.stop_ms, requests_failure(version.config)}, now_ms,
                           config.time_scale);
  }
  VisualizationView visualization_view(const VisualizationJob& job) const {
    return visualization_status({job.run_start_ms, job.restarted, job.stop_ms, job.schedule_hours}, now_ms,
                                config.time_scale);
  }
};

/// A path id that must be a decimal Long; nullopt for anything else ("a/b", "..", "-1", 10 KB strings).
inline std::optional<std::int64_t> parse_id(const std::string& text) {
  constexpr std::string_view kMax = "9223372036854775807";
  if (text.empty() || text.size() > kMax.size()) return std::nullopt;
  for (char c : text)
    if (c < '0' || c > '9') return std::nullopt;
  if (text.size() == kMax.size() && std::string_view(text) > kMax) return std::nullopt;
  return std::stoll(text);
}

}  // namespace modelarts::testing::detail::service
