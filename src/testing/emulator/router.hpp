// SPDX-License-Identifier: Apache-2.0
// What the emulator does with one parsed HTTP request: refuse path tricks, send /v3 to IAM, and for
// /v1/{project_id}/... authenticate like the gateway, check the project, maybe inject a fault, and hand the
// request to the ModelArts service; any other path is OBS (path-style buckets). Called concurrently from the server's threads.
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

struct RouterConfig {
  std::string project_id;
  int retry_after_seconds = 1;  ///< Retry-After of injected 429s
};

class Router {
 public:
  Router(RouterConfig config, IamEndpoints& iam, const GatewayAuth& auth, FaultInjector& faults,
         ModelArtsService& service, obs::ObsService& obs);

  Reply route(HttpRequestMessage& request);

 private:
  Reply route_modelarts(HttpRequestMessage& request, RequestTarget& target, const std::string& request_id);

  const RouterConfig config_;
  IamEndpoints& iam_;
  const GatewayAuth& auth_;
  FaultInjector& faults_;
  ModelArtsService& service_;
  obs::ObsService& obs_;
};

}  // namespace modelarts::testing::detail
