// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the emulator's request handling. The input is "<method byte><request target>\n<body>": the
// target goes through the server's parse_request_target (checking that no '.'/'..' segment survives), then
// the decoded segments, query and body through ModelArtsService::handle, whose every answer must be a JSON
// object with an HTTP status. The service keeps its state between inputs, so sequences build real jobs.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>

#include <boost/json/parse.hpp>

#include "testing/emulator/request_target.hpp"
#include "testing/emulator/service_api.hpp"

namespace {

using namespace modelarts::testing::detail;

void require(bool condition) {
  if (!condition) std::abort();
}

constexpr const char* kMethods[] = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "get", ""};
constexpr const char* kProject = "p1";

ModelArtsService& service() {
  static std::int64_t clock = 1'700'000'000'000;
  static ModelArtsService instance([] {
    ServiceConfig config;
    config.project_id = kProject;
    config.time_scale = 1000.0;
    config.now_ms = [] { return clock += 250; };  // job time moves on with every request
    return config;
  }());
  return instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::size_t newline = input.find('\n');
  const std::string_view target = input.substr(0, newline);
  const std::string_view body = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);

  // Fuzzed targets are relative to /v1/{project}/ most of the time, so the service's routes are reached.
  const bool rooted = (data[0] & 0x80) != 0;
  const std::string full = rooted ? std::string(target) : "/v1/" + std::string(kProject) + "/" + std::string(target);
  const auto parsed = parse_request_target(full);
  if (const auto* problem = std::get_if<TargetProblem>(&parsed)) {
    require(!problem->message.empty());
    return 0;
  }
  const RequestTarget& request_target = std::get<RequestTarget>(parsed);
  for (const std::string& segment : request_target.segments) require(segment != "." && segment != ".." && !segment.empty());
  require(full.rfind(request_target.raw_path, 0) == 0);
  if (request_target.segments.size() < 2 || request_target.segments[0] != "v1" || request_target.segments[1] != kProject) {
    return 0;  // the server answers these itself (404 / wrong project) before the service
  }

  ServiceRequest request;
  request.method = kMethods[data[0] % std::size(kMethods)];
  request.segments = request_target.segments;
  request.query.assign(request_target.query.begin(), request_target.query.end());
  request.content_type = (data[0] & 0x40) ? "text/plain" : "application/json";
  request.body = std::string(body);
  const ServiceResponse response = service().handle(request);
  require(response.status >= 200 && response.status < 600);
  boost::system::error_code ec;
  const boost::json::value json = boost::json::parse(response.body, ec);
  require(!ec && json.is_object());
  return 0;
}
