// SPDX-License-Identifier: Apache-2.0
// How every `list` command prints. -o json, one rule everywhere: {"items": [...], "total": N}, the items as
// the service sent them; `total` is the service's count of matching items (with --all: the count printed).
// As a table: the rows, then a footer saying how to see more ("--page 2", "--all").
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "invocation.hpp"
#include "json_output.hpp"
#include "list_flags.hpp"
#include "table.hpp"

namespace modelarts::cli {

/// Every item of `pager` (from --page on), stopping after --max-items.
template <class Pager, class AddRow>
int print_all_pages(Invocation& invocation, const Paging& paging, Table& table, Pager&& pager, AddRow add_row) {
  boost::json::array items;
  std::int64_t count = 0;
  for (const auto& item : pager) {
    if (paging.max_items && count >= *paging.max_items) break;
    ++count;
    if (invocation.json())
      items.push_back(parse_json(item.info().raw_json));
    else
      add_row(table, item.info());
  }
  if (invocation.json()) {
    print_json(invocation, list_document(std::move(items), count));
    return 0;
  }
  table.print(invocation.out());
  invocation.out() << count << ' ' << (count == 1 ? "item" : "items") << '\n';
  return 0;
}

/// One page (at most --max-items of it), and how to see more: "10 of 150 training jobs (page 1 of 15; next:
/// --page 2, every page: --all)".
template <class Row, class AddRow>
int print_one_page(Invocation& invocation, const Paging& paging, Table& table, const std::vector<Row>& rows,
                   std::int64_t total, const char* what, AddRow add_row) {
  std::size_t shown = rows.size();
  if (paging.max_items && static_cast<std::size_t>(*paging.max_items) < shown) shown = static_cast<std::size_t>(*paging.max_items);
  if (invocation.json()) {
    boost::json::array items;
    for (std::size_t i = 0; i < shown; ++i) items.push_back(parse_json(rows[i].raw_json));
    print_json(invocation, list_document(std::move(items), total));
    return 0;
  }
  for (std::size_t i = 0; i < shown; ++i) add_row(table, rows[i]);
  table.print(invocation.out());
  invocation.out() << shown << " of " << total << ' ' << what;
  const std::int64_t pages = (total + paging.per_page - 1) / paging.per_page;
  if (paging.page < pages)
    invocation.out() << " (page " << paging.page << " of " << pages << "; next: --page " << paging.page + 1
                     << ", every page: --all)";
  invocation.out() << '\n';
  return 0;
}

}  // namespace modelarts::cli
