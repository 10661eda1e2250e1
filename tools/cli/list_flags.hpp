// The list options shared by training jobs, configs and visualization jobs (--status, --per-page, --page,
// --sort-by, --order, --search, --all).
#pragma once

#include <modelarts/list_options.hpp>

#include "command.hpp"

namespace modelarts::cli {

/// with_status: the list takes a status filter (training and visualization jobs).
void add_list_flags(po::options_description& options, bool with_status);
ListOptions list_options_from(const Invocation& invocation);
/// --all: page through every item instead of printing one page.
bool wants_all_pages(const Invocation& invocation);

}  // namespace modelarts::cli
