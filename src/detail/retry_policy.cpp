#include "detail/retry_policy.hpp"

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>

#include "detail/time_text.hpp"

namespace modelarts::detail {

bool is_retryable_status(int status) noexcept {
  switch (status) {
    case 408: case 429: case 500: case 502: case 503: case 504: return true;
    default: return false;
  }
}

bool may_resend_after_transport_failure(bool idempotent, bool request_written) noexcept {
  return idempotent || !request_written;
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

std::string_view trim(std::string_view text) noexcept {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view text) {
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::size_t comma = text.find(", ");
  if (comma == std::string_view::npos) return std::nullopt;
  text.remove_prefix(comma + 2);
  if (text.size() < 20 || text.substr(text.size() - 3) != "GMT") return std::nullopt;
  int day = 0, year = 0, hour = 0, minute = 0, second = 0;
  if (!read_digits(text, 0, 2, day) || !read_digits(text, 7, 4, year) || !read_digits(text, 12, 2, hour) ||
      !read_digits(text, 15, 2, minute) || !read_digits(text, 18, 2, second)) {
    return std::nullopt;
  }
  int month = -1;
  for (int i = 0; i < 12; ++i) {
    if (text.substr(3, 3) == kMonths[i]) month = i;
  }
  if (month < 0) return std::nullopt;
  return utc_time_point(year, month + 1, day, hour, minute, second);
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
  const auto date = parse_http_date(value);
  if (!date) return std::nullopt;
  if (*date <= now) return std::chrono::milliseconds(0);
  return std::chrono::duration_cast<std::chrono::milliseconds>(*date - now);
}

}  // namespace modelarts::detail
