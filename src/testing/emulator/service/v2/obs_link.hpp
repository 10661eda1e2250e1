// SPDX-License-Identifier: Apache-2.0
// Where v2 training jobs meet the emulator's OBS: the create checks that algorithm.code_dir and
// algorithm.boot_file exist there, and a job's task logs are exported as
// {log_export_path}modelarts-job-{job_id}-{task}.log (ModelArts API Reference, "Training Management") whenever the job
// is observed. A bucket the emulator's OBS does not hold stands for a real bucket outside it: nothing is checked or
// written.
#pragma once

#include <optional>
#include <string>

#include <boost/json/object.hpp>

#include "testing/emulator/service/context.hpp"
#include "reply.hpp"

namespace modelarts::testing::detail::service::v2 {

struct ObsLocation {
  std::string bucket;
  std::string key;  ///< may be empty or end in '/'
};

/// obs://bucket/key or /bucket/key; nullopt for anything else.
std::optional<ObsLocation> split_obs_path(const std::string& path);

/// ModelArts.2757 (code_dir not found) or 2758 (boot_file not found) when the algorithm's code is not in the
/// emulator's OBS.
std::optional<Failure> check_code_on_obs(const RequestContext& ctx, const boost::json::object& algorithm);

/// The exported log object of `task` when the job has a log_export_path in a bucket the emulator holds.
std::optional<ObsLocation> exported_log(const RequestContext& ctx, const boost::json::object& spec,
                                        const std::string& job_id, const std::string& task);

}  // namespace modelarts::testing::detail::service::v2
