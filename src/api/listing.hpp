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

/// The create retry rule's look-up: the job named exactly `job_name` (search_content also matches longer
/// names) in the listing `list_jobs` gives for a name search.
template <class List>
auto find_job_named(const Session& session, List (*list_jobs)(const Session&, const ListOptions&),
                    const std::string& job_name) -> std::optional<typename decltype(List::jobs)::value_type> {
  List list = list_jobs(session, ListOptions{}.search_content(job_name).per_page(1000));
  for (auto& row : list.jobs) {
    if (row.job_name == job_name) return std::move(row);
  }
  return std::nullopt;
}

}  // namespace modelarts::detail
