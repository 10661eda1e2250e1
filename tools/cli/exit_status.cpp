// SPDX-License-Identifier: Apache-2.0
#include "exit_status.hpp"

#include <modelarts/error.hpp>

#include "usage_error.hpp"

namespace modelarts::cli {

ExitStatus exit_status_for(const std::exception& error) {
  if (dynamic_cast<const UsageError*>(&error)) return ExitStatus::usage;
  if (const auto* failure = dynamic_cast<const CommandFailure*>(&error)) return failure->status();
  if (dynamic_cast<const WaitTimeoutError*>(&error)) return ExitStatus::wait_timeout;
  const auto* sdk = dynamic_cast<const Error*>(&error);
  if (sdk == nullptr) return ExitStatus::failure;
  // One taxonomy (Error::kind()) for v1 and v2 alike: a v2 400 ModelArts.2775 is "not found" as a v1 404 is.
  switch (sdk->kind()) {
    case ErrorKind::invalid_argument: return ExitStatus::usage;
    case ErrorKind::configuration:
    case ErrorKind::auth: return ExitStatus::auth;
    case ErrorKind::not_found: return ExitStatus::not_found;
    case ErrorKind::stalled: return ExitStatus::wait_timeout;
    case ErrorKind::transport:
    case ErrorKind::timeout: return ExitStatus::network;
    case ErrorKind::conflict:
    case ErrorKind::throttled:
    case ErrorKind::rejected:
    case ErrorKind::service:
    case ErrorKind::invalid_reply:
    case ErrorKind::cancelled: return ExitStatus::failure;
  }
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
