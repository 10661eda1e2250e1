#include "list_flags.hpp"

#include "usage_error.hpp"

namespace modelarts::cli {

void add_list_flags(po::options_description& options, bool with_status) {
  if (with_status) options.add_options()("status", po::value<int>()->value_name("CODE"), "only jobs in this status (e.g. 8 running, 10 completed)");
  options.add_options()
      ("per-page", po::value<int>()->value_name("N"), "items per page (default 10)")
      ("page", po::value<int>()->value_name("N"), "page number, from 1 (default 1)")
      ("sort-by", po::value<std::string>()->value_name("FIELD"), "sort key, e.g. job_name or create_time")
      ("order", po::value<std::string>()->value_name("asc|desc"), "sort order")
      ("search", po::value<std::string>()->value_name("TEXT"), "only names containing TEXT")
      ("all", po::bool_switch(), "every page, not only one (-o json: an array of the items)");
}

ListOptions list_options_from(const Invocation& invocation) {
  ListOptions options;
  if (auto status = invocation.get<int>("status")) options.status(*status);
  if (auto per_page = invocation.get<int>("per-page")) options.per_page(*per_page);
  if (auto page = invocation.get<int>("page")) options.page(*page);
  if (auto sort_by = invocation.get<std::string>("sort-by")) options.sort_by(*sort_by);
  if (auto order = invocation.get<std::string>("order")) {
    if (*order != "asc" && *order != "desc") throw UsageError("--order must be asc or desc, not '" + *order + "'");
    options.order(*order);
  }
  if (auto search = invocation.get<std::string>("search")) options.search_content(*search);
  return options;
}

bool wants_all_pages(const Invocation& invocation) { return invocation.flag("all"); }

}  // namespace modelarts::cli
