// SPDX-License-Identifier: Apache-2.0
#include "listing.hpp"

namespace modelarts::testing::detail::service {

json::array sort_and_page(std::vector<ListRow> rows, bool descending, std::int64_t per_page, std::int64_t page) {
  return sort_and_page(std::move(rows), descending, per_page, page,
                       [](json::object& item) { return std::move(item); });
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace modelarts::testing::detail::service
