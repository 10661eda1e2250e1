// SPDX-License-Identifier: Apache-2.0
#include "detail/time_text.hpp"

#include <ctime>

namespace modelarts::detail {

bool read_digits(std::string_view text, std::size_t at, std::size_t length, int& out) noexcept {
  out = 0;
  if (at > text.size() || length > text.size() - at) return false;
  for (std::size_t i = at; i < at + length; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

std::chrono::system_clock::time_point utc_time_point(int year, int month, int day, int hour, int minute, int second) {
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

}  // namespace modelarts::detail
