// SPDX-License-Identifier: Apache-2.0
// Hostile IDs through the CLI binary: each command either stops with a usage error (exit 2) or sends exactly
// one request to the path the user meant, the ID as one percent-encoded segment, and reports the service's
// "does not exist" (exit 3, not found). A recording loopback server shows what reached the wire.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include <modelarts/signer.hpp>

#include "support/reliability_support.hpp"

using namespace modelarts;
using namespace modelarts::test;

namespace {

constexpr const char* kProjectId = "0123456789abcdef0123456789abcdef";

std::filesystem::path cli_path() { return std::filesystem::path(MODELARTS_BINARY_DIR) / "bin" / "modelarts"; }

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_input_cli)

BOOST_AUTO_TEST_CASE(hostile_ids_reach_the_wire_as_one_segment_or_not_at_all) {
  if (!std::filesystem::exists(cli_path())) {
    BOOST_TEST_MESSAGE("no CLI at " << cli_path() << "; skipped");
    return;
  }
  RecordingServer server(make_server_response(
      404, R"({"is_success":false,"error_code":"ModelArts.0102","error_message":"job does not exist"})"));
  const std::string env = std::string("env -i HOME=/nonexistent HUAWEICLOUD_SDK_AK=CLIHOSTILEAK00000001") +
                          " HUAWEICLOUD_SDK_SK=cli-hostile-secret HUAWEICLOUD_SDK_PROJECT_ID=" + kProjectId +
                          " MODELARTS_REGION=cn-north-4 MODELARTS_ENDPOINT=" + server.endpoint() + ' ' +
                          shell_quote(cli_path().string());
  struct Case {
    std::string verb;    // group and verb
    std::string prefix;  // the path before the ID, after /v1/{project}/
    std::string suffix;  // the path after the ID
  };
  const std::vector<Case> verbs = {{"visualization-job get", "visualization-jobs/", ""},
                                   {"visualization-job delete", "visualization-jobs/", ""},
                                   {"training-job delete", "training-jobs/", ""},
                                   {"label-job delete", "annotation-jobs/", ""}};
  const std::vector<std::string> ids = {"", ".", "..", "../x", "a/b", "%2F", "?", "x?page=2", "#", "a b", "\t",
                                        "\xff\xfe", "..%2F..", std::string(10 * 1024, 'k')};
  int cases = 0;
  int refused = 0;
  for (const Case& c : verbs) {
    for (const std::string& id : ids) {
      ++cases;
      BOOST_TEST_CONTEXT(c.verb << " '" << id.substr(0, 20) << "'") {
        const std::size_t before = server.targets().size();
        const ProcessResult result = run_process(env + ' ' + c.verb + ' ' + shell_quote(id));
        const auto targets = server.targets();
        BOOST_TEST((result.exit_status == 3 || result.exit_status == 2), result.output.substr(0, 500));
        if (targets.size() == before) {  // refused before sending (usage error or invalid argument)
          ++refused;
          BOOST_TEST(result.output.find("modelarts: ") != std::string::npos, result.output.substr(0, 500));
          continue;
        }
        BOOST_TEST(result.exit_status == 3, result.output.substr(0, 500));
        BOOST_REQUIRE(targets.size() == before + 1);
        BOOST_TEST(targets.back() == std::string("/v1/") + kProjectId + '/' + c.prefix + percent_encode(id) + c.suffix);
        BOOST_TEST(result.output.find("ModelArts.0102") != std::string::npos, result.output.substr(0, 500));
      }
    }
  }
  BOOST_TEST(refused >= 3 * static_cast<int>(verbs.size()));  // "", "." and ".." at least
  BOOST_TEST_MESSAGE("CLI hostile IDs: " << cases << " cases, " << refused << " refused before sending");
}

BOOST_AUTO_TEST_SUITE_END()
