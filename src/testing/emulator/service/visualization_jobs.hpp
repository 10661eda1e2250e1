// SPDX-License-Identifier: Apache-2.0
// Visualization (TensorBoard / MindInsight) jobs (ModelArts API Reference, "Visualization Jobs").
#pragma once

#include <string>

#include "testing/emulator/service_api.hpp"
#include "context.hpp"

namespace modelarts::testing::detail::service {

ServiceResponse create_visualization_job(RequestContext& ctx);
ServiceResponse list_visualization_jobs(RequestContext& ctx);
ServiceResponse get_visualization_job(RequestContext& ctx, const std::string& job_id);
ServiceResponse update_visualization_job(RequestContext& ctx, const std::string& job_id);
ServiceResponse delete_visualization_job(RequestContext& ctx, const std::string& job_id);
ServiceResponse stop_visualization_job(RequestContext& ctx, const std::string& job_id);
ServiceResponse restart_visualization_job(RequestContext& ctx, const std::string& job_id);

}  // namespace modelarts::testing::detail::service
