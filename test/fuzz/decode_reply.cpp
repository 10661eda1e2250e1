// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the SDK's decoding of a v1 reply, through the public API. The first input byte picks the call
// and the HTTP status, the rest is the reply body handed back by a transport. Anything but a modelarts::Error
// escaping (or a sanitizer report) is a finding.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include <modelarts/modelarts.hpp>

namespace {

using namespace modelarts;

/// Answers every request with the current fuzz input; keeps nothing, so memory stays flat over millions of runs.
class ReplayTransport : public HttpTransport {
 public:
  TransportResult send(const HttpRequest&) override { return response; }
  HttpResponse response;
};

/// Time that never passes on its own: retries of 5xx replies cost nothing.
class StillClock : public Clock {
 public:
  std::chrono::system_clock::time_point now() override { return std::chrono::system_clock::time_point(std::chrono::hours(480000)); }
  void sleep_for(std::chrono::milliseconds) override {}
};

struct Harness {
  std::shared_ptr<ReplayTransport> transport = std::make_shared<ReplayTransport>();
  Session session{SessionOptions{}
                      .access_key("FUZZACCESSKEY0000001")
                      .secret_key("fuzz-secret-key")
                      .project_id("0123456789abcdef0123456789abcdef")
                      .region_name("cn-north-4")
                      .modelarts_endpoint("https://modelarts.cn-north-4.myhuaweicloud.com")
                      .transport(transport)
                      .clock(std::make_shared<StillClock>())
                      .retry(RetryOptions{}.max_attempts(2))};
};

constexpr int kStatuses[] = {200, 200, 200, 201, 204, 400, 401, 404, 429, 500, 503};

void run_call(const Session& s, unsigned which) {
  switch (which % 14) {
    case 0: VisualizationJob(s, "10").get_visualization_job_info(); break;
    case 1: VisualizationJob::get_visualization_job_list(s); break;
    case 2: VisualizationJob(s).create_visualization_job("/bucket/out/", "fuzz-viz"); break;
    case 3: TrainingJob(s, "10", "2").get_job_info(); break;
    case 4: Estimator::get_job_list(s); break;
    case 5: TrainingJob(s, "10").get_job_version_info(); break;
    case 6: TrainingJob(s, "10", "2").get_job_log("x.log"); break;
    case 7: TrainingJob(s, "10", "2").get_job_log_file_list(); break;
    case 8: LabelApi(s).query_label_jobs(s.project_id()); break;
    case 9: LabelApi(s).query_validation(s.project_id(), "u1"); break;
    case 10: Estimator::get_train_instance_types(s); break;
    case 11: Estimator::get_framework_list(s); break;
    case 12: Estimator::get_job_configs_list(s); break;
    case 13: {
      std::size_t n = 0;
      for (const VisualizationJob& job : VisualizationJob::list(s)) {
        (void)job;
        if (++n > 100) break;  // a reply can claim any total; the pager's bound is not what is fuzzed here
      }
      break;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Harness harness;
  if (size < 1) return 0;
  const unsigned selector = data[0];
  harness.transport->response.status = kStatuses[(selector >> 4) % std::size(kStatuses)];
  harness.transport->response.headers = {{"Content-Type", "application/json"}};
  harness.transport->response.body.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    run_call(harness.session, selector & 0x0f);
  } catch (const modelarts::Error&) {
    // A clear error is a correct answer to a bad reply.
  }
  return 0;
}
