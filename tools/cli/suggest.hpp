// SPDX-License-Identifier: Apache-2.0
// "Did you mean": the nearest known word (group, verb or option) to a mistyped one.
#pragma once

#include <string>
#include <vector>

namespace modelarts::cli {

/// The candidate closest to `word` by edit distance (a swap of two neighbours counts 1), or "" when none is
/// close enough (distance at most a third of the word, at least 1) and none starts with `word`.
std::string nearest(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace modelarts::cli
