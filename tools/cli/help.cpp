#include "help.hpp"

#include <algorithm>
#include <ostream>

#include "groups.hpp"

namespace modelarts::cli {

namespace {

void print_column(std::ostream& out, const std::string& name, const std::string& text, std::size_t width) {
  out << "  " << name << std::string(width + 2 - std::min(width, name.size()), ' ') << text << '\n';
}

}  // namespace

std::string verb_usage(const Group& group, const Verb& verb) {
  std::string usage = "modelarts " + group.name;
  if (!group.direct) usage += ' ' + verb.name;
  for (const auto& positional : verb.positionals) usage += ' ' + positional;
  usage += " [OPTIONS]";
  return usage;
}

void print_top_help(std::ostream& out, const po::options_description& global) {
  out << "Usage: modelarts <group> <verb> [ARGS] [OPTIONS]\n"
         "       modelarts raw METHOD PATH [--data JSON]\n\n"
         "Manage ModelArts training, visualization and label jobs from the command line.\n"
         "Credentials and endpoint come from the environment (HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK,\n"
         "HUAWEICLOUD_SDK_PROJECT_ID, MODELARTS_REGION, MODELARTS_ENDPOINT, ...) and ~/.huaweicloud/credentials.\n\n"
         "Groups:\n";
  std::size_t width = 0;
  for (const auto& group : all_groups()) width = std::max(width, group.name.size());
  for (const auto& group : all_groups()) print_column(out, group.name, group.summary, width);
  out << '\n' << global << '\n'
      << "Exit status: 0 success, 1 the service or network failed, 2 usage error.\n"
         "Run 'modelarts <group> --help' for a group's verbs.\n";
}

void print_group_help(std::ostream& out, const Group& group) {
  if (group.direct) return;
  out << "Usage: modelarts " << group.name << " <verb> [ARGS] [OPTIONS]\n\n" << group.summary << "\n\nVerbs:\n";
  std::size_t width = 0;
  for (const auto& verb : group.verbs) width = std::max(width, verb.name.size());
  for (const auto& verb : group.verbs) print_column(out, verb.name, verb.summary, width);
  out << "\nRun 'modelarts " << group.name << " <verb> --help' for a verb's arguments and options.\n";
}

void print_verb_help(std::ostream& out, const Group& group, const Verb& verb, const po::options_description& own,
                     const po::options_description& global) {
  out << "Usage: " << verb_usage(group, verb) << "\n\n" << verb.summary << '\n';
  if (!verb.details.empty()) out << '\n' << verb.details << '\n';
  if (!own.options().empty()) out << '\n' << own;
  out << '\n' << global;
}

}  // namespace modelarts::cli
