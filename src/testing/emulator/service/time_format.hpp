// SPDX-License-Identifier: Apache-2.0
// Wall-clock formatting shared by label jobs and generated log lines.
#pragma once

#include <cstdint>
#include <string>

namespace modelarts::testing::detail::service {

/// "YYYY-MM-DD HH:MM:SS" in UTC.
std::string datetime_text(std::int64_t wall_ms);

}  // namespace modelarts::testing::detail::service
