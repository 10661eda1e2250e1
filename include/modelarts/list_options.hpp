// SPDX-License-Identifier: Apache-2.0
// ListOptions: the keyword arguments of the v1 list calls (training jobs, configs, visualization jobs).
// An empty sort_by or order means the Python SDK's default, which is sent, so a ported call lists rows in the
// same order: training jobs sortBy=job_name&order=desc, configs order=asc (sortBy: the service's config_name),
// visualization jobs sortBy=job_name&order=asc. Explicit values are sent as given.
#pragma once

#include <optional>
#include <string>

#include <modelarts/options.hpp>

namespace modelarts {

class ListOptions {
  /// Status filter (status.hpp); training and visualization lists only.
  MODELARTS_OPTION(std::optional<int>, status);
  /// 1..1000 (the service's limit; the Python SDK doc says 1..100 for visualization jobs). Beyond it:
  /// InvalidArgumentError, nothing sent.
  MODELARTS_OPTION(int, per_page){10};
  MODELARTS_OPTION(int, page){1};        ///< 1..65535; the first page a pager fetches
  /// Sent as sortBy (the REST name), whichever authentication the session uses (Python: sortBy/sort_by);
  /// empty: the Python default (above).
  MODELARTS_OPTION(std::string, sort_by);
  MODELARTS_OPTION(std::string, order);  ///< "asc" or "desc"; empty: the Python default (above)
  /// At most 64 bytes (the service's limit; the Python SDK doc says 100). Longer: InvalidArgumentError,
  /// nothing sent.
  MODELARTS_OPTION(std::string, search_content);
};

}  // namespace modelarts
