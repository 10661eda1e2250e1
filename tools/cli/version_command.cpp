// SPDX-License-Identifier: Apache-2.0
// `modelarts version`: the same line as `modelarts --version`.
#include <ostream>

#include "groups.hpp"
#include "help.hpp"

namespace modelarts::cli {

namespace {

Group version_group() {
  Group group{"version", "Print the version of the CLI and of the SDK it runs on", {}, true};
  group.verbs.push_back({"version", "Print the version", {}, {}, [](Invocation& invocation) {
                           print_version(invocation.out());
                           return 0;
                         },
                         {}});
  return group;
}

const GroupRegistration registered{120, version_group};

}  // namespace

}  // namespace modelarts::cli
