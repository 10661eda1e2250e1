// SPDX-License-Identifier: Apache-2.0
#include "time_format.hpp"

#include <ctime>

namespace modelarts::testing::detail::service {

std::string datetime_text(std::int64_t wall_ms) {
  const auto seconds = static_cast<std::time_t>(wall_ms / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S", &tm);
  return buffer;
}

}  // namespace modelarts::testing::detail::service
