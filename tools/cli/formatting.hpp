// How table cells show times, durations, statuses and parameters.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <modelarts/inputs.hpp>

namespace modelarts::cli {

/// "2026-11-23 15:43:25" (UTC) from ms since the epoch; "" for 0.
std::string format_time_ms(std::int64_t epoch_ms);
/// "1h02m03s", "4m05s", "42s"; "" for 0.
std::string format_duration_ms(std::int64_t duration_ms);
/// "RUNNING" for 8: the status name without its JOBSTAT_ prefix.
std::string format_status(int status);
/// Decimal text of a number, "" for 0 (fields the service left out).
std::string format_number(std::int64_t value);
/// "label=value label=value" (hyperparameters of a job or config).
std::string format_parameters(const std::vector<Parameter>& parameters);

}  // namespace modelarts::cli
