// Training job parameter presets (reference 2.4), keyed by config_name.
#pragma once

#include <string>

#include "../service_api.hpp"
#include "context.hpp"

namespace modelarts::testing::detail::service {

ServiceResponse create_job_config(RequestContext& ctx);
ServiceResponse list_job_configs(RequestContext& ctx);
ServiceResponse get_job_config(RequestContext& ctx, const std::string& config_name);
ServiceResponse update_job_config(RequestContext& ctx, const std::string& config_name);
ServiceResponse delete_job_config(RequestContext& ctx, const std::string& config_name);

}  // namespace modelarts::testing::detail::service
