// SPDX-License-Identifier: Apache-2.0
#include <optional>
#include <stdexcept>

#include <modelarts/visualization_job.hpp>

#include "measurements.hpp"
#include "process_memory.hpp"
#include "result_line.hpp"
#include "stats.hpp"

namespace bench {

namespace {

// Answers every request with the first reply the real transport gave: the pager then decodes the same page
// over and over (the reply still says how many jobs there are), so the service's cost drops out and what is
// left is the SDK's own cost per job.
class ReplayFirstReply : public modelarts::HttpTransport {
 public:
  explicit ReplayFirstReply(std::shared_ptr<modelarts::HttpTransport> real) : real_(std::move(real)) {}
  modelarts::TransportResult send(const modelarts::HttpRequest& request) override {
    if (recorded_) return *recorded_;
    auto result = real_->send(request);
    if (const auto* response = std::get_if<modelarts::HttpResponse>(&result); response && response->status == 200)
      recorded_ = *response;
    return result;
  }

 private:
  std::shared_ptr<modelarts::HttpTransport> real_;
  std::optional<modelarts::HttpResponse> recorded_;
};

void list_all(const modelarts::Session& session, int per_page, std::int64_t expected_jobs, const std::string& name) {
  // One warm-up call of a full page, so that the connection, the pool and the allocator's arenas exist before
  // "before" (and so that the replaying transport records a full page).
  modelarts::VisualizationJob::get_visualization_job_list(session, modelarts::ListOptions{}.per_page(per_page));
  reset_peak_resident();
  const std::int64_t before = resident_kib();
  std::int64_t peak = before;
  std::int64_t jobs = 0;
  std::size_t id_bytes = 0;
  auto pager = modelarts::VisualizationJob::list(session, modelarts::ListOptions{}.per_page(per_page));
  const auto start = Clock::now();
  for (const auto& job : pager) {
    id_bytes += job.job_id().size() + job.info().job_name.size();
    if (++jobs % per_page == 0) peak = std::max(peak, resident_kib());
  }
  const double elapsed = seconds_since(start);
  const std::int64_t after = resident_kib();
  const std::int64_t high_water = peak_resident_kib();
  if (jobs != expected_jobs || id_bytes == 0)
    throw std::runtime_error(name + ": listed " + std::to_string(jobs) + " jobs, expected " +
                             std::to_string(expected_jobs));
  print_result("list." + name + ".jobs", static_cast<double>(jobs), "jobs");
  print_result("list." + name + ".pages", static_cast<double>(pager.pages_fetched()), "pages");
  print_result("list." + name + ".jobs_per_s", static_cast<double>(jobs) / elapsed, "jobs/s");
  print_result("list." + name + ".rss_growth_peak_kib", static_cast<double>(peak - before), "KiB");
  print_result("list." + name + ".hwm_growth_kib", static_cast<double>(high_water - before), "KiB");
  print_result("list." + name + ".rss_growth_after_kib", static_cast<double>(after - before), "KiB");
}

}  // namespace

void measure_listing(const BenchTarget& target, int per_page, std::int64_t expected_jobs) {
  list_all(target.session(), per_page, expected_jobs, "emulator");
  modelarts::SessionOptions replay = target.session().options();
  replay.transport(std::make_shared<ReplayFirstReply>(modelarts::make_default_transport({})));
  list_all(modelarts::Session(replay), per_page, expected_jobs, "decode_only");
  // One page's reply, to compare the growth with.
  const auto page = modelarts::VisualizationJob::get_visualization_job_list(
      target.session(), modelarts::ListOptions{}.per_page(per_page));
  print_result("list.page_reply_kib", static_cast<double>(page.raw_json.size()) / 1024.0, "KiB");
}

}  // namespace bench
