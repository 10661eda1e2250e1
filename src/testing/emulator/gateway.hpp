// SPDX-License-Identifier: Apache-2.0
// The emulator's API gateway: what it does with one parsed HTTP request. It refuses path tricks, sends /v3 to
// IAM, and for /v1 and /v2/{project_id}/... authenticates like the real gateway, checks the project, maybe
// injects a fault, and hands the request to the ModelArts service; any other path is OBS (path-style buckets).
// Called concurrently from the server's threads.
#pragma once

#include <cstdint>
#include <string>

#include "testing/emulator/fault_injector.hpp"
#include "testing/emulator/gateway_auth.hpp"
#include "testing/emulator/http_types.hpp"
#include "testing/emulator/iam_endpoints.hpp"
#include "testing/emulator/obs/service.hpp"
#include "testing/emulator/service_api.hpp"

namespace modelarts::testing::detail {

struct GatewayConfig {
  std::string project_id;
  int retry_after_seconds = 1;  ///< Retry-After of injected 429s
};

class Gateway {
 public:
  Gateway(GatewayConfig config, IamEndpoints& iam, const GatewayAuth& auth, FaultInjector& faults,
         ModelArtsService& service, obs::ObsService& obs);

  Reply route(HttpRequestMessage& request);

 private:
  Reply route_modelarts(HttpRequestMessage& request, RequestTarget& target, const std::string& request_id);

  const GatewayConfig config_;
  IamEndpoints& iam_;
  const GatewayAuth& auth_;
  FaultInjector& faults_;
  ModelArtsService& service_;
  obs::ObsService& obs_;
};

}  // namespace modelarts::testing::detail
