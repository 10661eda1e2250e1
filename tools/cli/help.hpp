// Help text at each level: top (groups), group (verbs), verb (arguments and options).
#pragma once

#include <iosfwd>
#include <string>

#include "command.hpp"

namespace modelarts::cli {

std::string verb_usage(const Group& group, const Verb& verb);
void print_top_help(std::ostream& out, const po::options_description& global);
void print_group_help(std::ostream& out, const Group& group);
void print_verb_help(std::ostream& out, const Group& group, const Verb& verb, const po::options_description& own,
                     const po::options_description& global);

}  // namespace modelarts::cli
