// SPDX-License-Identifier: Apache-2.0
// Every figure is printed as one line `RESULT <name> <value> <unit>`; test/bench/report.py collects the lines of
// all clients and prints the table.
#pragma once

#include <cstdio>
#include <string>

namespace bench {

inline void print_result(const std::string& name, double value, const std::string& unit) {
  std::printf("RESULT %s %.6g %s\n", name.c_str(), value, unit.c_str());
  std::fflush(stdout);
}

}  // namespace bench
