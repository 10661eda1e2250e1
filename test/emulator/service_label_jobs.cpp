// SPDX-License-Identifier: Apache-2.0
// Legacy label jobs (legacy ModelArts SDK Reference, "Data Labeling Jobs"): no is_success, error_msg errors, UUID ids,
// offset = page number.
#include <boost/test/unit_test.hpp>

#include "support/service_harness.hpp"

using namespace modelarts::test;

namespace {
std::string label_body(const std::string& name) {
  return R"({"name":")" + name +
         R"(","description":"d","data_type":"OBS","path":"/bucket/images/","type":"Manual Image classify"})";
}

/// 8-4-4-4-12 lower-case hex, version 4, variant 1 (std::regex trips GCC 12 warnings in sanitizer builds).
bool is_uuid_v4(const std::string& s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    const bool hex = (s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f');
    if (dash ? s[i] != '-' : !hex) return false;
  }
  return s[14] == '4' && (s[19] == '8' || s[19] == '9' || s[19] == 'a' || s[19] == 'b');
}

void expect_label_error(const Reply& r, int status, const std::string& code) {
  BOOST_TEST(r.status == status, r.text);
  BOOST_TEST(r.error_code() == code, r.text);
  BOOST_TEST(r.has("error_msg"), r.text);
  BOOST_TEST(!r.has("is_success"), r.text);
  BOOST_TEST(!r.has("error_message"), r.text);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(service_label_jobs)

BOOST_AUTO_TEST_CASE(create_answers_uuid_and_int_without_is_success) {
  ServiceHarness h;
  Reply r = h.call("POST", "annotation-jobs", label_body("labels"));
  BOOST_TEST_REQUIRE(r.status == 200, r.text);
  BOOST_TEST(!r.has("is_success"));
  BOOST_TEST(r.object().size() == 2u);
  BOOST_TEST(is_uuid_v4(r.str("job_id")), r.text);
  BOOST_TEST(r.at("dls_prj_id").is_int64());
  Reply second = h.call("POST", "annotation-jobs", label_body("labels2"));
  BOOST_TEST(second.str("job_id") != r.str("job_id"));
  BOOST_TEST(second.num("dls_prj_id") > r.num("dls_prj_id"));
}

BOOST_AUTO_TEST_CASE(list_shape) {
  ServiceHarness h;
  const std::string id = h.call("POST", "annotation-jobs", label_body("labels")).str("job_id");
  Reply list = h.call("GET", "annotation-jobs");
  BOOST_TEST_REQUIRE(list.status == 200, list.text);
  BOOST_TEST(!list.has("is_success"));
  BOOST_TEST(list.num("job_total_count") == 1);
  BOOST_TEST(list.num("manual_annotation_count_limit") == 1000);
  const auto& job = list.at("jobs").as_array().at(0).as_object();
  BOOST_TEST(job.at("id").as_string() == id);
  BOOST_TEST(job.at("name").as_string() == "labels");
  BOOST_TEST(job.at("data_type").as_string() == "OBS");
  BOOST_TEST(job.at("path").as_string() == "/bucket/images/");
  BOOST_TEST(job.at("type").as_string() == "Manual Image classify");
  BOOST_TEST(job.at("create_time").as_string() == "2023-11-14 22:13:20");  // the harness clock starts at 1.7e12 ms
  BOOST_TEST(job.at("dls_prj_id").is_int64());
  BOOST_TEST(job.at("progress").is_string());
  const auto& detail = job.at("progress_detail").as_object();
  BOOST_TEST(detail.at("total_count").as_int64() ==
             detail.at("has_tag_count").as_int64() + detail.at("not_tag_count").as_int64());
  BOOST_TEST(job.contains("filter_name"));
  BOOST_TEST(job.contains("description"));
}

BOOST_AUTO_TEST_CASE(list_pages_with_offset_and_limit_and_sorts) {
  ServiceHarness h;
  for (const char* name : {"c", "a", "b", "d-x"}) {
    BOOST_TEST(h.call("POST", "annotation-jobs", label_body(name)).status == 200);
    h.advance(1'000);
  }
  auto names = [&](const std::string& query) {
    std::vector<std::string> out;
    const Reply r = h.call("GET", "annotation-jobs" + query);
    for (const auto& j : r.at("jobs").as_array()) out.emplace_back(j.at("name").as_string());
    return out;
  };
  using V = std::vector<std::string>;
  BOOST_TEST(names("") == (V{"a", "b", "c", "d-x"}), boost::test_tools::per_element());
  BOOST_TEST(names("?limit=2&offset=2") == (V{"c", "d-x"}), boost::test_tools::per_element());
  BOOST_TEST(names("?limit=2&offset=0") == (V{"a", "b"}), boost::test_tools::per_element());
  BOOST_TEST(names("?sort_by=create_time&order=desc&limit=1") == (V{"d-x"}), boost::test_tools::per_element());
  BOOST_TEST(names("?search_content=-") == (V{"d-x"}), boost::test_tools::per_element());
  BOOST_TEST(h.call("GET", "annotation-jobs?search_content=" + std::string(100, 'a')).status == 200);
  expect_label_error(h.call("GET", "annotation-jobs?search_content=" + std::string(101, 'a')), 400, "ModelArts.0104");
  expect_label_error(h.call("GET", "annotation-jobs?limit=0"), 400, "ModelArts.0104");
  expect_label_error(h.call("GET", "annotation-jobs?sort_by=size"), 400, "ModelArts.0101");
}

BOOST_AUTO_TEST_CASE(update_delete_and_errors) {
  ServiceHarness h;
  const std::string id = h.call("POST", "annotation-jobs", label_body("labels")).str("job_id");
  h.call("POST", "annotation-jobs", label_body("other"));
  Reply updated = h.call("PUT", "annotation-jobs/" + id, R"({"name":"label_name","description":"label_description"})");
  BOOST_TEST(updated.text == R"({"job_id":")" + id + R"("})");
  BOOST_TEST(h.call("GET", "annotation-jobs?search_content=label_name").num("job_total_count") == 1);
  expect_label_error(h.call("PUT", "annotation-jobs/" + id, R"({"name":"other"})"), 400, "ModelArts.0103");
  expect_label_error(h.call("PUT", "annotation-jobs/" + id, R"({"description":"x"})"), 400, "ModelArts.0101");
  expect_label_error(h.call("PUT", "annotation-jobs/062ef90a-da4d-4af4-82ba-1523da57e78e", R"({"name":"n"})"), 400,
                     "ModelArts.0102");
  expect_label_error(h.call("POST", "annotation-jobs", label_body("other")), 400, "ModelArts.0103");
  expect_label_error(h.call("POST", "annotation-jobs", label_body("bad name")), 400, "ModelArts.0104");
  expect_label_error(
      h.call("POST", "annotation-jobs", R"({"name":"x","data_type":"FTP","type":"Manual Image classify"})"), 400,
      "ModelArts.0101");
  expect_label_error(
      h.call("POST", "annotation-jobs", R"({"name":"x","data_type":"OBS","type":"Manual Image classify"})"), 400,
      "ModelArts.0101");
  expect_label_error(
      h.call("POST", "annotation-jobs", R"({"name":"x","data_type":"filter job","filter_id":"f","type":"Sort"})"), 400,
      "ModelArts.0101");
  BOOST_TEST(h.call("POST", "annotation-jobs",
                    R"({"name":"filtered","data_type":"filter job","filter_id":"f1","type":"Manual Object detection"})")
                 .status == 200);
  expect_label_error(h.call("POST", "annotation-jobs", "{not json"), 400, "ModelArts.0101");
  Reply deleted = h.call("DELETE", "annotation-jobs/" + id);
  BOOST_TEST(deleted.text == R"({"job_id":")" + id + R"("})");
  expect_label_error(h.call("DELETE", "annotation-jobs/" + id), 400, "ModelArts.0102");
  Reply method = h.call("GET", "annotation-jobs/" + id);
  BOOST_TEST(method.status == 405);
  BOOST_TEST(method.has("error_msg"));
}

BOOST_AUTO_TEST_CASE(validation_save_and_query) {
  ServiceHarness h;
  const std::string id = h.call("POST", "annotation-jobs", label_body("labels")).str("job_id");
  Reply before = h.call("GET", "annotation-jobs/" + id + "/validation");
  BOOST_TEST_REQUIRE(before.status == 200, before.text);
  BOOST_TEST(before.at("last_pass_rate").is_null());
  BOOST_TEST(before.num("image_count") > 0);
  const auto& image = before.at("images").as_array().at(0).as_object();
  BOOST_TEST(image.at("url").as_string().rfind("/bucket/images/", 0) == 0u);
  BOOST_TEST(image.at("tags").is_array());
  h.advance(5'000);
  Reply saved = h.call("POST", "annotation-jobs/" + id + "/validation", R"({"pass_rate":87.456})");
  BOOST_TEST(saved.text == R"({"job_id":")" + id + R"("})");
  Reply after = h.call("GET", "annotation-jobs/" + id + "/validation");
  BOOST_TEST(after.at("last_pass_rate").as_double() == 87.46);
  BOOST_TEST(after.str("last_validation_time") == "2023-11-14 22:13:25");
  expect_label_error(h.call("POST", "annotation-jobs/" + id + "/validation", R"({"pass_rate":100.5})"), 400,
                     "ModelArts.0101");
  expect_label_error(h.call("POST", "annotation-jobs/" + id + "/validation", R"({"pass_rate":"high"})"), 400,
                     "ModelArts.0101");
  expect_label_error(h.call("GET", "annotation-jobs/nope/validation"), 400, "ModelArts.0102");
}

BOOST_AUTO_TEST_CASE(quota_of_1000_is_modelarts_0106_with_error_msg) {
  ServiceHarness h;
  for (int i = 0; i < 1000; ++i)
    BOOST_TEST_REQUIRE(h.call("POST", "annotation-jobs", label_body("l" + std::to_string(i))).status == 200);
  expect_label_error(h.call("POST", "annotation-jobs", label_body("extra")), 400, "ModelArts.0106");
}

BOOST_AUTO_TEST_SUITE_END()
