// SPDX-License-Identifier: Apache-2.0
#include "transport/deadline.hpp"

namespace modelarts::transport {

std::string describe_timeout(const Deadline& deadline, const std::string& authority) {
  const std::string ms = std::to_string(deadline.budget.count()) + " ms";
  switch (deadline.kind) {
    case TimeoutKind::connect:
      return "connect to " + authority + " timed out after " + ms;
    case TimeoutKind::read:
      return "no data from " + authority + " for " + ms + " (read timeout)";
    case TimeoutKind::budget:
      return "request to " + authority + " ran out of the call's time budget (RetryOptions::max_total; " + ms +
             " were left for this attempt)";
    case TimeoutKind::total:
      break;
  }
  return "request to " + authority + " exceeded the total timeout of " + ms;
}

}  // namespace modelarts::transport
