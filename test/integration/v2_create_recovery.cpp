// SPDX-License-Identifier: Apache-2.0
// A v2 create cannot duplicate. Against an emulator that faults a share of requests (429, 500, 503,
// delays, and replies cut off after the create took effect), every fit() succeeds and makes exactly one job of
// its name, and returns that job: a lost answer is recovered by the search by name, never by a second create.
#include <boost/test/unit_test.hpp>

#include <map>
#include <string>

#include "support/api_emulator_fixture.hpp"

using namespace modelarts;
using namespace modelarts::test;
namespace mt = modelarts::testing;
namespace v2 = modelarts::v2;
using namespace std::chrono_literals;

namespace {

v2::EstimatorOptions custom_image(int n) {
  return v2::EstimatorOptions{}
      .user_image_url("swr.cn-north-4.myhuaweicloud.com/team/train:1." + std::to_string(n))
      .user_command("python /app/train.py")
      .train_instance_type("modelarts.vm.cpu.8u")
      .train_instance_count(1)
      .job_description("recovery " + std::to_string(n));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(v2_create_recovery)

BOOST_AUTO_TEST_CASE(faulted_creates_make_one_job_each_and_return_it) {
  mt::Emulator emulator(mt::EmulatorOptions{}.time_scale(1000).fault_rate(0.4).fault_seed(15).retry_after_seconds(0));
  const Session session(emulator.session_options().retry(
      RetryOptions{}.max_attempts(12).initial_backoff(1ms).max_backoff(4ms).max_total(60s)));
  constexpr int kJobs = 24;
  std::map<std::string, std::string> returned;  // name -> ID fit() returned
  for (int n = 0; n < kJobs; ++n) {
    const std::string name = "v2-recovery-" + std::to_string(n);
    returned[name] = v2::Estimator(session, custom_image(n)).fit({}, false, name).job_id();
  }
  const std::uint64_t faults = emulator.stats().faults_injected;
  BOOST_TEST(faults >= 10u, "the faults exercised the creates (" << faults << ")");

  emulator.set_fault_rate(0.0);
  const Session checker(emulator.session_options());
  std::map<std::string, int> count;
  std::map<std::string, std::string> id_of;
  for (const v2::TrainingJob& job : v2::TrainingJob::list(checker, v2::SearchOptions{}.limit(50))) {
    const v2::TrainingJobInfo& info = job.info();
    ++count[info.metadata.name];
    id_of[info.metadata.name] = info.metadata.id;
  }
  BOOST_TEST(count.size() == static_cast<std::size_t>(kJobs));
  for (const auto& [name, id] : returned) {
    BOOST_TEST_CONTEXT(name) {
      BOOST_TEST(count[name] == 1);  // never two
      BOOST_TEST(id_of[name] == id);  // and the one returned is the one made
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
