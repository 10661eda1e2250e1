// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <thread>

#include <modelarts/signer.hpp>
#include <modelarts/visualization_job.hpp>

#include "bare_beast_client.hpp"
#include "measurements.hpp"
#include "result_line.hpp"
#include "stats.hpp"

namespace bench {

namespace {

struct Rate {
  double calls_per_s = 0;     ///< wall clock
  double cpu_us_per_call = 0; ///< this process's CPU time (the client's own cost, whatever the load)
};

// Calls `call` back to back for `seconds`.
template <class Call>
Rate run_for(double seconds, Call&& call) {
  std::int64_t calls = 0;
  const auto start = Clock::now();
  const double cpu_start = process_cpu_seconds();
  double elapsed = 0;
  do {
    for (int i = 0; i < 64; ++i) call();
    calls += 64;
    elapsed = seconds_since(start);
  } while (elapsed < seconds);
  const double n = static_cast<double>(calls);
  return {n / elapsed, (process_cpu_seconds() - cpu_start) * 1e6 / n};
}

// Best of rounds: highest throughput, lowest CPU per call.
void keep_best(Rate& best, const Rate& round) {
  best.calls_per_s = std::max(best.calls_per_s, round.calls_per_s);
  best.cpu_us_per_call = best.cpu_us_per_call == 0 ? round.cpu_us_per_call
                                                    : std::min(best.cpu_us_per_call, round.cpu_us_per_call);
}

// The headers the SDK sends for a GET, signed once: the emulator accepts a signature for 15 minutes and the
// whole run is shorter, so the bare loop pays no signing cost at all.
std::vector<std::pair<std::string, std::string>> signed_get_headers(const BenchTarget& target,
                                                                    const std::string& path,
                                                                    std::string& wire_target) {
  modelarts::SignableRequest request;
  request.method = "GET";
  request.host = target.host + ":" + std::to_string(target.port);
  request.path = path;
  request.headers = {{"Content-Type", "application/json"},
                     {"X-Project-Id", target.project_id},
                     {"User-Agent", "modelarts-bench-bare"}};
  auto signed_request = modelarts::sign_request(
      request, {target.access_key, target.secret_key, {}},
      modelarts::format_sdk_date(std::chrono::system_clock::now()));
  wire_target = signed_request.target;
  return signed_request.headers;
}

}  // namespace

void profile_one_client(const BenchTarget& target, const std::string& job_id, double seconds,
                        const std::string& client) {
  const modelarts::Session session = target.session();
  const modelarts::VisualizationJob job(session, job_id);
  std::string wire_target;
  const auto headers = signed_get_headers(target, "/v1/" + target.project_id + "/visualization-jobs/" + job_id,
                                          wire_target);
  BareBeastClient bare(target.host, target.port, wire_target, headers);
  std::size_t sink = 0;
  const Rate rate = client == "bare" ? run_for(seconds, [&] { sink += bare.get(); })
                                     : run_for(seconds, [&] { sink += job.get_visualization_job_info().job_name.size(); });
  print_result("profile." + client + ".calls_per_s", rate.calls_per_s, "calls/s");
  print_result("profile." + client + ".cpu_us_per_call", rate.cpu_us_per_call, "us");
  if (sink == 0) throw std::runtime_error("empty replies");
}

void measure_sequential_calls(const BenchTarget& target, const std::string& job_id, double seconds, int rounds,
                              const std::string& prefix) {
  const modelarts::Session session = target.session();
  const modelarts::VisualizationJob job(session, job_id);
  const std::string path = "/v1/" + target.project_id + "/visualization-jobs/" + job_id;
  std::string wire_target;
  const auto headers = signed_get_headers(target, path, wire_target);
  BareBeastClient bare(target.host, target.port, wire_target, headers);

  std::size_t sink = 0;
  // warm-up: connections open, caches hot, and both answer the same job
  for (int i = 0; i < 200; ++i) {
    sink += bare.get();
    sink += job.get_visualization_job_info().job_name.size();
  }
  Rate best_bare, best_sdk;
  for (int round = 0; round < rounds; ++round) {
    keep_best(best_bare, run_for(seconds, [&] { sink += bare.get(); }));
    keep_best(best_sdk, run_for(seconds, [&] { sink += job.get_visualization_job_info().job_name.size(); }));
  }
  if (sink == 0) throw std::runtime_error("empty replies");
  print_result(prefix + ".bare_beast.calls_per_s", best_bare.calls_per_s, "calls/s");
  print_result(prefix + ".sdk.calls_per_s", best_sdk.calls_per_s, "calls/s");
  print_result(prefix + ".bare_beast.cpu_us_per_call", best_bare.cpu_us_per_call, "us");
  print_result(prefix + ".sdk.cpu_us_per_call", best_sdk.cpu_us_per_call, "us");
}

void measure_threaded_calls(const BenchTarget& target, const std::string& job_id, double seconds,
                            const std::vector<int>& thread_counts) {
  const modelarts::Session session = target.session();
  for (const int threads : thread_counts) {
    std::vector<std::vector<double>> latencies(static_cast<std::size_t>(threads));
    std::atomic<bool> go{false};
    std::atomic<int> failures{0};
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
      workers.emplace_back([&, t] {
        const modelarts::VisualizationJob job(session, job_id);  // each thread its handle, one shared Session
        auto& mine = latencies[static_cast<std::size_t>(t)];
        mine.reserve(200000);
        for (int i = 0; i < 20; ++i) job.get_visualization_job_info();  // opens this thread's connection
        while (!go.load()) std::this_thread::yield();
        const auto start = Clock::now();
        while (seconds_since(start) < seconds) {
          const auto before = Clock::now();
          try {
            job.get_visualization_job_info();
          } catch (const std::exception&) {
            ++failures;
          }
          mine.push_back(seconds_since(before) * 1e6);
        }
      });
    }
    const auto start = Clock::now();
    const double cpu_start = process_cpu_seconds();
    go = true;
    for (auto& worker : workers) worker.join();
    const double wall = seconds_since(start);
    const double cpu = process_cpu_seconds() - cpu_start;
    std::vector<double> all;
    for (auto& samples : latencies) all.insert(all.end(), samples.begin(), samples.end());
    const std::string prefix = "threads." + std::to_string(threads) + ".";
    print_result(prefix + "calls_per_s", static_cast<double>(all.size()) / wall, "calls/s");
    print_result(prefix + "p50_us", percentile(all, 0.50), "us");
    print_result(prefix + "p99_us", percentile(all, 0.99), "us");
    print_result(prefix + "cpu_us_per_call", cpu * 1e6 / static_cast<double>(all.size()), "us");
    print_result(prefix + "failures", failures.load(), "calls");
  }
}

}  // namespace bench
