// SPDX-License-Identifier: Apache-2.0
#include "reply.hpp"

#include <string_view>

#include "testing/emulator/service/reply.hpp"

namespace modelarts::testing::detail::service::v2 {

int status_of(const std::string& code) {
  struct Entry {
    std::string_view code;
    int status;
  };
  static constexpr Entry kTable[] = {
      {"ModelArts.2836", 404}, {"ModelArts.2803", 405}, {"ModelArts.2796", 409}, {"ModelArts.2813", 409},
      {"ModelArts.2878", 409}, {"ModelArts.2799", 429}, {"ModelArts.0010", 500}, {"ModelArts.2786", 404},
  };
  for (const Entry& e : kTable)
    if (e.code == code) return e.status;
  return 400;
}

std::string solution_of(const std::string& code) {
  if (code == "ModelArts.2775") return "Check whether the training job ID is correct.";
  if (code == "ModelArts.2751") return "Use another training job name.";
  if (code == "ModelArts.2796") return "Only Creating, Pending and Running jobs can be terminated.";
  if (code == "ModelArts.2788" || code == "ModelArts.2787" || code == "ModelArts.2816")
    return "Check the request parameters.";
  return {};  // error_solution is sometimes absent (docs/service-quirks.md, Q9)
}

ServiceResponse error(const Failure& failure) {
  json::object body{{"error_msg", failure.message}, {"error_code", failure.code}};
  std::string solution = solution_of(failure.code);
  if (!solution.empty()) body["error_solution"] = solution;
  ServiceResponse response;
  response.status = status_of(failure.code);
  response.body = json::serialize(body);
  return response;
}

ServiceResponse ok(int status, const json::value& body) {
  ServiceResponse response;
  response.status = status;
  response.body = json::serialize(body);
  return response;
}

ServiceResponse no_content() {
  ServiceResponse response;
  response.status = 204;
  return response;
}

Failure invalid_param(const std::string& message) { return {"ModelArts.2788", "Invalid parameter: " + message}; }

Failure not_found(const std::string& job_id) {
  return {"ModelArts.2775", "Training job " + printable(job_id) + " not found."};
}

}  // namespace modelarts::testing::detail::service::v2
