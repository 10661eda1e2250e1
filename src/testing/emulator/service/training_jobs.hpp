// SPDX-License-Identifier: Apache-2.0
// Training jobs (ModelArts API Reference, "Training Jobs"): create, list, update description, delete; and the lookups
// versions use.
#pragma once

#include <string>
#include <variant>

#include "testing/emulator/service_api.hpp"
#include "context.hpp"
#include "reply.hpp"

namespace modelarts::testing::detail::service {

ServiceResponse create_training_job(RequestContext& ctx);
ServiceResponse list_training_jobs(RequestContext& ctx);
ServiceResponse update_training_job(RequestContext& ctx, const std::string& job_id);
ServiceResponse delete_training_job(RequestContext& ctx, const std::string& job_id);

/// The job with this path id, or the ModelArts.0102 failure.
std::variant<TrainingJob*, Failure> find_training_job(RequestContext& ctx, const std::string& job_id);
/// The version with this path id inside `job`, or the ModelArts.0102 failure.
std::variant<TrainingVersion*, Failure> find_training_version(TrainingJob& job, const std::string& version_id);

/// "job" + 8 hex digits, stable for a job id.
std::string training_resource_id(std::int64_t job_id);
/// V0001, V0002, ...: the next version name of `job` (advances its counter).
std::string next_version_name(TrainingJob& job);

}  // namespace modelarts::testing::detail::service
