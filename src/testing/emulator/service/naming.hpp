// SPDX-License-Identifier: Apache-2.0
// Name rules shared by training jobs, configs, visualization jobs and label jobs: 1..max of [A-Za-z0-9_-].
#pragma once

#include <cstddef>
#include <string_view>

namespace modelarts::testing::detail::service {

inline bool is_legal_name(std::string_view name, std::size_t max_length) {
  if (name.empty() || name.size() > max_length) return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace modelarts::testing::detail::service
