// SPDX-License-Identifier: Apache-2.0
// Sorting and paging of list responses. Rows carry their sort key and a payload; only the rows of the page
// returned become JSON, so a big collection costs a sort of light keys, not a JSON object per record.
#pragma once

#include <boost/json.hpp>
#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace modelarts::testing::detail::service {

namespace json = boost::json;

using SortKey = std::variant<std::int64_t, double, std::string>;

/// One candidate row: its sort key and what building its JSON item needs (e.g. a pointer to the record).
template <class Payload>
struct KeyedRow {
  SortKey key;
  Payload payload;
};

/// A row whose JSON item is already built (small lists, where building every item costs nothing).
using ListRow = KeyedRow<json::object>;

/// Sorts rows by key (stable, so equal keys keep their creation order), keeps page `page` (1-based) of
/// `per_page` rows (page 0: every row) and returns `to_json(payload)` of each kept row, in order.
template <class Payload, class ToJson>
json::array sort_and_page(std::vector<KeyedRow<Payload>> rows, bool descending, std::int64_t per_page,
                          std::int64_t page, ToJson&& to_json) {
  std::stable_sort(rows.begin(), rows.end(), [descending](const KeyedRow<Payload>& a, const KeyedRow<Payload>& b) {
    return descending ? b.key < a.key : a.key < b.key;
  });
  std::size_t begin = 0;
  std::size_t end = rows.size();
  if (page > 0 && per_page > 0) {
    const auto size = static_cast<std::size_t>(per_page);
    const auto first = static_cast<std::size_t>(page - 1) * size;
    begin = std::min(first, rows.size());
    end = std::min(begin + size, rows.size());
  }
  json::array out;
  out.reserve(end - begin);
  for (std::size_t i = begin; i < end; ++i) out.push_back(to_json(rows[i].payload));
  return out;
}

/// sort_and_page of rows with finished items.
json::array sort_and_page(std::vector<ListRow> rows, bool descending, std::int64_t per_page, std::int64_t page);

/// Substring match used by search_content (empty matches everything).
bool contains(const std::string& haystack, const std::string& needle);

}  // namespace modelarts::testing::detail::service
