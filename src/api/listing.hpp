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

#include "api/request.hpp"

namespace modelarts::detail {

/// One page of GET /v1/{project_id}/<collection> with `options`' query for `page`, decoded by `decode`.
/// The caller has checked `options`.
template <class Decode>
auto list_page(const Session& session, const std::string& collection, const ListOptions& options, int page,
               Decode decode) {
  ApiCall call = v1_call(session, "GET", {collection});
  call.query = list_query(options, page);
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

/// A Pager page made from a listing's rows and its reported total count.
template <class Item, class Row>
Page<Item> page_of(const Session& session, std::int64_t total, std::vector<Row>&& rows) {
  Page<Item> page;
  if (total > 0) page.total = total;  // 0 may mean "not reported"
  page.items = objects_of<Item>(session, std::move(rows));
  return page;
}

/// The create recovery's look-up (create_recovery.hpp): the row named exactly `name` (search_content also
/// matches longer names) in the first page of `collection` searched for it, decoded by `decode`.
template <class Decode, class Row = typename decltype(std::declval<Decode>()(boost::json::value(), std::string())
                                                          .value()
                                                          .jobs)::value_type>
Result<std::optional<Row>> find_job_named(const Session& session, const std::string& collection,
                                          const std::string& name, Decode decode) {
  ApiCall call = v1_call(session, "GET", {collection});
  call.query = list_query(ListOptions{}.search_content(name).per_page(1000), 1);
  Result<ApiResponse> response = try_call(session, call);
  if (!response) return response.error();
  auto list = decode(response.value().json, response.value().context);
  if (!list) return list.error();
  for (auto& row : list.value().jobs) {
    if (row.job_name == name) return std::optional<Row>(std::move(row));
  }
  return std::optional<Row>();
}

}  // namespace modelarts::detail
