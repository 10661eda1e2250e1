// ListOptions: the keyword arguments of the v1 list calls (training jobs, configs, visualization jobs).
// Unset sort and order are not sent, so the service's documented defaults apply.
#pragma once

#include <optional>
#include <string>

#include <modelarts/options.hpp>

namespace modelarts {

class ListOptions {
  /// Status filter (status.hpp); training and visualization lists only.
  MODELARTS_OPTION(std::optional<int>, status);
  MODELARTS_OPTION(int, per_page){10};   ///< 1..1000
  MODELARTS_OPTION(int, page){1};        ///< 1..65535; the first page a pager fetches
  /// Sent as sortBy (the REST name), whichever authentication the session uses (Python: sortBy/sort_by).
  MODELARTS_OPTION(std::string, sort_by);
  MODELARTS_OPTION(std::string, order);  ///< "asc" or "desc"
  MODELARTS_OPTION(std::string, search_content);
};

}  // namespace modelarts
