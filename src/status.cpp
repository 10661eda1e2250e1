// SPDX-License-Identifier: Apache-2.0
#include <modelarts/status.hpp>

#include <array>

namespace modelarts {
namespace {

constexpr std::array<std::string_view, 23> kStatusNames = {
    "JOBSTAT_UNKNOWN",        "JOBSTAT_INIT",
    "JOBSTAT_IMAGE_CREATING", "JOBSTAT_IMAGE_FAILED",
    "JOBSTAT_SUBMIT_TRYING",  "JOBSTAT_SUBMIT_FAILED",
    "JOBSTAT_DELETE_FAILED",  "JOBSTAT_WAITING",
    "JOBSTAT_RUNNING",        "JOBSTAT_KILLING",
    "JOBSTAT_COMPLETED",      "JOBSTAT_FAILED",
    "JOBSTAT_KILLED",         "JOBSTAT_CANCELED",
    "JOBSTAT_LOST",           "JOBSTAT_SCALING",
    "JOBSTAT_SUBMIT_MODEL_FAILED", "JOBSTAT_DEPLOY_SERVICE_FAILED",
    "JOBSTAT_CHECK_INIT",     "JOBSTAT_CHECK_RUNNING",
    "JOBSTAT_CHECK_RUNNING_COMPLETED", "JOBSTAT_CHECK_FAILED",
    "MOUNT_FAILED",
};

}  // namespace

std::string_view status_name(int status) noexcept {
  if (status < 0 || status >= static_cast<int>(kStatusNames.size())) return kStatusNames[0];
  return kStatusNames[static_cast<std::size_t>(status)];
}

bool is_terminal_status(int status) noexcept {
  switch (status) {
    case 3: case 5: case 6: case 10: case 11: case 12: case 13: case 14: case 16: case 17: case 21: case 22:
      return true;
    default:
      return false;
  }
}

bool is_failed_status(int status) noexcept { return is_terminal_status(status) && status != 10; }

}  // namespace modelarts
