// SPDX-License-Identifier: Apache-2.0
// The v1 Estimator trains from a local code directory as the v2 one does: with obs_path, the local tree is checked,
// uploaded into a content-addressed prefix and sent as app_url / boot_file_url ("/bucket/..." as v1 writes OBS
// paths); a dry run (config_json) names the same prefix and uploads nothing; a local code_dir without obs_path
// (relative, or an existing directory) is refused instead of being sent as if it were an OBS path.
#include <algorithm>
#include <string>

#include <boost/test/unit_test.hpp>

#include <modelarts/error.hpp>
#include <modelarts/estimator.hpp>
#include <modelarts/obs.hpp>
#include <modelarts/testing/emulator.hpp>

#include "support/api_emulator_fixture.hpp"
#include "support/estimator_options.hpp"
#include "support/temp_dir.hpp"

namespace {

namespace mt = modelarts::testing;
using namespace modelarts;
using modelarts::test::TempDir;

const std::string kBucket = std::string("obs://") + mt::kDefaultBucket + "/";
const std::string kStage = kBucket + "v1-stage/";

struct Fixture {
  test::ApiEmulator api{false, test::Auth::aksk};
  Session& session = api.session;
  TempDir dir{"obs-v1"};
  std::string local;

  Fixture() {
    dir.write("code/train.py", "print('v1')\n");
    dir.write("code/lib/helpers.py", "Y = 2\n");
    local = (dir.path / "code").string();
  }
  EstimatorOptions local_code(const std::string& boot_file = "train.py") const {
    return test::pytorch_on_cpu().code_dir(local).boot_file(boot_file).obs_path(kStage).wait_options(test::fast_wait());
  }
  std::size_t staged_objects() const { return session.obs().list(kStage).all().size(); }
  std::size_t jobs() const { return static_cast<std::size_t>(Estimator::get_job_list(session).total_count); }
};

/// "/bucket/key" (v1) as the obs:// URL the OBS client takes.
std::string obs_url(const std::string& v1_path) { return "obs:/" + v1_path; }

}  // namespace

BOOST_AUTO_TEST_SUITE(obs_v1_training)

BOOST_AUTO_TEST_CASE(fit_uploads_a_local_code_dir_then_sends_its_v1_path) {
  Fixture f;
  const TrainingJob job = Estimator(f.session, f.local_code()).fit(Inputs::obs("/bucket/data/"), false, "v1-local");
  const JobInfo info = job.get_job_info();
  const std::string prefix = "/" + std::string(mt::kDefaultBucket) + "/v1-stage/";
  BOOST_TEST(info.app_url.rfind(prefix, 0) == 0, info.app_url);
  BOOST_TEST(info.app_url.size() == prefix.size() + 16 + std::string("/code/").size(), info.app_url);
  BOOST_TEST(info.boot_file_url == info.app_url + "train.py");
  BOOST_TEST(f.session.obs().get_object(obs_url(info.app_url) + "train.py") == "print('v1')\n");
  BOOST_TEST(f.session.obs().get_object(obs_url(info.app_url) + "lib/helpers.py") == "Y = 2\n");
  BOOST_TEST(f.staged_objects() == 2u);

  // A config and a new version upload the same way; the unchanged tree lands on the same prefix.
  const TrainingJobConfig config = Estimator(f.session, f.local_code()).create_job_configs(Inputs::obs("/bucket/data/"), "v1cfg");
  BOOST_TEST(config.get_job_configs_info().app_url == info.app_url);
  f.dir.write("code/train.py", "print('v1 changed')\n");
  const TrainingJob version = Estimator(f.session, f.local_code())
                                  .create_job_version(job.job_id(), job.version_id(), Inputs::obs("/bucket/data/"));
  const std::string changed = version.get_job_info().app_url;
  BOOST_TEST(changed != info.app_url);
  BOOST_TEST(f.session.obs().get_object(obs_url(changed) + "train.py") == "print('v1 changed')\n");
}

BOOST_AUTO_TEST_CASE(a_dry_run_names_the_prefix_and_uploads_nothing) {
  Fixture f;
  const std::string config = Estimator(f.session, f.local_code()).config_json(Inputs::obs("/bucket/data/"));
  BOOST_TEST(f.staged_objects() == 0u);
  const TrainingJob job = Estimator(f.session, f.local_code()).fit(Inputs::obs("/bucket/data/"), false, "v1-dry");
  const std::string app_url = job.get_job_info().app_url;
  BOOST_TEST(config.find("\"app_url\":\"" + app_url + "\"") != std::string::npos, config);
}

BOOST_AUTO_TEST_CASE(bad_local_code_is_refused_before_anything_is_sent) {
  Fixture f;
  f.dir.write("outside.py", "print('no')\n");
  const auto refused = [&](EstimatorOptions options) {
    BOOST_CHECK_THROW(Estimator(f.session, std::move(options)).fit(Inputs::obs("/bucket/data/"), false, "v1-refused"),
                      InvalidArgumentError);
  };
  refused(f.local_code().code_dir((f.dir.path / "missing").string()));
  refused(f.local_code("nope.py"));
  refused(f.local_code("../outside.py"));
  refused(f.local_code((f.dir.path / "code" / "train.py").string()));  // absolute: not relative to code_dir
  refused(f.local_code().obs_path("stage/"));
  refused(f.local_code().output_path(""));  // any other problem too
  refused(f.local_code().train_instance_type("no.such.spec").spec_id(std::nullopt));  // a failed look-up too
  BOOST_TEST(f.staged_objects() == 0u);
  BOOST_TEST(f.session.obs().list(kBucket).all().empty());
  BOOST_TEST(f.jobs() == 0u);
}

BOOST_AUTO_TEST_CASE(a_local_code_dir_without_obs_path_is_refused) {
  Fixture f;
  for (const std::string& code_dir : {std::string("./src"), f.local}) {
    try {
      Estimator(f.session, test::pytorch_on_cpu().code_dir(code_dir).boot_file("train.py"))
          .fit(Inputs::obs("/bucket/data/"));
      BOOST_FAIL("the local directory " << code_dir << " was sent as app_url");
    } catch (const InvalidArgumentError& e) {
      BOOST_TEST(std::string(e.what()).find("set obs_path") != std::string::npos, e.what());
    }
  }
  BOOST_TEST(f.jobs() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
