// SPDX-License-Identifier: Apache-2.0
// Maps /v2/{project_id}/... paths and methods to the v2 handlers. Unknown paths answer 404
// ModelArts.2836 (path not found), known paths with another method 405 ModelArts.2803 with an Allow header.
#pragma once

#include "testing/emulator/service/context.hpp"

namespace modelarts::testing::detail::service::v2 {

ServiceResponse route(RequestContext& ctx);

}  // namespace modelarts::testing::detail::service::v2
