// SPDX-License-Identifier: Apache-2.0
// The list options every list verb shares: --page, --per-page, --all, --max-items, --sort-by, --order,
// --search, and --status NAME where the list filters by status. label-job uses the same words (its API calls
// them offset and limit).
#pragma once

#include <cstdint>
#include <optional>

#include <modelarts/list_options.hpp>

#include "invocation.hpp"

namespace modelarts::cli {

/// with_status: the list takes a status filter (training and visualization jobs).
void add_list_flags(CLI::App& app, bool with_status);
ListOptions list_options_from(const Invocation& invocation);

/// How much to print: one page (the default), or every page from --page on (--all), at most --max-items.
struct Paging {
  bool all = false;
  std::optional<std::int64_t> max_items;
  int page = 1;
  int per_page = 10;
};
Paging paging_from(const Invocation& invocation);

}  // namespace modelarts::cli
