// SPDX-License-Identifier: Apache-2.0
// Drives the emulator's v2 endpoints through ModelArtsService directly (no sockets), with a
// test-controlled clock; replies may be empty (202, 204).
#pragma once

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>
#include <memory>
#include <string>

#include "support/service_harness.hpp"

namespace modelarts::test {

class V2Harness {
 public:
  explicit V2Harness(std::string state_file = {}, std::int64_t log_window = 5 * 1024 * 1024, bool record_offsets = false,
                     std::shared_ptr<std::int64_t> clock = std::make_shared<std::int64_t>(1'700'000'000'000))
      : clock_(std::move(clock)) {
    ServiceConfig config;
    config.project_id = kProject;
    config.state_file = std::move(state_file);
    config.v2_log_window = log_window;
    config.v2_search_record_offsets = record_offsets;
    auto c = clock_;
    config.now_ms = [c] { return *c; };
    service_ = std::make_unique<ModelArtsService>(std::move(config));
  }

  void advance(std::int64_t ms) { *clock_ += ms; }
  std::shared_ptr<std::int64_t> clock() const { return clock_; }

  /// `path` after /v2/{project}/; `query` pairs already decoded.
  Reply call(const std::string& method, const std::string& path, const std::string& body = {},
             std::vector<std::pair<std::string, std::string>> query = {}) {
    ServiceRequest request;
    request.method = method;
    request.segments = {"v2", kProject};
    std::size_t start = 0;
    while (start <= path.size()) {
      const auto slash = path.find('/', start);
      request.segments.push_back(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
      if (slash == std::string::npos) break;
      start = slash + 1;
    }
    request.query = std::move(query);
    request.content_type = "application/json";
    request.body = body;
    ServiceResponse response = service_->handle(request);
    Reply reply;
    reply.status = response.status;
    reply.text = response.body;
    reply.headers = response.headers;
    if (!response.body.empty()) {
      boost::system::error_code ec;
      reply.body = json::parse(response.body, ec);
      BOOST_TEST_REQUIRE(!ec, "response is not JSON: " << response.body);
    }
    return reply;
  }

 private:
  std::shared_ptr<std::int64_t> clock_;
  std::unique_ptr<ModelArtsService> service_;
};

/// A valid preset-engine create body; `algorithm_extra` / `spec_extra` are appended inside those objects.
inline std::string v2_create_body(const std::string& name, const std::string& algorithm_extra = {},
                                  const std::string& spec_extra = {}, int nodes = 1) {
  return R"({"kind":"job","metadata":{"name":")" + name + R"(","description":"d"},)"
         R"("algorithm":{"code_dir":"obs://bkt/code/","boot_file":"obs://bkt/code/train.py",)"
         R"("engine":{"engine_name":"PyTorch","engine_version":"pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64"},)"
         R"("inputs":[{"name":"data_url","remote":{"obs":{"obs_url":"obs://bkt/data/"}}}],)"
         R"("outputs":[{"name":"train_url","remote":{"obs":{"obs_url":"obs://bkt/out/"}}}])" +
         algorithm_extra + R"(},"spec":{"resource":{"flavor_id":"modelarts.vm.cpu.8u","node_count":)" +
         std::to_string(nodes) + R"(},"log_export_path":{"obs_url":"obs://bkt/logs/"})" + spec_extra + "}}";
}

inline void expect_v2_error(const Reply& r, int status, const std::string& code) {
  BOOST_TEST(r.status == status, r.text);
  BOOST_TEST_REQUIRE(r.body.is_object(), r.text);
  BOOST_TEST(r.error_code() == code, r.text);
  BOOST_TEST(r.has("error_msg"), r.text);
  BOOST_TEST(!r.has("is_success"), r.text);
}

}  // namespace modelarts::test
