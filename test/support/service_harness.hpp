// SPDX-License-Identifier: Apache-2.0
// Drives ModelArtsService directly (no sockets) with a test-controlled clock.
#pragma once

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <modelarts/url_codec.hpp>

#include "testing/emulator/service_api.hpp"

namespace modelarts::test {

namespace json = boost::json;
using modelarts::testing::detail::ModelArtsService;
using modelarts::testing::detail::ServiceConfig;
using modelarts::testing::detail::ServiceRequest;
using modelarts::testing::detail::ServiceResponse;

inline constexpr const char* kProject = "p1";

struct Reply {
  int status = 0;
  std::string text;
  json::value body;
  std::vector<std::pair<std::string, std::string>> headers;

  const json::object& object() const { return body.as_object(); }
  const json::value& at(const char* key) const { return body.as_object().at(key); }
  bool has(const char* key) const { return body.is_object() && body.as_object().contains(key); }
  std::string str(const char* key) const { return std::string(at(key).as_string()); }
  std::int64_t num(const char* key) const { return at(key).to_number<std::int64_t>(); }
  std::string error_code() const { return str("error_code"); }
};

class ServiceHarness {
 public:
  explicit ServiceHarness(std::string state_file = {}, double time_scale = 1.0,
                          std::shared_ptr<std::int64_t> clock = std::make_shared<std::int64_t>(1'700'000'000'000))
      : clock_(std::move(clock)) {
    ServiceConfig config;
    config.project_id = kProject;
    config.time_scale = time_scale;
    config.state_file = std::move(state_file);
    auto c = clock_;
    config.now_ms = [c] { return *c; };
    service_ = std::make_unique<ModelArtsService>(std::move(config));
  }

  /// Job time advances with the clock (time_scale 1 unless given).
  void advance(std::int64_t ms) { *clock_ += ms; }
  std::int64_t now() const { return *clock_; }
  std::shared_ptr<std::int64_t> clock() const { return clock_; }

  /// `target` is the path after /v1/{project}/, optionally with "?a=b&c=d" (no decoding).
  Reply call(const std::string& method, const std::string& target, const std::string& body = {}) {
    ServiceRequest request;
    request.method = method;
    request.segments = {"v1", kProject};
    const auto q = target.find('?');
    std::string path = target.substr(0, q);
    std::size_t start = 0;
    while (start <= path.size()) {
      const auto slash = path.find('/', start);
      const auto end = slash == std::string::npos ? path.size() : slash;
      request.segments.push_back(path.substr(start, end - start));
      if (slash == std::string::npos) break;
      start = slash + 1;
    }
    // Decoded as the gateway decodes it before the service sees it.
    if (q != std::string::npos) request.query = parse_query(std::string_view(target).substr(q + 1));
    request.content_type = "application/json";
    request.body = body;
    return send(request);
  }

  Reply send(const ServiceRequest& request) {
    ServiceResponse response = service_->handle(request);
    Reply reply;
    reply.status = response.status;
    reply.text = response.body;
    reply.headers = response.headers;
    boost::system::error_code ec;
    reply.body = json::parse(response.body, ec);
    BOOST_TEST_REQUIRE(!ec, "response is not JSON: " << response.body);
    return reply;
  }

  ModelArtsService& service() { return *service_; }

 private:
  std::shared_ptr<std::int64_t> clock_;
  std::unique_ptr<ModelArtsService> service_;
};

/// A valid create-training-job body.
inline std::string training_job_body(const std::string& name, const std::string& extra_config = {},
                                     const std::string& desc = "a job") {
  // `extra_config` may replace the default parameter list (JSON keys must stay unique).
  const std::string parameter = extra_config.find("\"parameter\"") == std::string::npos
                                    ? R"("parameter":[{"label":"learning_rate","value":"0.01"}],)"
                                    : "";
  return R"({"job_name":")" + name + R"(","job_desc":")" + desc +
         R"(","config":{"worker_server_num":1,"app_url":"/bucket/code/","boot_file_url":"/bucket/code/train.py",)" +
         parameter +
         R"("data_url":"/bucket/data/","spec_id":2,"engine_id":8,"train_url":"/bucket/out/","log_url":"/bucket/log/")" +
         extra_config + "}}";
}

/// Creates a training job and returns its id (as the string the service answered).
inline std::string create_training_job(ServiceHarness& h, const std::string& name, const std::string& extra = {}) {
  Reply r = h.call("POST", "training-jobs", training_job_body(name, extra));
  BOOST_TEST_REQUIRE(r.status == 200, r.text);
  return r.str("job_id");
}

inline void expect_v1_error(const Reply& r, int status, const std::string& code) {
  BOOST_TEST(r.status == status, r.text);
  BOOST_TEST_REQUIRE(r.body.is_object(), r.text);
  BOOST_TEST(r.at("is_success").as_bool() == false, r.text);
  BOOST_TEST(r.error_code() == code, r.text);
  BOOST_TEST(r.has("error_message"), r.text);
}

inline void expect_v1_error(const Reply& r, int status, const std::string& code, const std::string& message) {
  expect_v1_error(r, status, code);
  if (r.has("error_message")) BOOST_TEST(r.str("error_message") == message, r.text);
}

}  // namespace modelarts::test
