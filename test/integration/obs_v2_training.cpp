// SPDX-License-Identifier: Apache-2.0
// The v2/OBS joins against the in-process emulator: v2::Estimator::fit with a local code_dir and an
// obs_path uploads first (content-addressed prefix) then creates; bad local code is refused before anything is
// sent; the emulator's create checks code_dir and boot_file in its OBS (2757, 2758); jobs export their logs to
// log_export_path; the log URL is a pre-signed link the emulator serves; follow_logs backfills a moved window
// from the exported log.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

#include <boost/test/unit_test.hpp>

#include <modelarts/error.hpp>
#include <modelarts/obs.hpp>
#include <modelarts/session.hpp>
#include <modelarts/testing/emulator.hpp>
#include <modelarts/v2/estimator.hpp>

#include "support/http_client.hpp"
#include "support/temp_dir.hpp"

namespace {

namespace fs = std::filesystem;
using modelarts::test::TempDir;
namespace mt = modelarts::testing;
namespace v2 = modelarts::v2;
using std::chrono::milliseconds;

const std::string kBucket = std::string("obs://") + mt::kDefaultBucket + "/";
constexpr const char* kPyTorch = "pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64";

v2::EstimatorOptions pytorch(v2::TrainingFiles files, const std::string& log_url) {
  return v2::EstimatorOptions{}
      .training_files(std::move(files))
      .framework_type("PyTorch")
      .framework_version(kPyTorch)
      .train_instance_type("modelarts.vm.cpu.8u")
      .log_url(log_url)
      .wait_options(v2::WaitOptions{}
                        .initial_interval(milliseconds(5))
                        .max_interval(milliseconds(40))
                        .timeout(std::chrono::seconds(20)));
}

struct Fixture {
  explicit Fixture(mt::EmulatorOptions options = mt::EmulatorOptions{}.time_scale(1000))
      : emulator(std::move(options)), session(emulator.session_options()) {}
  std::size_t objects_under(const std::string& prefix) const { return session.obs().list(prefix).all().size(); }
  mt::Emulator emulator;
  modelarts::Session session;
  TempDir dir{"obs-v2"};
};

}  // namespace

BOOST_AUTO_TEST_SUITE(obs_v2_training)

BOOST_AUTO_TEST_CASE(fit_uploads_a_local_code_dir_then_creates_the_job) {
  Fixture f;
  f.dir.write("code/train.py", "print('hi')\n");
  f.dir.write("code/pkg/util.py", "X = 1\n");
  const std::string local = (f.dir.path / "code").string();
  const auto options = pytorch({local, "train.py", kBucket + "stage/"}, kBucket + "logs/");
  const v2::TrainingJob job = v2::Estimator(f.session, options).fit({}, false, "local-code");
  const v2::TrainingJobInfo info = job.get_job_info();
  const std::string code_dir = info.algorithm.code_dir;
  BOOST_TEST(code_dir.rfind(kBucket + "stage/", 0) == 0, code_dir);
  BOOST_TEST(code_dir.size() == kBucket.size() + std::string("stage/").size() + 16 + std::string("/code/").size(),
             code_dir);
  BOOST_TEST(info.algorithm.boot_file == code_dir + "train.py");
  BOOST_TEST(f.session.obs().get_object(code_dir + "train.py") == "print('hi')\n");
  BOOST_TEST(f.session.obs().get_object(code_dir + "pkg/util.py") == "X = 1\n");

  // The boot file is sent as its key: "./pkg//util.py" is pkg/util.py under the prefix.
  const v2::TrainingJob spelled = v2::Estimator(f.session, pytorch({local, "./pkg//util.py", kBucket + "stage/"}, ""))
                                      .fit({}, false, "local-code-spelled");
  BOOST_TEST(spelled.get_job_info().algorithm.boot_file == code_dir + "pkg/util.py");

  // The same tree goes to the same prefix (a retried fit re-uses it); a changed one to another.
  const v2::TrainingJob again = v2::Estimator(f.session, options).fit({}, false, "local-code-2");
  BOOST_TEST(again.get_job_info().algorithm.code_dir == code_dir);
  f.dir.write("code/train.py", "print('changed')\n");
  const v2::TrainingJob changed = v2::Estimator(f.session, options).fit({}, false, "local-code-3");
  BOOST_TEST(changed.get_job_info().algorithm.code_dir != code_dir);
  BOOST_TEST(v2::succeeded(changed.wait()));
}

BOOST_AUTO_TEST_CASE(bad_local_code_is_refused_before_anything_is_sent) {
  Fixture f;
  f.dir.write("code/train.py", "print('hi')\n");
  f.dir.write("outside.py", "print('no')\n");
  const std::string local = (f.dir.path / "code").string();
  const std::string stage = kBucket + "refused/";
  const auto refused = [&](v2::EstimatorOptions options) {
    BOOST_CHECK_THROW(v2::Estimator(f.session, std::move(options)).fit({}, false, "refused"),
                      modelarts::InvalidArgumentError);
  };
  refused(pytorch({(f.dir.path / "missing").string(), "train.py", stage}, ""));
  refused(pytorch({local, "nope.py", stage}, ""));
  refused(pytorch({local, "../outside.py", stage}, ""));
  refused(pytorch({local, "train.py", "not-obs"}, ""));
  refused(pytorch({local, "train.py", ""}, ""));  // a local directory without obs_path is not an OBS path
  refused(pytorch({kBucket + "code/", "a/../../x.py", ""}, ""));  // a boot file climbing out of code_dir
  refused(pytorch({local, "train.py", stage}, "").train_instance_type(""));  // any other problem too
  BOOST_TEST(f.objects_under(stage) == 0u);
  BOOST_TEST(f.session.obs().list(kBucket).all().empty());
}

