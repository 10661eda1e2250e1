// SPDX-License-Identifier: Apache-2.0
// Training job versions (ModelArts API Reference, "Training Jobs"): create, list, detail, delete, stop.
#pragma once

#include <optional>
#include <string>

#include "testing/emulator/service_api.hpp"
#include "context.hpp"

namespace modelarts::testing::detail::service {

/// A job and one of its versions, or why they could not be found.
struct LocatedVersion {
  TrainingJob* job = nullptr;
  TrainingVersion* version = nullptr;
  std::optional<Failure> failure;
};
LocatedVersion locate_version(RequestContext& ctx, const std::string& job_id, const std::string& version_id);

ServiceResponse create_training_version(RequestContext& ctx, const std::string& job_id);
ServiceResponse list_training_versions(RequestContext& ctx, const std::string& job_id);
ServiceResponse get_training_version(RequestContext& ctx, const std::string& job_id, const std::string& version_id);
ServiceResponse delete_training_version(RequestContext& ctx, const std::string& job_id, const std::string& version_id);
ServiceResponse stop_training_version(RequestContext& ctx, const std::string& job_id, const std::string& version_id);

}  // namespace modelarts::testing::detail::service
