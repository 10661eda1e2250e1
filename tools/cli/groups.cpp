// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <utility>

#include "groups.hpp"

namespace modelarts::cli {

namespace {

std::vector<std::pair<int, Group (*)()>>& registry() {
  static std::vector<std::pair<int, Group (*)()>> makers;  // filled before main() by each group's file
  return makers;
}

}  // namespace

GroupRegistration::GroupRegistration(int rank, Group (*make)()) { registry().emplace_back(rank, make); }

const std::vector<Group>& all_groups() {
  static const std::vector<Group> groups = [] {
    auto makers = registry();
    std::stable_sort(makers.begin(), makers.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Group> made;
    for (const auto& maker : makers) made.push_back(maker.second());
    return made;
  }();
  return groups;
}

}  // namespace modelarts::cli
