// SPDX-License-Identifier: Apache-2.0
#include "detail/retry_policy.hpp"

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <random>
#include <string>

#include "detail/result.hpp"
#include "detail/text.hpp"
#include "detail/time_text.hpp"

namespace modelarts::detail {

bool is_transient_status(int status) noexcept {
  switch (status) {
    case 408: case 429: case 500: case 502: case 503: case 504: return true;
    default: return false;
  }
}

bool is_transient_failure(TransportErrorKind kind) noexcept {
  switch (kind) {
    case TransportErrorKind::resolve:
    case TransportErrorKind::connect:
    case TransportErrorKind::timeout:
    case TransportErrorKind::io:
      return true;
    case TransportErrorKind::tls:
    case TransportErrorKind::protocol:
    case TransportErrorKind::invalid_reply:
      return false;
  }
  return false;
}

bool is_transient(const ErrorInfo& error) noexcept {
  switch (error.category) {
    case ErrorCategory::api: return is_transient_status(error.api.http_status);
    case ErrorCategory::transport: return is_transient_failure(error.transport_kind);
    default: return false;
  }
}

bool may_retry(const Attempt& attempt, bool idempotent) noexcept {
  const bool transient = attempt.status != 0 ? is_transient_status(attempt.status)
                                             : attempt.failure && is_transient_failure(*attempt.failure);
  if (!transient) return false;
  if (idempotent || attempt.written == BytesWritten::none) return true;
  return attempt.status == 408 || attempt.status == 429 || attempt.status == 503;
}

std::chrono::milliseconds backoff_delay(const RetryOptions& retry, int attempts_made, double jitter) noexcept {
  const double initial = static_cast<double>(std::max<std::int64_t>(0, retry.initial_backoff().count()));
  const double cap = static_cast<double>(std::max<std::int64_t>(0, retry.max_backoff().count()));
  double delay = initial;
  for (int i = 1; i < attempts_made && delay < cap; ++i) delay *= 2;
  delay = std::min(delay, cap) * jitter;
  return std::chrono::milliseconds(static_cast<std::int64_t>(delay));
}

double random_jitter() {
  thread_local std::mt19937 engine{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.8, 1.2)(engine);
}

namespace {

int month_of(std::string_view name) noexcept {
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (int i = 0; i < 12; ++i) {
    if (name == kMonths[i]) return i + 1;
  }
  return 0;
}

// "08:49:37" at `at`.
bool read_time(std::string_view text, std::size_t at, int& hour, int& minute, int& second) noexcept {
  return text.size() >= at + 8 && read_digits(text, at, 2, hour) && text[at + 2] == ':' &&
         read_digits(text, at + 3, 2, minute) && text[at + 5] == ':' && read_digits(text, at + 6, 2, second);
}

// The three HTTP-date forms of RFC 9110 5.6.7, all in GMT.
std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view text,
                                                                     std::chrono::system_clock::time_point now) {
  int day = 0, month = 0, year = 0, hour = 0, minute = 0, second = 0;
  const std::size_t comma = text.find(',');
  if (comma != std::string_view::npos) {
    std::string_view rest = text.substr(comma + 1);
    if (rest.empty() || rest.front() != ' ') return std::nullopt;
    rest.remove_prefix(1);
    if (rest.size() == 24 && rest[2] == ' ' && rest[6] == ' ' && rest[11] == ' ') {
      // IMF-fixdate: "06 Nov 1994 08:49:37 GMT"
      if (!read_digits(rest, 0, 2, day) || !read_digits(rest, 7, 4, year) || !read_time(rest, 12, hour, minute, second) ||
          rest.substr(20) != " GMT") {
        return std::nullopt;
      }
      month = month_of(rest.substr(3, 3));
    } else if (rest.size() == 22 && rest[2] == '-' && rest[6] == '-' && rest[9] == ' ') {
      // RFC 850: "06-Nov-94 08:49:37 GMT"; a two-digit year more than 50 years ahead is in the past century.
      if (!read_digits(rest, 0, 2, day) || !read_digits(rest, 7, 2, year) || !read_time(rest, 10, hour, minute, second) ||
          rest.substr(18) != " GMT") {
        return std::nullopt;
      }
      month = month_of(rest.substr(3, 3));
      const std::time_t now_t = std::chrono::system_clock::to_time_t(now);
      std::tm now_tm{};
      gmtime_r(&now_t, &now_tm);
      const int this_year = now_tm.tm_year + 1900;
      year += this_year / 100 * 100;
      if (year > this_year + 50) year -= 100;
    } else {
      return std::nullopt;
    }
  } else {
    // asctime: "Sun Nov  6 08:49:37 1994"
    if (text.size() != 24 || text[3] != ' ' || text[7] != ' ' || text[10] != ' ' || text[19] != ' ') return std::nullopt;
    month = month_of(text.substr(4, 3));
    const std::string_view day_text = text.substr(8, 2);
    if (day_text[0] == ' ') {
      if (!read_digits(day_text, 1, 1, day)) return std::nullopt;
    } else if (!read_digits(day_text, 0, 2, day)) {
      return std::nullopt;
    }
    if (!read_time(text, 11, hour, minute, second) || !read_digits(text, 20, 4, year)) return std::nullopt;
  }
  if (month == 0 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  return utc_time_point(year, month, day, hour, minute, second);
}

}  // namespace

std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                           std::chrono::system_clock::time_point now) {
  value = trim(value);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (value.size() > 9) return std::nullopt;
    return std::chrono::milliseconds(std::stoll(std::string(value)) * 1000);
  }
  const auto date = parse_http_date(value, now);
  if (!date) return std::nullopt;
  if (*date <= now) return std::chrono::milliseconds(0);
  return std::chrono::ceil<std::chrono::milliseconds>(*date - now);
}

}  // namespace modelarts::detail
