// SPDX-License-Identifier: Apache-2.0
// The command groups. ADDING A GROUP is one file, `tools/cli/<group>_commands.cpp`, that builds its Group and
// registers itself at static-initialisation time (tools/CMakeLists.txt compiles every tools/cli/*.cpp):
//
//     namespace modelarts::cli {
//     namespace {
//     Group job_group() { Group group{"job", "v2 training jobs: ...", {}, false}; group.verbs.push_back({...}); return group; }
//     const GroupRegistration registered{35, job_group};
//     }  // namespace
//     }  // namespace modelarts::cli
//
// The rank orders `modelarts --help`: 10 training-job, 20 training-job-version, 30 training-job-config,
// 35 job (v2), 40 visualization-job, 50 label-job, 60 spec, 70 engine, 80 algorithm, 85 obs, 90 configure,
// 100 raw, 110 completion, 120 version. Options: see options.hpp; output: output.hpp; failures: usage_error.hpp.
#pragma once

#include <vector>

#include "invocation.hpp"

namespace modelarts::cli {

struct GroupRegistration {
  GroupRegistration(int rank, Group (*make)());
};

/// Every registered group, by rank.
const std::vector<Group>& all_groups();

}  // namespace modelarts::cli
