// SPDX-License-Identifier: Apache-2.0
#include "help.hpp"

#include <algorithm>
#include <ostream>

#include <CLI/CLI.hpp>
#include <modelarts/version.hpp>

#include "exit_status.hpp"
#include "groups.hpp"

namespace modelarts::cli {

namespace {

void print_column(std::ostream& out, const std::string& name, const std::string& text, std::size_t width) {
  out << "  " << name << std::string(width + 2 - std::min(width, name.size()), ' ') << text << '\n';
}

/// "-o, --output FORMAT" for each named option of `app` (positionals are in the usage line).
void print_options(std::ostream& out, const char* title, const CLI::App& app) {
  std::vector<std::pair<std::string, std::string>> rows;
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_lnames().empty() && option->get_snames().empty()) continue;
    std::string names;
    for (const auto& s : option->get_snames()) names += "-" + s + ", ";
    for (const auto& l : option->get_lnames()) names += "--" + l + ", ";
    names.resize(names.size() - 2);
    if (option->get_type_size() != 0) names += " " + option->get_type_name();
    std::string text = option->get_description();
    if (option->get_required()) text = "REQUIRED: " + text;
    rows.emplace_back(names, text);
  }
  if (rows.empty()) return;
  std::size_t width = 0;
  for (const auto& row : rows) width = std::max(width, row.first.size());
  out << '\n' << title << ":\n";
  for (const auto& [names, text] : rows) print_column(out, names, text, width);
}

}  // namespace

void print_version(std::ostream& out) {
  out << "modelarts " << MODELARTS_VERSION_STRING << " (library " << modelarts::version() << ")\n";
}

std::string verb_usage(const Group& group, const Verb& verb) {
  std::string usage = "modelarts " + group.name;
  if (!group.direct) usage += ' ' + verb.name;
  for (const auto& positional : verb.positionals) usage += ' ' + positional;
  usage += " [OPTIONS]";
  return usage;
}

void print_top_help(std::ostream& out, const CLI::App& main) {
  out << "Usage: modelarts <group> <verb> [ARGS] [OPTIONS]\n"
         "       modelarts raw METHOD PATH [--data JSON|@FILE|-]\n\n"
         "Manage ModelArts training, visualization and label jobs from the command line.\n"
         "Credentials and endpoint come from the environment (HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK,\n"
         "HUAWEICLOUD_SDK_PROJECT_ID, MODELARTS_REGION, MODELARTS_ENDPOINT, ...), then from the profile in\n"
         "~/.huaweicloud/credentials ([basic] unless --profile or MODELARTS_PROFILE; see 'modelarts configure').\n\n"
         "Groups:\n";
  std::size_t width = 0;
  for (const auto& group : all_groups()) width = std::max(width, group.name.size());
  for (const auto& group : all_groups()) print_column(out, group.name, group.summary, width);
  print_options(out, "Global options", main);
  out << "\nExit status:\n" << exit_status_table()
      << "\nRun 'modelarts <group> --help' for a group's verbs.\n";
}

void print_group_help(std::ostream& out, const Group& group) {
  out << "Usage: modelarts " << group.name << " <verb> [ARGS] [OPTIONS]\n\n" << group.summary << "\n\nVerbs:\n";
  std::size_t width = 0;
  for (const auto& verb : group.verbs) width = std::max(width, verb.name.size());
  for (const auto& verb : group.verbs) print_column(out, verb.name, verb.summary, width);
  out << "\nRun 'modelarts " << group.name << " <verb> --help' for a verb's arguments and options.\n";
}

void print_verb_help(std::ostream& out, const Group& group, const Verb& verb, const CLI::App& verb_app,
                     const CLI::App& main) {
  out << "Usage: " << verb_usage(group, verb) << "\n\n" << verb.summary << '\n';
  if (!verb.details.empty()) out << '\n' << verb.details << '\n';
  print_options(out, "Options", verb_app);
  print_options(out, "Global options", main);
}

}  // namespace modelarts::cli
