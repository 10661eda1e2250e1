// SPDX-License-Identifier: Apache-2.0
// How table cells show times, durations, statuses and parameters.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <modelarts/inputs.hpp>
#include <modelarts/status.hpp>

namespace modelarts::cli {

/// Times print in local time with its offset; --utc calls this to print them in UTC (it sets TZ=UTC).
void use_utc();
/// "2026-11-23 15:43:25+08:00" (local time, its offset) from ms since the epoch; "" for 0.
std::string format_time_ms(std::int64_t epoch_ms);
/// "2026-11-23T15:43:25.120+08:00": ISO 8601 with milliseconds, for -o json.
std::string format_time_iso(std::int64_t epoch_ms);
/// "1h02m03s", "4m05s", "42s"; "" for 0.
std::string format_duration_ms(std::int64_t duration_ms);
/// "RUNNING" for 8: the status name without its JOBSTAT_ prefix.
std::string format_status(int status);
/// The status code for a name given on the command line ("running", "RUNNING", "JOBSTAT_RUNNING") or a
/// number ("8"); nullopt when it is neither.
std::optional<int> parse_status(const std::string& text);
/// Every status name, lower-case, for help and errors ("running, completed, ...").
std::string status_names();
inline std::string format_status(JobStatus status) { return format_status(static_cast<int>(status)); }
/// Decimal text of a number, "" for 0 (fields the service left out).
std::string format_number(std::int64_t value);
/// "label=value label=value" (hyperparameters of a job or config).
std::string format_parameters(const std::vector<Parameter>& parameters);

}  // namespace modelarts::cli
