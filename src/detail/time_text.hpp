// SPDX-License-Identifier: Apache-2.0
// The date parsers: ISO 8601 UTC (IAM token expiry, label jobs, OBS uploads) and the pieces Retry-After's
// IMF-fixdate parser shares.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string_view>

namespace modelarts::detail {

/// Reads the `length` ASCII digits of `text` at `at` as a decimal number into `out`; false when one of them
/// is not a digit or the run goes past the end of `text`.
bool read_digits(std::string_view text, std::size_t at, std::size_t length, int& out) noexcept;

/// "2020-01-04T09:05:22.701000Z" (fraction and Z optional; "+00:00" accepted): IAM token times, label job times,
/// OBS's Initiated.
std::optional<std::chrono::system_clock::time_point> parse_iso8601_utc(std::string_view text);

/// The instant of a UTC calendar date and time (month 1-12), without leap seconds.
std::chrono::system_clock::time_point utc_time_point(int year, int month, int day, int hour, int minute, int second);

}  // namespace modelarts::detail
