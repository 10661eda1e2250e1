// SPDX-License-Identifier: Apache-2.0
#include <modelarts/v2/training_job_info.hpp>

namespace modelarts::v2 {
namespace {
struct Name {
  Phase phase;
  std::string_view text;
};
constexpr Name kNames[] = {{Phase::creating, "Creating"},       {Phase::pending, "Pending"},
                           {Phase::running, "Running"},         {Phase::completed, "Completed"},
                           {Phase::failed, "Failed"},           {Phase::terminating, "Terminating"},
                           {Phase::terminated, "Terminated"},   {Phase::abnormal, "Abnormal"}};
}  // namespace

const char* to_string(Phase phase) noexcept {
  for (const Name& name : kNames)
    if (name.phase == phase) return name.text.data();
  return "Unknown";
}

Phase phase_from_string(std::string_view text) noexcept {
  for (const Name& name : kNames)
    if (name.text == text) return name.phase;
  return Phase::unknown;
}

bool is_terminal(Phase phase) noexcept {
  return phase == Phase::completed || phase == Phase::failed || phase == Phase::terminated ||
         phase == Phase::abnormal;
}

}  // namespace modelarts::v2
