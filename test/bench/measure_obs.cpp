// SPDX-License-Identifier: Apache-2.0
// 6. OBS uploads to the emulator: a large file (multipart) and a tree of small files through session.obs(),
// against the least a client can do for the same bytes: one keep-alive Boost.Beast connection PUTting each
// part (or file) as an object, signed by hand. Also the SDK's peak resident memory during the large upload,
// which must stay near part_size x parallelism however large the file is, and each client's own CPU time per
// MiB (or per file): on a small machine the emulator bounds every client's throughput, the CPU time does not.
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <modelarts/obs.hpp>
#include <modelarts/obs_signer.hpp>
#include <modelarts/session.hpp>

#include "measurements.hpp"
#include "process_memory.hpp"
#include "result_line.hpp"
#include "stats.hpp"

namespace bench {
namespace {

namespace fs = std::filesystem;
namespace http = boost::beast::http;
using Clock = std::chrono::steady_clock;

constexpr const char* kBucket = "modelarts-emulator";

void write_random_file(const fs::path& path, std::uint64_t size, unsigned seed) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  std::mt19937_64 engine(seed);
  std::string block(1024 * 1024, '\0');
  for (std::uint64_t written = 0; written < size; written += block.size()) {
    for (std::size_t i = 0; i + 8 <= block.size(); i += 8) {
      const std::uint64_t value = engine();
      std::memcpy(&block[i], &value, 8);
    }
    out.write(block.data(), static_cast<std::streamsize>(std::min<std::uint64_t>(block.size(), size - written)));
  }
}

/// The baseline: sequential signed PUTs on one keep-alive connection, each body read from the file first.
class BarePutLoop {
 public:
  explicit BarePutLoop(const BenchTarget& target) : target_(target), socket_(io_) {
    boost::asio::ip::tcp::resolver resolver(io_);
    boost::asio::connect(socket_, resolver.resolve(target.host, std::to_string(target.port)));
  }

  void put(const std::string& key, std::string body) {
    const std::string path = "/" + std::string(kBucket) + "/" + modelarts::obs::encode_object_key(key);
    const std::string date = modelarts::obs::format_http_date(std::chrono::system_clock::now());
    http::request<http::string_body> request{http::verb::put, path, 11};
    request.set(http::field::host, target_.host + ":" + std::to_string(target_.port));
    request.set(http::field::date, date);
    request.set(http::field::authorization,
                "OBS " + target_.access_key + ":" +
                    modelarts::obs::signature_of(target_.secret_key, "PUT\n\n\n" + date + "\n" + path));
    request.body() = std::move(body);
    request.prepare_payload();
    http::write(socket_, request);
    http::response<http::string_body> response;
    http::read(socket_, buffer_, response);
    if (response.result_int() != 200) throw std::runtime_error("bare PUT -> " + std::to_string(response.result_int()));
  }

 private:
  const BenchTarget& target_;
  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_;
  boost::beast::flat_buffer buffer_;
};

std::string read_part(const fs::path& file, std::uint64_t offset, std::uint64_t size) {
  std::ifstream in(file, std::ios::binary);
  in.seekg(static_cast<std::streamoff>(offset));
  std::string data(size, '\0');
  in.read(data.data(), static_cast<std::streamsize>(size));
  return data;
}

}  // namespace

void measure_obs_uploads(const BenchTarget& target, std::uint64_t file_mb, int tree_files, std::uint64_t part_mb,
                         int parallelism, const std::string& work_dir) {
  const fs::path dir = fs::path(work_dir) / ("obs-bench-" + std::to_string(::getpid()));
  const fs::path big = dir / "big.bin";
  const std::uint64_t size = file_mb * 1024 * 1024;
  const std::uint64_t part = part_mb * 1024 * 1024;
  write_random_file(big, size, 1);
  for (int i = 0; i < tree_files; ++i) write_random_file(dir / "tree" / ("f" + std::to_string(i) + ".bin"), 4096, static_cast<unsigned>(i) + 2);
  const double mb = static_cast<double>(size) / (1024.0 * 1024.0);

  const modelarts::Session session = target.session();
  const auto options = modelarts::obs::TransferOptions{}.part_size(part).multipart_threshold(part).parallelism(parallelism);
  const std::string url = std::string("obs://") + kBucket + "/bench/";

  // The large file: SDK (multipart, parallel) vs the bare loop (the same parts, one after another).
  reset_peak_resident();
  const std::int64_t rss_before = resident_kib();
  auto start = Clock::now();
  double cpu_start = process_cpu_seconds();
  session.obs().upload_file(big.string(), url + "sdk/", options);
  const double sdk_seconds = seconds_since(start);
  print_result("obs.large_file.sdk.cpu_ms_per_mb", (process_cpu_seconds() - cpu_start) * 1000 / mb, "ms");
  const std::int64_t peak = peak_resident_kib();
  print_result("obs.large_file.sdk.throughput", mb / sdk_seconds, "MB/s");
  print_result("obs.large_file.sdk.peak_rss_growth", static_cast<double>(peak - rss_before) / 1024.0, "MiB");
  print_result("obs.large_file.part_size_x_parallelism", static_cast<double>(part_mb * static_cast<std::uint64_t>(parallelism)), "MiB");
  {
    BarePutLoop bare(target);
    start = Clock::now();
    cpu_start = process_cpu_seconds();
    for (std::uint64_t offset = 0, n = 0; offset < size; offset += part, ++n) {
      bare.put("bench/bare/part-" + std::to_string(n), read_part(big, offset, std::min(part, size - offset)));
    }
    const double bare_seconds = seconds_since(start);
    print_result("obs.large_file.bare_beast.cpu_ms_per_mb", (process_cpu_seconds() - cpu_start) * 1000 / mb, "ms");
    print_result("obs.large_file.bare_beast.throughput", mb / bare_seconds, "MB/s");
    print_result("obs.large_file.sdk_vs_bare", bare_seconds / sdk_seconds, "x");
  }

  // The tree: upload_dir vs the bare loop over the same files.
  start = Clock::now();
  cpu_start = process_cpu_seconds();
  session.obs().upload_dir((dir / "tree").string(), url + "sdk-tree/", options);
  const double sdk_tree = seconds_since(start);
  print_result("obs.tree.sdk.cpu_us_per_file", (process_cpu_seconds() - cpu_start) * 1e6 / tree_files, "us");
  print_result("obs.tree.sdk.files_per_second", tree_files / sdk_tree, "files/s");
  {
    BarePutLoop bare(target);
    start = Clock::now();
    cpu_start = process_cpu_seconds();
    for (int i = 0; i < tree_files; ++i) {
      bare.put("bench/bare-tree/f" + std::to_string(i) + ".bin",
               read_part(dir / "tree" / ("f" + std::to_string(i) + ".bin"), 0, 4096));
    }
    const double bare_tree = seconds_since(start);
    print_result("obs.tree.bare_beast.cpu_us_per_file", (process_cpu_seconds() - cpu_start) * 1e6 / tree_files, "us");
    print_result("obs.tree.bare_beast.files_per_second", tree_files / bare_tree, "files/s");
    print_result("obs.tree.sdk_vs_bare", bare_tree / sdk_tree, "x");
  }
  std::error_code ignored;
  fs::remove_all(dir, ignored);
}

}  // namespace bench
