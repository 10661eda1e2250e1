// How every `list` command prints: with --all, each item the SDK's pager yields; otherwise the one page
// the list call returns. `add_row(table, info)` makes one table row.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "command.hpp"
#include "json_output.hpp"
#include "table.hpp"

namespace modelarts::cli {

/// Every item of `pager` as `table`, or (-o json) a JSON array of the items as received.
template <class Pager, class AddRow>
int print_all_pages(Invocation& invocation, Table& table, Pager&& pager, AddRow add_row) {
  std::vector<std::string> items;
  for (const auto& item : pager) {
    items.push_back(item.info().raw_json);
    add_row(table, item.info());
  }
  if (invocation.json()) print_json(invocation.out(), json_array(items));
  else table.print(invocation.out());
  return 0;
}

/// One page: the reply as received (-o json), or `table` and "<shown> of <total> <what>".
template <class Row, class AddRow>
int print_one_page(Invocation& invocation, Table& table, const std::string& raw_json, const std::vector<Row>& rows,
                   std::int64_t total, const char* what, AddRow add_row) {
  if (invocation.json()) {
    print_json(invocation.out(), raw_json);
    return 0;
  }
  for (const auto& row : rows) add_row(table, row);
  table.print(invocation.out());
  invocation.out() << rows.size() << " of " << total << ' ' << what << '\n';
  return 0;
}

}  // namespace modelarts::cli
