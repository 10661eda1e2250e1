// SPDX-License-Identifier: Apache-2.0
#include "exit_status.hpp"

#include <string>

#include <modelarts/error.hpp>

#include "usage_error.hpp"

namespace modelarts::cli {

namespace {

bool starts_with(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }

ExitStatus for_api_error(const ApiError& error) {
  const std::string& code = error.error_code();
  if (error.http_status() == 404 || code == "ModelArts.0015" || code == "ModelArts.0102") return ExitStatus::not_found;
  if (error.http_status() == 401 || error.http_status() == 403 || starts_with(code, "APIGW.") ||
      code == "ModelArts.0108" || code == "ModelArts.0109" || code == "ModelArts.0112" ||
      starts_with(code, "ModelArts.02"))
    return ExitStatus::auth;
  return ExitStatus::failure;
}

}  // namespace

ExitStatus exit_status_for(const std::exception& error) {
  if (dynamic_cast<const UsageError*>(&error) || dynamic_cast<const InvalidArgumentError*>(&error))
    return ExitStatus::usage;
  if (const auto* failure = dynamic_cast<const CommandFailure*>(&error)) return failure->status();
  if (dynamic_cast<const ConfigurationError*>(&error)) return ExitStatus::auth;
  if (dynamic_cast<const WaitTimeoutError*>(&error)) return ExitStatus::wait_timeout;
  if (const auto* api = dynamic_cast<const ApiError*>(&error)) return for_api_error(*api);
  if (const auto* transport = dynamic_cast<const TransportError*>(&error))
    return transport->transport_kind() == TransportErrorKind::invalid_reply ? ExitStatus::failure : ExitStatus::network;
  return ExitStatus::failure;
}

const char* exit_status_table() {
  return "  0  success\n"
         "  1  any other failure (e.g. the service refused the request)\n"
         "  2  usage error: nothing was sent\n"
         "  3  not found (job, version, config, path)\n"
         "  4  authentication, permission or configuration (credentials, region, profile)\n"
         "  5  wait timed out (--timeout) before the job ended\n"
         "  6  the job ended unsuccessfully (failed, killed, ...)\n"
         "  7  network: DNS, connect, TLS, timeout, broken connection (after --retries)\n";
}

}  // namespace modelarts::cli
