// SPDX-License-Identifier: Apache-2.0
// modelarts-bench: the C++ side of the benchmarks (docs/benchmarks.md). scripts/bench starts one emulator and runs this
// program, the Python and Node.js clients and wrk against it; test/bench/report.py prints the table.
//
//   modelarts-bench create-visualization-job --endpoint URL [--count N]     prints the new job IDs
//   modelarts-bench calls    --endpoint URL --job-id ID [--seconds S] [--rounds R] [--threads 1,2,4,8]
//   modelarts-bench sequential --endpoint URL --job-id ID --prefix NAME [--seconds S] [--rounds R]
//                            (measurement 1 alone, its results named NAME.*: scripts/bench runs it pinned)
//   modelarts-bench profile  --endpoint URL --job-id ID --client sdk|bare [--seconds S]   (to run under perf)
//   modelarts-bench signing  --endpoint URL --job-id ID [--seconds S]
//   modelarts-bench listing  --endpoint URL --jobs N [--per-page P]
//   modelarts-bench v2       --endpoint URL [--seconds S] [--rounds R]   (v2 get and search vs bare)
//   modelarts-bench obs      --endpoint URL [--file-mb 200] [--tree-files 1000] [--part-mb 8] [--parallelism 4]
//                            [--work-dir /tmp]
#include <cstdio>
#include <exception>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <modelarts/visualization_job.hpp>

#include "measurements.hpp"

namespace {

std::map<std::string, std::string> parse_flags(int argc, char** argv) {
  std::map<std::string, std::string> flags;
  for (int i = 2; i < argc; ++i) {
    const std::string name = argv[i];
    if (name.rfind("--", 0) != 0 || i + 1 >= argc) throw std::invalid_argument("expected --flag VALUE at " + name);
    flags[name.substr(2)] = argv[++i];
  }
  return flags;
}

std::string flag(const std::map<std::string, std::string>& flags, const std::string& name,
                 const std::string& fallback = {}) {
  const auto found = flags.find(name);
  if (found != flags.end()) return found->second;
  if (fallback.empty()) throw std::invalid_argument("missing --" + name);
  return fallback;
}

std::vector<int> int_list(const std::string& text) {
  std::vector<int> values;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, ',')) values.push_back(std::stoi(item));
  return values;
}

void create_visualization_jobs(const bench::BenchTarget& target, int count) {
  const modelarts::Session session = target.session();
  for (int i = 0; i < count; ++i) {
    const auto job = modelarts::VisualizationJob(session).create_visualization_job(
        "/bench-bucket/train-output/", "bench-vis-" + std::to_string(i), "benchmark job");
    std::printf("%s\n", job.job_id().c_str());
  }
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc < 2) {
    std::fprintf(stderr, "usage: modelarts-bench create-visualization-job|calls|signing|listing|v2 --endpoint URL ...\n");
    return 2;
  }
  const std::string command = argv[1];
  const auto flags = parse_flags(argc, argv);
  const bench::BenchTarget target = bench::make_target(flag(flags, "endpoint"));
  if (command == "create-visualization-job") {
    create_visualization_jobs(target, std::stoi(flag(flags, "count", "1")));
  } else if (command == "calls") {
    const std::string job_id = flag(flags, "job-id");
    const double seconds = std::stod(flag(flags, "seconds", "2"));
    bench::measure_sequential_calls(target, job_id, seconds, std::stoi(flag(flags, "rounds", "3")), "seq");
    bench::measure_threaded_calls(target, job_id, seconds, int_list(flag(flags, "threads", "1,2,4,8")));
  } else if (command == "sequential") {
    bench::measure_sequential_calls(target, flag(flags, "job-id"), std::stod(flag(flags, "seconds", "2")),
                                    std::stoi(flag(flags, "rounds", "3")), flag(flags, "prefix"));
  } else if (command == "profile") {
    bench::profile_one_client(target, flag(flags, "job-id"), std::stod(flag(flags, "seconds", "3")),
                              flag(flags, "client"));
  } else if (command == "signing") {
    bench::measure_signing(target, flag(flags, "job-id"), std::stod(flag(flags, "seconds", "1")));
  } else if (command == "v2") {
    bench::measure_v2_calls(target, std::stod(flag(flags, "seconds", "2")), std::stoi(flag(flags, "rounds", "3")));
  } else if (command == "listing") {
    bench::measure_listing(target, std::stoi(flag(flags, "per-page", "1000")), std::stoll(flag(flags, "jobs")));
  } else if (command == "obs") {
    bench::measure_obs_uploads(target, std::stoull(flag(flags, "file-mb", "200")),
                               std::stoi(flag(flags, "tree-files", "1000")), std::stoull(flag(flags, "part-mb", "8")),
                               std::stoi(flag(flags, "parallelism", "4")), flag(flags, "work-dir", "/tmp"));
  } else {
    std::fprintf(stderr, "unknown command %s\n", command.c_str());
    return 2;
  }
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "modelarts-bench: %s\n", e.what());
  return 1;
}
