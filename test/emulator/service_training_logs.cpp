// SPDX-License-Identifier: Apache-2.0
// Log file names, the AOM log API and the legacy byte-range /log API of a training version.
#include <boost/test/unit_test.hpp>

#include "support/service_harness.hpp"

using namespace modelarts::test;

BOOST_AUTO_TEST_SUITE(service_training_logs)

BOOST_AUTO_TEST_CASE(one_log_file_per_worker) {
  ServiceHarness h;
  Reply r = h.call(
      "POST", "training-jobs",
      R"({"job_name":"logger","config":{"worker_server_num":2,"spec_id":1,"app_url":"/a/","boot_file_url":"/a/b.py","data_url":"/d/"}})");
  BOOST_TEST_REQUIRE(r.status == 200, r.text);
  Reply files =
      h.call("GET", "training-jobs/" + r.str("job_id") + "/versions/" + r.str("version_id") + "/log/file-names");
  BOOST_TEST(files.at("is_success").as_bool());
  BOOST_TEST(files.at("log_file_list") == json::parse(R"(["logger.0","logger.1"])"));
}

BOOST_AUTO_TEST_CASE(aom_log_grows_with_the_job_and_pages_by_line) {
  ServiceHarness h;
  Reply r = h.call("POST", "training-jobs", training_job_body("logger"));
  const std::string base = "training-jobs/" + r.str("job_id") + "/versions/" + r.str("version_id");
  Reply early = h.call("GET", base + "/aom-log?log_file=logger.0");
  BOOST_TEST_REQUIRE(early.status == 200, early.text);
  BOOST_TEST(early.num("lines") == 1);
  BOOST_TEST(early.str("content").find("submitted") != std::string::npos);
  h.advance(70'000);
  Reply all = h.call("GET", base + "/aom-log?log_file=logger.0&lines=500");
  // submitted, waiting, starting, 30 steps, completed
  BOOST_TEST(all.num("lines") == 34);
  BOOST_TEST(all.str("content").find("training completed") != std::string::npos);
  BOOST_TEST(all.str("content").find("PyTorch PyTorch-1.0.0-python3.6") != std::string::npos);
  Reply newest = h.call("GET", base + "/aom-log?log_file=logger.0");
  BOOST_TEST(newest.num("lines") == 34);  // default 50 covers everything
  Reply tail = h.call("GET", base + "/aom-log?log_file=logger.0&lines=3");
  BOOST_TEST(tail.num("lines") == 3);
  BOOST_TEST(tail.str("end_line") == all.str("end_line"));
  const std::int64_t first = std::stoll(all.str("start_line"));
  Reply down = h.call("GET", base + "/aom-log?log_file=logger.0&lines=2&order=desc&base_line=" + std::to_string(first));
  BOOST_TEST(down.num("lines") == 2);
  BOOST_TEST(std::stoll(down.str("start_line")) == first + 1);
  BOOST_TEST(std::stoll(down.str("end_line")) == first + 2);
  Reply up =
      h.call("GET", base + "/aom-log?log_file=logger.0&lines=5&order=asc&base_line=" + std::to_string(first + 3));
  BOOST_TEST(up.num("lines") == 3);
  BOOST_TEST(std::stoll(up.str("start_line")) == first);
  BOOST_TEST(up.str("content") + "\n" == all.str("content").substr(0, up.str("content").size() + 1));
  Reply none = h.call("GET", base + "/aom-log?log_file=logger.0&lines=0");
  BOOST_TEST(none.num("lines") == 0);
  BOOST_TEST(none.str("content").empty());
}

BOOST_AUTO_TEST_CASE(aom_log_errors) {
  ServiceHarness h;
  Reply r = h.call("POST", "training-jobs", training_job_body("logger"));
  const std::string base = "training-jobs/" + r.str("job_id") + "/versions/" + r.str("version_id");
  expect_v1_error(h.call("GET", base + "/aom-log"), 400, "ModelArts.0101");
  expect_v1_error(h.call("GET", base + "/aom-log?log_file=other.0"), 400, "ModelArts.0102");
  expect_v1_error(h.call("GET", base + "/aom-log?log_file=logger.0&lines=501"), 400, "ModelArts.0104");
  expect_v1_error(h.call("GET", base + "/aom-log?log_file=logger.0&order=sideways"), 400, "ModelArts.0101");
  expect_v1_error(h.call("GET", base + "/aom-log?log_file=logger.0&base_line=abc"), 400, "ModelArts.0101");
}

BOOST_AUTO_TEST_CASE(legacy_log_reads_byte_ranges_and_answers_error_msg) {
  ServiceHarness h;
  Reply r = h.call("POST", "training-jobs", training_job_body("logger"));
  const std::string base = "training-jobs/" + r.str("job_id") + "/versions/" + r.str("version_id");
  h.advance(70'000);
  Reply whole = h.call("GET", base + "/log?log_file=logger.0");
  BOOST_TEST_REQUIRE(whole.status == 200, whole.text);
  const std::string text = whole.str("log");
  BOOST_TEST(whole.num("log_byte_count") == static_cast<std::int64_t>(text.size()));
  BOOST_TEST(text.size() <= 2048u);  // offset defaults to 2048
  Reply next = h.call("GET", base + "/log?log_file=logger.0&start_byte=" + std::to_string(whole.num("end_byte")));
  Reply last = h.call("GET", base + "/log?log_file=logger.0&start_byte=-1&offset=100");
  BOOST_TEST(last.num("log_byte_count") == 100);
  const std::string full = text + next.str("log");
  BOOST_TEST(full.size() > 2048u);
  BOOST_TEST(full.compare(full.size() - 23, 23, "output in /bucket/out/\n") == 0);
  BOOST_TEST(full.substr(full.size() - 100) == last.str("log"));
  // start_byte 0 is the start of the log (not its newest part), offset a byte count.
  Reply start = h.call("GET", base + "/log?log_file=logger.0&start_byte=0&offset=10");
  BOOST_TEST(start.str("log") == text.substr(0, 10));
  BOOST_TEST(start.num("end_byte") == 10);
  Reply newest_default = h.call("GET", base + "/log?log_file=logger.0&start_byte=-1");
  BOOST_TEST(newest_default.str("log") == full.substr(full.size() - 2048));
  Reply back = h.call("GET", base + "/log?log_file=logger.0&start_byte=100&offset=-50");
  BOOST_TEST(back.str("log") == text.substr(50, 50));
  BOOST_TEST(back.num("end_byte") == 100);
  Reply bad = h.call("GET", base + "/log?log_file=logger.0&offset=4096");
  BOOST_TEST(bad.status == 400);
  BOOST_TEST(bad.at("is_success").as_bool() == false);
  BOOST_TEST(bad.error_code() == "ModelArts.0104");
  BOOST_TEST(bad.has("error_msg"));
  BOOST_TEST(!bad.has("error_message"));
  Reply missing = h.call("GET", base + "/log?log_file=nope");
  BOOST_TEST(missing.has("error_msg"));
  BOOST_TEST(h.call("GET", base + "/log?log_file=logger.0&start_byte=-2").status == 400);
}

BOOST_AUTO_TEST_CASE(killed_and_failed_versions_say_so_in_their_log) {
  ServiceHarness h;
  Reply r = h.call("POST", "training-jobs", training_job_body("killed"));
  const std::string base = "training-jobs/" + r.str("job_id") + "/versions/" + r.str("version_id");
  h.advance(10'000);
  BOOST_TEST(h.call("POST", base + "/stop").status == 200);
  BOOST_TEST(h.call("GET", base + "/aom-log?log_file=killed.0").str("content").find("stopped by user") !=
             std::string::npos);
  Reply f = h.call("POST", "training-jobs",
                   training_job_body("failing", R"(,"parameter":[{"label":"emulator_outcome","value":"fail"}])"));
  h.advance(70'000);
  BOOST_TEST(h.call("GET", "training-jobs/" + f.str("job_id") + "/versions/" + f.str("version_id") +
                               "/aom-log?log_file=failing.0")
                 .str("content")
                 .find("training failed") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
