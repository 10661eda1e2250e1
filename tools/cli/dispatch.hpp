// SPDX-License-Identifier: Apache-2.0
// Turns argv into one verb run: builds the CLI11 command tree from the registered groups (global options
// are accepted anywhere), prints help, checks the arguments, and maps every failure to the exit status
// contract in exit_status.hpp, with one "modelarts: ..." line (plus a hint for usage errors) on stderr.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace modelarts::cli {

int run_cli(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);

}  // namespace modelarts::cli
