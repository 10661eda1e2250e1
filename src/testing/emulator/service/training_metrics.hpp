// SPDX-License-Identifier: Apache-2.0
// Deterministic metric data for a training version: system metrics grow with its running time, model
// metrics appear once it completed.
#pragma once

#include <boost/json.hpp>
#include <cstdint>

namespace modelarts::testing::detail::service {

namespace json = boost::json;

/// {cpuUsage[], memUsage[], gpuUtil[], gpuMemUsage[], diskReadRate[], diskWriteRate[], recvBytesRate[],
/// sendBytesRate[], interval}: one sample (numeric strings) per 10 s of running.
json::object system_metric_list(std::int64_t version_id, std::int64_t running_ms);
/// {metric[], total_metric{...}}: per-class metrics when completed, empty metric list before.
json::object model_metric_list(std::int64_t version_id, bool completed);

}  // namespace modelarts::testing::detail::service
