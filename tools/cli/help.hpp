// SPDX-License-Identifier: Apache-2.0
// Help text at each level: top (groups, global options, exit status), group (verbs), verb (arguments and
// options, required ones marked).
#pragma once

#include <iosfwd>
#include <string>

#include "invocation.hpp"

namespace modelarts::cli {

/// "modelarts 0.1.0 (library 0.1.0)": `modelarts --version` and `modelarts version`.
void print_version(std::ostream& out);
std::string verb_usage(const Group& group, const Verb& verb);
/// `main` is the top-level app: its options are the global options.
void print_top_help(std::ostream& out, const CLI::App& main);
void print_group_help(std::ostream& out, const Group& group);
void print_verb_help(std::ostream& out, const Group& group, const Verb& verb, const CLI::App& verb_app,
                     const CLI::App& main);

}  // namespace modelarts::cli
