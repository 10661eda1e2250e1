// SPDX-License-Identifier: Apache-2.0
// Training job parameter presets (ModelArts API Reference, "Training Job Parameter Configuration"), keyed by
// config_name.
#pragma once

#include <string>

#include "testing/emulator/service_api.hpp"
#include "context.hpp"

namespace modelarts::testing::detail::service {

ServiceResponse create_job_config(RequestContext& ctx);
ServiceResponse list_job_configs(RequestContext& ctx);
ServiceResponse get_job_config(RequestContext& ctx, const std::string& config_name);
ServiceResponse update_job_config(RequestContext& ctx, const std::string& config_name);
ServiceResponse delete_job_config(RequestContext& ctx, const std::string& config_name);

}  // namespace modelarts::testing::detail::service
