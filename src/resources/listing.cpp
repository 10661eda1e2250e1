// SPDX-License-Identifier: Apache-2.0
#include "resources/listing.hpp"

#include "resources/validate.hpp"

namespace modelarts::detail {

void check_list_options(const ListOptions& options, const ListRules& rules) {
  if (options.per_page() < 1 || options.per_page() > rules.max_per_page) {
    throw_invalid_argument("per_page must be in [1, " + std::to_string(rules.max_per_page) + "], got " +
                           std::to_string(options.per_page()));
  }
  if (options.page() < 1 || options.page() > 65535) {
    throw_invalid_argument("page must be in [1, 65535], got " + std::to_string(options.page()));
  }
  if (options.status() && (*options.status() < 0 || *options.status() > 22)) {
    throw_invalid_argument("status must be a job status code in [0, 22], got " + std::to_string(*options.status()));
  }
  if (!options.order().empty() && options.order() != "asc" && options.order() != "desc") {
    throw_invalid_argument("order must be \"asc\" or \"desc\"");
  }
  check_max_length("search_content", options.search_content(), rules.max_search_content);
}

QueryParams list_query(const ListOptions& options, int page, const ListRules& rules) {
  QueryParams query;
  query.emplace_back("per_page", std::to_string(options.per_page()));
  query.emplace_back("page", std::to_string(page));
  if (options.status()) query.emplace_back("status", std::to_string(*options.status()));
  const std::string& sort_by = options.sort_by().empty() ? std::string(rules.default_sort_by) : options.sort_by();
  if (!sort_by.empty()) query.emplace_back("sortBy", sort_by);
  const std::string& order = options.order().empty() ? std::string(rules.default_order) : options.order();
  if (!order.empty()) query.emplace_back("order", order);
  if (!options.search_content().empty()) query.emplace_back("search_content", options.search_content());
  return query;
}

}  // namespace modelarts::detail
