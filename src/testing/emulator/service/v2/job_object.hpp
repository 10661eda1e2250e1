// SPDX-License-Identifier: Apache-2.0
// The job object as create, get, terminate and search return it (ModelArts API Reference, "Querying the Details About a
// Training Job").
#pragma once

#include <boost/json.hpp>

#include "state.hpp"
#include "timeline.hpp"

namespace modelarts::testing::detail::service::v2 {

/// "worker-0" ... "worker-{node_count-1}".
std::vector<std::string> task_names(const Job& job);
boost::json::object job_object(const Job& job, const View& view);

}  // namespace modelarts::testing::detail::service::v2
