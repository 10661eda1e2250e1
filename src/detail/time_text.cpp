// SPDX-License-Identifier: Apache-2.0
#include "detail/time_text.hpp"

#include <cstdint>
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

std::optional<std::chrono::system_clock::time_point> parse_iso8601_utc(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SS[.fraction][Z|+00:00]
  if (text.size() < 19) return std::nullopt;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!read_digits(text, 0, 4, year) || text[4] != '-' || !read_digits(text, 5, 2, month) || text[7] != '-' ||
      !read_digits(text, 8, 2, day) || (text[10] != 'T' && text[10] != ' ') || !read_digits(text, 11, 2, hour) ||
      text[13] != ':' || !read_digits(text, 14, 2, minute) || text[16] != ':' || !read_digits(text, 17, 2, second)) {
    return std::nullopt;
  }
  std::size_t at = 19;
  std::chrono::microseconds fraction{0};
  if (at < text.size() && text[at] == '.') {
    std::int64_t micros = 0;
    int digits = 0;
    for (++at; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at, ++digits) {
      if (digits < 6) micros = micros * 10 + (text[at] - '0');
    }
    for (; digits < 6; ++digits) micros *= 10;
    fraction = std::chrono::microseconds(micros);
  }
  const std::string_view zone = text.substr(at);
  if (!zone.empty() && zone != "Z" && zone != "+00:00" && zone != "+0000") return std::nullopt;
  return utc_time_point(year, month, day, hour, minute, second) +
         std::chrono::duration_cast<std::chrono::system_clock::duration>(fraction);
}

}  // namespace modelarts::detail
