// SPDX-License-Identifier: Apache-2.0
// Timing helpers shared by the measurements: a monotonic stopwatch and latency percentiles.
#pragma once

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <vector>

namespace bench {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// CPU time consumed so far by this process (all threads) / by the calling thread, in seconds. On a shared
/// machine wall time also counts waiting for a core; CPU time counts only the work.
inline double process_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}
inline double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

/// The q-quantile (0..1) of `samples` (any order; sorted in place), nearest-rank.
inline double percentile(std::vector<double>& samples, double q) {
  if (samples.empty()) return 0;
  std::sort(samples.begin(), samples.end());
  const auto last = samples.size() - 1;
  const auto rank = static_cast<std::size_t>(q * static_cast<double>(last) + 0.5);
  return samples[std::min(rank, last)];
}

}  // namespace bench
