// SPDX-License-Identifier: Apache-2.0
// What the emulator remembers of each v2 (new-version) training job. Phases are not stored: they are
// computed from the timestamps (timeline.hpp), as for v1, so they keep moving across restarts.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <map>
#include <string>

namespace modelarts::testing::detail::service::v2 {

/// Test hooks: a job parameter `emulator_outcome` or environment variable EMULATOR_OUTCOME set to one of
/// "fail" (Running ends in Failed, exit code 1), "abnormal" (creation fails: Abnormal/CreateFailed) or
/// "hang" (stays Pending forever; for stall detection).
enum class Outcome { complete, fail, abnormal, hang };

struct Job {
  std::string id;  ///< UUID
  std::string name;
  std::string description;
  std::string workspace_id = "0";
  std::int64_t create_ms = 0;     ///< wall ms
  std::int64_t terminate_ms = 0;  ///< wall ms of the accepted terminate; 0: none
  Outcome outcome = Outcome::complete;
  boost::json::object annotations;
  boost::json::object algorithm;  ///< as created, defaults filled in
  boost::json::object spec;       ///< as created, flavor details filled in
};

struct Jobs {
  std::map<std::string, Job> by_id;
};

}  // namespace modelarts::testing::detail::service::v2
