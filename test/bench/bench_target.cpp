// SPDX-License-Identifier: Apache-2.0
#include "bench_target.hpp"

#include <stdexcept>

#include <modelarts/testing/emulator.hpp>

namespace bench {

modelarts::Session BenchTarget::session() const {
  return modelarts::Session(modelarts::SessionOptions{}
                                .access_key(access_key)
                                .secret_key(secret_key)
                                .project_id(project_id)
                                .region_name(region)
                                .modelarts_endpoint(endpoint)
                                .iam_endpoint(endpoint)
                                // the emulator serves OBS path-style on the same listener
                                .obs_endpoint(endpoint)
                                .obs_path_style(true));
}

BenchTarget make_target(const std::string& endpoint) {
  const std::string scheme = "http://";
  const auto colon = endpoint.rfind(':');
  if (endpoint.compare(0, scheme.size(), scheme) != 0 || colon == std::string::npos || colon < scheme.size())
    throw std::invalid_argument("endpoint must look like http://127.0.0.1:PORT, not " + endpoint);
  BenchTarget target;
  target.endpoint = endpoint;
  target.host = endpoint.substr(scheme.size(), colon - scheme.size());
  target.port = static_cast<std::uint16_t>(std::stoul(endpoint.substr(colon + 1)));
  // The emulator's documented defaults (modelarts-emulator --help).
  target.access_key = modelarts::testing::kDefaultAccessKey;
  target.secret_key = modelarts::testing::kDefaultSecretKey;
  target.project_id = modelarts::testing::kDefaultProjectId;
  target.region = modelarts::testing::kDefaultRegion;
  return target;
}

}  // namespace bench
