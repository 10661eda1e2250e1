// SPDX-License-Identifier: Apache-2.0
#include "formatting.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>

#include <modelarts/status.hpp>

namespace modelarts::cli {

namespace {

constexpr int kLastStatus = 22;  // JobStatus::mount_failed

/// "+08:00" from strftime's "+0800".
std::string offset_text(const std::tm& local) {
  char zone[8];
  std::strftime(zone, sizeof zone, "%z", &local);
  std::string text = zone;
  if (text.size() == 5) text.insert(3, ":");
  return text;
}

std::tm local_time(std::int64_t epoch_ms) {
  const auto seconds = static_cast<std::time_t>(epoch_ms / 1000);
  std::tm local{};
  localtime_r(&seconds, &local);
  return local;
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return text;
}

}  // namespace

void use_utc() {
  ::setenv("TZ", "UTC", 1);
  ::tzset();
}

std::string format_time_ms(std::int64_t epoch_ms) {
  if (epoch_ms <= 0) return {};
  const std::tm local = local_time(epoch_ms);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &local);
  return text + offset_text(local);
}

std::string format_time_iso(std::int64_t epoch_ms) {
  const std::tm local = local_time(epoch_ms);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &local);
  char millis[8];
  std::snprintf(millis, sizeof millis, ".%03d", static_cast<int>(epoch_ms % 1000));
  return text + std::string(millis) + offset_text(local);
}

std::string format_duration_ms(std::int64_t duration_ms) {
  if (duration_ms <= 0) return {};
  const std::int64_t total = duration_ms / 1000;
  const long long hours = total / 3600, minutes = total / 60 % 60, seconds = total % 60;
  char text[48];
  if (hours > 0)
    std::snprintf(text, sizeof text, "%lldh%02lldm%02llds", hours, minutes, seconds);
  else if (minutes > 0)
    std::snprintf(text, sizeof text, "%lldm%02llds", minutes, seconds);
  else
    std::snprintf(text, sizeof text, "%llds", seconds);
  return text;
}

std::string format_status(int status) {
  std::string name(status_name(status));
  const std::string prefix = "JOBSTAT_";
  if (name.compare(0, prefix.size(), prefix) == 0) name.erase(0, prefix.size());
  return name;
}

std::optional<int> parse_status(const std::string& text) {
  if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos && text.size() <= 3) {
    const int code = std::atoi(text.c_str());
    return code <= kLastStatus ? std::optional<int>(code) : std::nullopt;
  }
  std::string name = lower(text);
  if (name.rfind("jobstat_", 0) == 0) name.erase(0, 8);
  for (int code = 0; code <= kLastStatus; ++code)
    if (lower(format_status(code)) == name) return code;
  return std::nullopt;
}

std::string status_names() {
  std::string names;
  for (int code = 0; code <= kLastStatus; ++code) names += (code ? ", " : "") + lower(format_status(code));
  return names;
}

std::string format_number(std::int64_t value) { return value == 0 ? std::string() : std::to_string(value); }

std::string format_parameters(const std::vector<Parameter>& parameters) {
  std::string text;
  for (const auto& parameter : parameters) text += (text.empty() ? "" : " ") + parameter.label + "=" + parameter.value;
  return text;
}

}  // namespace modelarts::cli
