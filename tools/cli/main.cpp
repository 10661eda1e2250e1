// SPDX-License-Identifier: Apache-2.0
// modelarts: the command-line client (README "Command-line client"). All the work is in dispatch.cpp and the groups.
#include <iostream>
#include <string>
#include <vector>

#include "dispatch.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> arguments(argv + 1, argv + argc);
  const int status = modelarts::cli::run_cli(arguments, std::cout, std::cerr);
  std::cout.flush();
  return status;
}
