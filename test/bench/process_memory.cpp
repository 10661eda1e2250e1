// SPDX-License-Identifier: Apache-2.0
#include "process_memory.hpp"

#include <fstream>
#include <string>

namespace bench {

namespace {
std::int64_t status_field_kib(const std::string& field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.compare(0, field.size(), field) == 0 && line.size() > field.size() && line[field.size()] == ':')
      return std::stoll(line.substr(field.size() + 1));
  return 0;
}
}  // namespace

std::int64_t resident_kib() { return status_field_kib("VmRSS"); }
std::int64_t peak_resident_kib() { return status_field_kib("VmHWM"); }

bool reset_peak_resident() {
  std::ofstream clear_refs("/proc/self/clear_refs");
  clear_refs << "5";
  clear_refs.flush();
  return static_cast<bool>(clear_refs);
}

}  // namespace bench
