// SPDX-License-Identifier: Apache-2.0
// The measurements of modelarts-bench; each prints RESULT lines (result_line.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bench_target.hpp"

namespace bench {

/// 1. Sequential get_visualization_job_info through the SDK vs the bare keep-alive Beast loop on the same
/// path, alternating rounds of `seconds` each; the best round of each counts. Results are named
/// `<prefix>.sdk.*` and `<prefix>.bare_beast.*`.
void measure_sequential_calls(const BenchTarget& target, const std::string& job_id, double seconds, int rounds,
                              const std::string& prefix);

/// Only one client of measurement 1 ("sdk" or "bare") for `seconds`: a process to run under perf or strace.
void profile_one_client(const BenchTarget& target, const std::string& job_id, double seconds,
                        const std::string& client);

/// 3. The same call from 1, 2, 4, 8... threads sharing one Session: throughput, p50 and p99 latency.
void measure_threaded_calls(const BenchTarget& target, const std::string& job_id, double seconds,
                            const std::vector<int>& thread_counts);

/// 4. sign_request alone vs bare OpenSSL SHA-256 + HMAC-SHA256 over the same bytes, on this thread.
void measure_signing(const BenchTarget& target, const std::string& job_id, double seconds);

/// 8. v2 get_job_info and get_job_list (a search for one page of 10 jobs, created first when the emulator has
/// fewer) through the SDK vs the bare keep-alive Beast loop on the same request (the search a POST with the SDK's
/// body), as measurement 1. Results `v2_get.*` and `v2_search.*`.
void measure_v2_calls(const BenchTarget& target, double seconds, int rounds);

/// 5. Every visualization job through the lazy pager: jobs/s and resident memory growth.
void measure_listing(const BenchTarget& target, int per_page, std::int64_t expected_jobs);

/// 6. OBS: a `file_mb` MiB file (multipart, `part_mb` parts, `parallelism` in flight) and a tree of `tree_files`
/// 4 KiB files uploaded through session.obs() vs a bare keep-alive Beast PUT loop of the same bytes; the SDK's
/// peak RSS growth during the large upload. Files are written under `work_dir` and removed afterwards.
void measure_obs_uploads(const BenchTarget& target, std::uint64_t file_mb, int tree_files, std::uint64_t part_mb,
                         int parallelism, const std::string& work_dir);

}  // namespace bench
