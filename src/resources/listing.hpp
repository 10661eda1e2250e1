// SPDX-License-Identifier: Apache-2.0
// What the resource classes share about v1 listings: fetching one page, turning its rows into objects or
// into a Pager page, and the look-up by name that the create retry rule uses.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <modelarts/list_options.hpp>
#include <modelarts/paging.hpp>
#include <modelarts/session.hpp>

#include "resources/request.hpp"

namespace modelarts::detail {

/// What one v1 listing takes: its collection, the service's limits (where the Python SDK doc and the REST doc
/// disagree, the service's: docs/service-quirks.md, V6), and the Python SDK's sort defaults, sent when the caller
/// leaves sort_by or order empty so that a ported call lists rows in the same order.
struct ListRules {
  const char* collection;
  int max_per_page;
  std::size_t max_search_content;
  const char* default_sort_by;  ///< "" sends none (the service's default)
  const char* default_order;
};

/// Python get_job_list: sortBy=job_name, order=desc; REST: per_page 1..1000, search_content 0..64.
inline constexpr ListRules kTrainingJobList{"training-jobs", 1000, 64, "job_name", "desc"};
/// Python get_job_configs_list: order=asc (no sortBy default: the service's config_name).
inline constexpr ListRules kConfigList{"training-job-configs", 1000, 64, "", "asc"};
/// Python get_visualization_job_list: sortBy=job_name, order=asc; REST: per_page 1..1000 (the SDK doc says 100),
/// search_content 0..64.
inline constexpr ListRules kVisualizationJobList{"visualization-jobs", 1000, 64, "job_name", "asc"};

/// per_page 1..max_per_page, page 1..65535, status 0..22 when set, search_content at most max_search_content
/// bytes, order "asc"/"desc" when set; throws InvalidArgumentError before anything is sent.
void check_list_options(const ListOptions& options, const ListRules& rules);

/// per_page, page, status, sortBy, order, search_content as the v1 list calls take them, with the Python
/// defaults of `rules` for an empty sort_by or order.
QueryParams list_query(const ListOptions& options, int page, const ListRules& rules);

/// One page of GET /v1/{project_id}/<collection> with `options`' query for `page`, decoded by `decode`.
/// The caller has checked `options`.
template <class Decode>
auto list_page(const Session& session, const ListRules& rules, const ListOptions& options, int page, Decode decode) {
  ApiCall call = v1_call(session, "GET", {rules.collection});
  call.query = list_query(options, page, rules);
  return call_and_decode(session, call, decode);
}

/// One `Item` (built from session and row) for each row of a listing.
template <class Item, class Row>
std::vector<Item> objects_of(const Session& session, std::vector<Row>&& rows) {
  std::vector<Item> items;
  items.reserve(rows.size());
  for (Row& row : rows) items.emplace_back(session, std::move(row));
  return items;
}

/// A page of objects (built from session and row) made from a page of rows, counts kept.
template <class Item, class Row>
ListPage<Item> page_of(const Session& session, ListPage<Row>&& rows) {
  ListPage<Item> page;
  page.total_count = rows.total_count;
  page.count_limit = rows.count_limit;
  page.quotas = rows.quotas;
  page.items = objects_of<Item>(session, std::move(rows.items));
  return page;
}

/// The create recovery's look-up (create_recovery.hpp): the row named exactly `name` (search_content also
/// matches longer names) in the first page of the listing `rules` describes, searched for it, decoded by `decode`.
template <class Decode, class Row = typename decltype(std::declval<Decode>()(boost::json::value(), std::string())
                                                          .value()
                                                          .items)::value_type>
Result<std::optional<Row>> find_job_named(const Session& session, const ListRules& rules, const std::string& name,
                                          Decode decode) {
  ApiCall call = v1_call(session, "GET", {rules.collection});
  call.query = list_query(ListOptions{}.search_content(name).per_page(rules.max_per_page), 1, rules);
  Result<ApiResponse> response = try_call(session, call);
  if (!response) return response.error();
  auto list = decode(response.value().json, response.value().context);
  if (!list) return list.error();
  for (auto& row : list.value().items) {
    if (row.job_name == name) return std::optional<Row>(std::move(row));
  }
  return std::optional<Row>();
}

}  // namespace modelarts::detail
