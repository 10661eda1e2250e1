// SPDX-License-Identifier: Apache-2.0
// The v2 endpoints (ModelArts API Reference, "Training Management"). Each answers one request on the locked state.
#pragma once

#include <string>

#include "testing/emulator/service/context.hpp"
#include "timeline.hpp"

namespace modelarts::testing::detail::service::v2 {

ServiceResponse create_job(RequestContext& ctx);
ServiceResponse search_jobs(RequestContext& ctx);
ServiceResponse get_job(RequestContext& ctx, const std::string& id);
ServiceResponse update_job(RequestContext& ctx, const std::string& id);
ServiceResponse delete_job(RequestContext& ctx, const std::string& id);
ServiceResponse job_action(RequestContext& ctx, const std::string& id);

ServiceResponse list_tasks(RequestContext& ctx, const std::string& id);
ServiceResponse log_preview(RequestContext& ctx, const std::string& id, const std::string& task);
ServiceResponse log_url(RequestContext& ctx, const std::string& id, const std::string& task);
ServiceResponse metrics(RequestContext& ctx, const std::string& id, const std::string& task);
ServiceResponse events(RequestContext& ctx, const std::string& id);

/// Writes each task's log as it stands to the job's log_export_path in the emulator's OBS (obs_link.hpp).
void export_logs(RequestContext& ctx, const Job& job, const View& v);

ServiceResponse list_flavors(RequestContext& ctx);
ServiceResponse list_engines(RequestContext& ctx);

}  // namespace modelarts::testing::detail::service::v2
