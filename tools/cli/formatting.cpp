#include "formatting.hpp"

#include <cstdio>
#include <ctime>

#include <modelarts/status.hpp>

namespace modelarts::cli {

std::string format_time_ms(std::int64_t epoch_ms) {
  if (epoch_ms <= 0) return {};
  const auto seconds = static_cast<std::time_t>(epoch_ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &utc);
  return text;
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

std::string format_number(std::int64_t value) { return value == 0 ? std::string() : std::to_string(value); }

std::string format_parameters(const std::vector<Parameter>& parameters) {
  std::string text;
  for (const auto& parameter : parameters) text += (text.empty() ? "" : " ") + parameter.label + "=" + parameter.value;
  return text;
}

}  // namespace modelarts::cli
