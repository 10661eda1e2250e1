// Sorting and paging of list responses: rows carry their sort key and their finished JSON item.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace modelarts::testing::detail::service {

namespace json = boost::json;

using SortKey = std::variant<std::int64_t, double, std::string>;

struct ListRow {
  SortKey key;
  json::object item;
};

/// Sorts rows by key (stable, so equal keys keep their creation order) and returns page `page`
/// (1-based) of `per_page` items; page 0 returns every row.
json::array sort_and_page(std::vector<ListRow> rows, bool descending, std::int64_t per_page, std::int64_t page);

/// Substring match used by search_content (empty matches everything).
bool contains(const std::string& haystack, const std::string& needle);

}  // namespace modelarts::testing::detail::service
