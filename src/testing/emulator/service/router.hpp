// SPDX-License-Identifier: Apache-2.0
// Maps /v1/{project_id}/... paths and methods to their handlers. Unknown paths answer 404 ModelArts.0015,
// known paths with another method 405 with an Allow header; both as JSON in the path's error style.
#pragma once

#include "testing/emulator/service_api.hpp"
#include "context.hpp"

namespace modelarts::testing::detail::service {

ServiceResponse route(RequestContext& ctx);

}  // namespace modelarts::testing::detail::service
