// SPDX-License-Identifier: Apache-2.0
// v2 replies: success bodies as given, errors as {"error_msg", "error_code", "error_solution"} with the
// HTTP status the ModelArts API Reference's error table ("Error Codes") gives the code.
#pragma once

#include <boost/json.hpp>
#include <string>

#include "testing/emulator/service_api.hpp"

namespace modelarts::testing::detail::service::v2 {

namespace json = boost::json;

struct Failure {
  std::string code;  ///< "ModelArts.2788"
  std::string message;
};

/// HTTP status of a v2 error code (ModelArts API Reference, "Error Codes"; 400 when the table gives none).
int status_of(const std::string& code);
/// What to do about it, for error_solution (empty: the field is left out, as some documented bodies do).
std::string solution_of(const std::string& code);

ServiceResponse error(const Failure& failure);
ServiceResponse ok(int status, const json::value& body);
/// 204 with no body (logs and metrics not ready; docs/service-quirks.md, Q5).
ServiceResponse no_content();

Failure invalid_param(const std::string& message);  ///< ModelArts.2788
Failure not_found(const std::string& job_id);       ///< ModelArts.2775

}  // namespace modelarts::testing::detail::service::v2
