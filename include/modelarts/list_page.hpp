// SPDX-License-Identifier: Apache-2.0
// ListPage<T>: one page of any list call (training jobs, configs, visualization jobs, label jobs, and the
// pages a Pager fetches): its rows, the service's counts and quota, and the reply as received.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace modelarts {

template <class T>
struct ListPage {
  std::vector<T> items;           ///< the rows (the reply's jobs[] or configs[])
  /// Rows matching the call over all pages (job_total_count, config_total_count); 0 when not reported.
  std::int64_t total_count = 0;
  /// How many more may be created (job_count_limit, manual_annotation_count_limit); 0 when not reported.
  std::int64_t count_limit = 0;
  std::int64_t quotas = 0;        ///< the quota (training and visualization jobs); 0 when not reported
  std::string raw_json;           ///< the whole reply as received; empty for pages a Pager built
};

}  // namespace modelarts