BOOST_AUTO_TEST_CASE(the_emulator_checks_code_dir_and_boot_file_in_its_obs) {
  Fixture f;
  const auto create = [&](const std::string& code_dir) {
    return v2::Estimator(f.session, pytorch({code_dir, "train.py", ""}, "")).fit({}, false, "checked");
  };
  try {
    create(kBucket + "no-code/");
    BOOST_FAIL("expected ModelArts.2757");
  } catch (const modelarts::ApiError& e) {
    BOOST_TEST(e.error_code() == "ModelArts.2757");
    BOOST_TEST(e.http_status() == 400);
  }
  f.session.obs().put_object(kBucket + "code/other.py", "x");
  try {
    create(kBucket + "code/");
    BOOST_FAIL("expected ModelArts.2758");
  } catch (const modelarts::ApiError& e) {
    BOOST_TEST(e.error_code() == "ModelArts.2758");
  }
  f.session.obs().put_object(kBucket + "code/train.py", "print(1)");
  BOOST_TEST(!create(kBucket + "code/").job_id().empty());
  // A bucket the emulator does not hold stands for one outside it: not checked.
  BOOST_TEST(!v2::Estimator(f.session, pytorch({"obs://elsewhere/code/", "train.py", ""}, ""))
                  .fit({}, false, "outside")
                  .job_id()
                  .empty());
}

BOOST_AUTO_TEST_CASE(the_log_url_is_a_presigned_link_to_the_exported_log) {
  Fixture f;
  f.session.obs().put_object(kBucket + "code/train.py", "print(1)");
  const v2::TrainingJob job =
      v2::Estimator(f.session, pytorch({kBucket + "code/", "train.py", ""}, kBucket + "logs/")).fit({}, false, "logs");
  BOOST_TEST(v2::succeeded(job.wait()));
  const std::string url = job.get_job_log_url("worker-0");
  const std::string object = "/" + std::string(mt::kDefaultBucket) + "/logs/modelarts-job-" + job.job_id() + "-worker-0.log";
  BOOST_TEST_REQUIRE(url.rfind(f.emulator.endpoint() + object + "?", 0) == 0, url);
  BOOST_TEST(url.find("Signature=") != std::string::npos);
  const std::string exported = f.session.obs().get_object("obs:/" + object);
  BOOST_TEST(exported.find("[worker-0] Training finished. Exit code 0.") != std::string::npos, exported);

  // Plain GETs without any credentials: the link works as given, and not once it is altered.
  modelarts::test::HttpClient client(f.emulator.port(), f.emulator.certificate_pem());
  const std::string target = url.substr(f.emulator.endpoint().size());
  const auto reply = client.request(boost::beast::http::verb::get, target);
  BOOST_TEST(reply.status() == 200);
  BOOST_TEST(reply.response.body() == exported);
  const auto forged = client.request(boost::beast::http::verb::get, target.substr(0, target.size() - 2) + "AA");
  BOOST_TEST(forged.status() == 403);
  const auto other = client.request(boost::beast::http::verb::get,
                                    "/" + std::string(mt::kDefaultBucket) + "/code/train.py" + target.substr(target.find('?')));
  BOOST_TEST(other.status() == 403);
}

BOOST_AUTO_TEST_CASE(follow_logs_backfills_a_moved_window_from_the_exported_log) {
  // A 200-byte window at 50x (a log line every 10 ms) polled every 60 ms: the window moves past bytes between
  // two polls. With the log exported to the emulator's OBS nothing is lost; with it in a bucket outside the
  // emulator the same run shows the marker line.
  const auto follow = [](const std::string& log_url) {
    Fixture f(mt::EmulatorOptions{}.time_scale(50).v2_log_window(200));
    f.session.obs().put_object(kBucket + "code/train.py", "print(1)");
    const v2::TrainingJob job =
        v2::Estimator(f.session, pytorch({kBucket + "code/", "train.py", ""}, log_url)).fit({}, false, "follow");
    std::string log;
    const v2::TrainingJobInfo done = job.follow_logs(
        "worker-0", [&](std::string_view text) { log += text; }, v2::FollowOptions{}.poll_interval(milliseconds(60)));
    BOOST_TEST(v2::succeeded(done));
    return log;
  };
  const std::string log = follow(kBucket + "logs/");
  BOOST_TEST(log.find("[modelarts:") == std::string::npos, log.substr(0, 400));
  std::size_t at = 0;
  for (int step = 1; step <= 100; ++step) {
    char expect[40];
    std::snprintf(expect, sizeof expect, "step %06d ", step);
    const std::size_t found = log.find(expect, at);
    BOOST_TEST_REQUIRE(found != std::string::npos, "missing " << expect);
    at = found + 1;
  }
  BOOST_TEST(follow("obs://elsewhere/logs/").find("[modelarts:") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
