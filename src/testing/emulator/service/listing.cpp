#include "listing.hpp"

#include <algorithm>

namespace modelarts::testing::detail::service {

json::array sort_and_page(std::vector<ListRow> rows, bool descending, std::int64_t per_page, std::int64_t page) {
  std::stable_sort(rows.begin(), rows.end(), [descending](const ListRow& a, const ListRow& b) {
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
  for (std::size_t i = begin; i < end; ++i) out.push_back(std::move(rows[i].item));
  return out;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace modelarts::testing::detail::service
