// SPDX-License-Identifier: Apache-2.0
// Training version logs (ModelArts API Reference, "Training Jobs"): log file names (one per worker), the AOM log API
// and the legacy byte-range /log API. The text is generated from the version's state, so it grows as the job runs and
// is the same on every call for the same state.
#pragma once

#include <string>

#include "testing/emulator/service_api.hpp"
#include "context.hpp"

namespace modelarts::testing::detail::service {

ServiceResponse training_log_file_names(RequestContext& ctx, const std::string& job_id, const std::string& version_id);
ServiceResponse training_aom_log(RequestContext& ctx, const std::string& job_id, const std::string& version_id);
ServiceResponse training_legacy_log(RequestContext& ctx, const std::string& job_id, const std::string& version_id);

}  // namespace modelarts::testing::detail::service
