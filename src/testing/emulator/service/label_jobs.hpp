// SPDX-License-Identifier: Apache-2.0
// Legacy label (annotation) jobs (legacy ModelArts SDK Reference, "Data Labeling Jobs"): no is_success, errors
// {"error_code","error_msg"}, UUID ids, offset = page number.
#pragma once

#include <string>

#include "testing/emulator/service_api.hpp"
#include "context.hpp"

namespace modelarts::testing::detail::service {

ServiceResponse create_label_job(RequestContext& ctx);
ServiceResponse list_label_jobs(RequestContext& ctx);
ServiceResponse update_label_job(RequestContext& ctx, const std::string& job_id);
ServiceResponse delete_label_job(RequestContext& ctx, const std::string& job_id);
ServiceResponse save_label_validation(RequestContext& ctx, const std::string& job_id);
ServiceResponse query_label_validation(RequestContext& ctx, const std::string& job_id);

}  // namespace modelarts::testing::detail::service
