// SPDX-License-Identifier: Apache-2.0
#include "list_flags.hpp"

#include "formatting.hpp"
#include "options.hpp"
#include "usage_error.hpp"

namespace modelarts::cli {

void add_list_flags(CLI::App& app, bool with_status) {
  if (with_status)
    text(app, "status", "NAME", "only jobs in this status: a name (running, completed, failed, ...) or its code");
  integer(app, "per-page", "N", "items per page, 1..1000 (default 10)");
  integer(app, "page", "N", "page number, from 1 (default 1)");
  flag(app, "all", "every page from --page on, not only one");
  integer(app, "max-items", "N", "print at most N items (with --all: stop paging there)");
  text(app, "sort-by", "FIELD", "sort key, e.g. job_name or create_time");
  text(app, "order", "asc|desc", "sort order");
  text(app, "search", "TEXT", "only names containing TEXT");
}

ListOptions list_options_from(const Invocation& invocation) {
  ListOptions options;
  if (auto status = invocation.get<std::string>("status")) {
    const auto code = parse_status(*status);
    if (!code) throw UsageError("--status: unknown status '" + *status + "'", "use one of: " + status_names());
    options.status(*code);
  }
  const Paging paging = paging_from(invocation);
  options.per_page(paging.per_page).page(paging.page);
  if (auto sort_by = invocation.get<std::string>("sort-by")) options.sort_by(*sort_by);
  if (auto order = invocation.get<std::string>("order")) {
    if (*order != "asc" && *order != "desc") throw UsageError("--order must be asc or desc, not '" + *order + "'");
    options.order(*order);
  }
  if (auto search = invocation.get<std::string>("search")) options.search_content(*search);
  return options;
}

Paging paging_from(const Invocation& invocation) {
  Paging paging;
  paging.all = invocation.flag("all");
  paging.page = invocation.get_or<int>("page", 1);
  paging.per_page = invocation.get_or<int>("per-page", 10);
  if (paging.page < 1) throw UsageError("--page must be 1 or more");
  if (paging.per_page < 1 || paging.per_page > 1000) throw UsageError("--per-page must be between 1 and 1000");
  if (auto max_items = invocation.get<std::int64_t>("max-items")) {
    if (*max_items < 1) throw UsageError("--max-items must be 1 or more");
    paging.max_items = *max_items;
  }
  return paging;
}

}  // namespace modelarts::cli
