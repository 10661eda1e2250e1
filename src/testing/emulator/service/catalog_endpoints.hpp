// SPDX-License-Identifier: Apache-2.0
// GET job/resource-specs, job/ai-engines and built-in-algorithms (ModelArts API Reference, "Resource and Engine
// Specifications").
#pragma once

#include "testing/emulator/service_api.hpp"
#include "context.hpp"

namespace modelarts::testing::detail::service {

ServiceResponse list_resource_specs(RequestContext& ctx);
ServiceResponse list_ai_engines(RequestContext& ctx);
ServiceResponse list_built_in_algorithms(RequestContext& ctx);

}  // namespace modelarts::testing::detail::service
