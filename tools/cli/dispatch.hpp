// Turns argv into one verb run: finds the group and verb, parses global and verb options together (so
// global options may come anywhere), prints help, and maps every failure to the exit status contract:
// 0 success, 1 service/network failure ("modelarts: <what()>" on stderr), 2 usage error (message + hint).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace modelarts::cli {

int run_cli(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);

}  // namespace modelarts::cli
