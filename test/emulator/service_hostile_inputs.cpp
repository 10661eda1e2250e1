// SPDX-License-Identifier: Apache-2.0
// Hostile requests: every one gets a JSON error (or a well-formed answer), never a crash or a non-JSON body.
#include <atomic>
#include <boost/test/unit_test.hpp>
#include <thread>
#include <tuple>

#include "support/service_harness.hpp"

using namespace modelarts::test;

namespace {
const std::vector<std::string> kCollections = {"training-jobs", "training-job-configs", "visualization-jobs",
                                               "annotation-jobs"};

ServiceRequest request(const std::string& method, std::vector<std::string> rest, const std::string& body = {}) {
  ServiceRequest r;
  r.method = method;
  r.segments = {"v1", kProject};
  r.segments.insert(r.segments.end(), rest.begin(), rest.end());
  r.body = body;
  return r;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(service_hostile_inputs)

BOOST_AUTO_TEST_CASE(malformed_bodies_are_modelarts_0101) {
  ServiceHarness h;
  const std::vector<std::string> bodies = {"",
                                           "   ",
                                           "{",
                                           "[]",
                                           "null",
                                           "42",
                                           "\"s\"",
                                           R"({"job_name":)",
                                           "{\"job_name\":\"\xff\xfe\"}",
                                           std::string(1, '\0'),
                                           "{}}",
                                           R"({"job_name":"x","config":[]})",
                                           R"({"job_name":7,"config":{}})"};
  for (const auto& collection : kCollections) {
    for (const auto& body : bodies) {
      Reply r = h.send(request("POST", {collection}, body));
      BOOST_TEST(r.status == 400, collection << " " << r.text);
      BOOST_TEST(r.error_code() == "ModelArts.0101", collection << " " << r.text);
    }
  }
}

BOOST_AUTO_TEST_CASE(hostile_ids_are_not_found) {
  ServiceHarness h;
  create_training_job(h, "real");
  const std::vector<std::string> ids = {"a/b",
                                        "..",
                                        "../..",
                                        "",
                                        " ",
                                        "-1",
                                        "1e3",
                                        "0x10",
                                        "%2F",
                                        std::string(10'000, '9'),
                                        std::string(10'000, 'x'),
                                        "\xff\xfe\xfd",
                                        "99999999999999999999999",
                                        "1 ",
                                        "\xe2\x80\x8b"};
  for (const auto& id : ids) {
    for (const auto& [method, rest, body] : std::vector<std::tuple<std::string, std::vector<std::string>, std::string>>{
             {"PUT", {"training-jobs", id}, R"({"job_desc":"x"})"},
             {"DELETE", {"training-jobs", id}, ""},
             {"GET", {"training-jobs", id, "versions"}, ""},
             {"GET", {"training-jobs", "1", "versions", id}, ""},
             {"POST", {"training-jobs", "1", "versions", id, "stop"}, ""},
             {"GET", {"training-jobs", "1", "versions", id, "log"}, ""},
             {"GET", {"training-job-configs", id}, ""},
             {"GET", {"visualization-jobs", id}, ""},
             {"POST", {"visualization-jobs", id, "restart"}, ""},
             {"DELETE", {"annotation-jobs", id}, ""},
             {"GET", {"annotation-jobs", id, "validation"}, ""}}) {
      Reply r = h.send(request(method, rest, body));
      BOOST_TEST(r.status == 400, method << " " << r.text.substr(0, 200));
      BOOST_TEST(r.error_code() == "ModelArts.0102", r.text.substr(0, 200));
      // Echoed ids are shortened and made printable, so the error stays small and valid UTF-8.
      BOOST_TEST(r.text.size() < 400u);
    }
  }
}

BOOST_AUTO_TEST_CASE(long_and_odd_strings) {
  ServiceHarness h;
  const std::string huge(10'240, 'n');
  expect_v1_error(h.call("POST", "training-jobs", training_job_body(huge)), 400, "ModelArts.0104", "Illegal name");
  expect_v1_error(h.call("POST", "training-jobs", training_job_body("x", "", huge)), 400, "ModelArts.0101");
  Reply url = h.call("POST", "training-jobs", training_job_body("x", R"(,"train_url":")" + huge + "\""));
  // train_url is duplicated above: the last one wins or the body is refused; either way a JSON answer.
  BOOST_TEST((url.status == 200 || url.status == 400));
  Reply search = h.call("GET", "training-jobs?search_content=" + huge);
  BOOST_TEST(search.error_code() == "ModelArts.0104");
  ServiceRequest invalid_utf8 = request("GET", {"training-jobs"});
  invalid_utf8.query = {{"search_content", "\xff\xfe"}, {"status", "\xc3"}, {"sortBy", "\x80"}};
  Reply odd = h.send(invalid_utf8);
  BOOST_TEST(odd.status == 400);
  ServiceRequest unicode_name =
      request("POST", {"visualization-jobs"}, "{\"job_name\":\"\xe4\xbd\xa0\xe5\xa5\xbd\",\"train_url\":\"/o/\"}");
  BOOST_TEST(h.send(unicode_name).error_code() == "ModelArts.0104");
  Reply numbers = h.call(
      "POST", "training-jobs",
      R"({"job_name":"n","config":{"worker_server_num":1e400,"spec_id":2,"data_url":"/d/","app_url":"/a","boot_file_url":"/b"}})");
  BOOST_TEST(numbers.status == 400);
  Reply negative = h.call(
      "POST", "training-jobs",
      R"({"job_name":"n","config":{"worker_server_num":-1,"spec_id":-2,"data_url":"/d/","app_url":"/a","boot_file_url":"/b"}})");
  BOOST_TEST(negative.error_code() == "ModelArts.0101");
  Reply big = h.call(
      "POST", "training-jobs",
      R"({"job_name":"n","config":{"worker_server_num":1,"spec_id":18446744073709551615,"data_url":"/d/","app_url":"/a","boot_file_url":"/b"}})");
  BOOST_TEST(big.error_code() == "ModelArts.0101");
  Reply nested = h.call("POST", "training-jobs", std::string(5'000, '[') + std::string(5'000, ']'));
  BOOST_TEST(nested.error_code() == "ModelArts.0101");
}

BOOST_AUTO_TEST_CASE(odd_paths_and_methods) {
  ServiceHarness h;
  for (const auto& segments :
       std::vector<std::vector<std::string>>{{},
                                             {""},
                                             {"training-jobs", "1", "versions", "1", "log", "file-names", "more"},
                                             {"job"},
                                             {"job", "resource-specs", "x"},
                                             {"..", "training-jobs"},
                                             {"TRAINING-JOBS"}}) {
    Reply r = h.send(request("GET", segments));
    BOOST_TEST(r.status == 404, r.text);
    BOOST_TEST(r.error_code() == "ModelArts.0015");
  }
  Reply weird = h.send(request("BREW", {"training-jobs"}));
  BOOST_TEST(weird.status == 405);
  ServiceRequest no_prefix;
  no_prefix.method = "GET";
  no_prefix.segments = {"v2"};
  BOOST_TEST(h.send(no_prefix).status == 404);
}

BOOST_AUTO_TEST_CASE(concurrent_requests_are_safe) {
  ServiceHarness h;
  std::vector<std::thread> threads;
  std::atomic<int> created{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        ServiceRequest r =
            request("POST", {"training-jobs"}, training_job_body("t" + std::to_string(t) + "-" + std::to_string(i)));
        if (h.service().handle(r).status == 200) ++created;
        h.service().handle(request("GET", {"training-jobs"}));
      }
    });
  }
  for (auto& t : threads) t.join();
  BOOST_TEST(created.load() == 200);
  BOOST_TEST(h.call("GET", "training-jobs").num("job_total_count") == 200);
}

BOOST_AUTO_TEST_SUITE_END()
