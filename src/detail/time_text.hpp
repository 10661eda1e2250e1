// SPDX-License-Identifier: Apache-2.0
// Small pieces the date parsers share (IAM token expiry in ISO 8601, Retry-After in IMF-fixdate).
#pragma once

#include <chrono>
#include <cstddef>
#include <string_view>

namespace modelarts::detail {

/// Reads the `length` ASCII digits of `text` at `at` as a decimal number into `out`; false when one of them
/// is not a digit or the run goes past the end of `text`.
bool read_digits(std::string_view text, std::size_t at, std::size_t length, int& out) noexcept;

/// The instant of a UTC calendar date and time (month 1-12), without leap seconds.
std::chrono::system_clock::time_point utc_time_point(int year, int month, int day, int hour, int minute, int second);

}  // namespace modelarts::detail
