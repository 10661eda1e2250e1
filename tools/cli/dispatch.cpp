// SPDX-License-Identifier: Apache-2.0
#include "dispatch.hpp"

#include <algorithm>
#include <ostream>

#include <CLI/CLI.hpp>
#include <modelarts/error.hpp>

#include "invocation.hpp"
#include "estimator_flags.hpp"
#include "exit_status.hpp"
#include "formatting.hpp"
#include "groups.hpp"
#include "help.hpp"
#include "progress_line.hpp"
#include "suggest.hpp"
#include "terminal_text.hpp"
#include "usage_error.hpp"

namespace modelarts::cli {

namespace {

std::string positional_name(const std::string& declared) {
  return declared.front() == '[' ? declared.substr(1, declared.size() - 2) : declared;
}

/// The command tree: one subcommand per group, one per verb (a direct group is its own verb).
struct Tree {
  CLI::App main{"modelarts", "modelarts"};
  std::vector<std::pair<CLI::App*, const Group*>> groups;
  std::vector<std::pair<CLI::App*, const Verb*>> verbs;
};

void declare_verb(CLI::App& app, const Verb& verb) {
  for (const auto& declared : verb.positionals)
    app.add_option(positional_name(declared), "")->required(declared.front() != '[');
  if (verb.add_options) verb.add_options(app);
}

void build(Tree& tree, GlobalOptions& global) {
  CLI::App& main = tree.main;
  main.set_help_flag();        // help is ours (help.cpp), asked for anywhere
  main.allow_extras();         // unknown words and options are reported by report_extra(), with suggestions
  main.fallthrough();          // a verb passes global options it does not know up to the top
  main.require_subcommand(0, 1);
  add_global_options(main, global);
  for (const auto& group : all_groups()) {
    CLI::App* group_app = main.add_subcommand(group.name, group.summary);
    tree.groups.emplace_back(group_app, &group);
    if (group.direct) {
      declare_verb(*group_app, group.verbs.front());
      tree.verbs.emplace_back(group_app, &group.verbs.front());
      continue;
    }
    for (const auto& verb : group.verbs) {
      CLI::App* verb_app = group_app->add_subcommand(verb.name, verb.summary);
      declare_verb(*verb_app, verb);
      tree.verbs.emplace_back(verb_app, &verb);
    }
  }
}

/// Which group and verb the command line chose (either may be null).
struct Chosen {
  const Group* group = nullptr;
  CLI::App* group_app = nullptr;
  const Verb* verb = nullptr;
  CLI::App* verb_app = nullptr;
  std::string hint() const {
    if (verb) return "run 'modelarts " + group->name + (group->direct ? "" : " " + verb->name) + " --help'";
    if (group) return "run 'modelarts " + group->name + " --help'";
    return "run 'modelarts --help'";
  }
};

Chosen chosen(const Tree& tree) {
  Chosen c;
  for (const auto& [app, group] : tree.groups)
    if (app->parsed()) c.group = group, c.group_app = app;
  for (const auto& [app, verb] : tree.verbs)
    if (app->parsed()) c.verb = verb, c.verb_app = app;
  return c;
}

std::vector<std::string> long_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* option : app.get_options())
    for (const auto& name : option->get_lnames()) names.push_back("--" + name);
  return names;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates, const std::string& hint) {
  const std::string near = nearest(word, candidates);
  return near.empty() ? hint : "did you mean '" + near + "'? (" + hint + ")";
}

/// The first word or option nothing on the command line accepted, as a usage error with a suggestion.
[[noreturn]] void report_extra(const Tree& tree, const Chosen& c, const std::string& extra) {
  if (extra.size() > 1 && extra.front() == '-') {
    const std::string name = extra.substr(0, extra.find('='));
    std::vector<std::string> candidates = long_names(tree.main);
    if (c.verb_app) {
      const auto own = long_names(*c.verb_app);
      candidates.insert(candidates.end(), own.begin(), own.end());
    }
    throw UsageError("unknown option '" + name + "'", did_you_mean(name, candidates, c.hint()));
  }
  if (!c.group) {
    std::vector<std::string> names;
    for (const auto& group : all_groups()) names.push_back(group.name);
    throw UsageError("unknown command group '" + extra + "'", did_you_mean(extra, names, "run 'modelarts --help' for the list of groups"));
  }
  if (!c.verb) {
    std::vector<std::string> names;
    for (const auto& verb : c.group->verbs) names.push_back(verb.name);
    throw UsageError("unknown verb '" + extra + "' for " + c.group->name,
                     did_you_mean(extra, names, "run 'modelarts " + c.group->name + " --help' for its verbs"));
  }
  throw UsageError("unexpected argument '" + extra + "'", "usage: " + verb_usage(*c.group, *c.verb));
}

/// A CLI11 parse error in the CLI's words.
[[noreturn]] void report_parse_error(const Chosen& c, const CLI::ParseError& error) {
  if (dynamic_cast<const CLI::RequiredError*>(&error) && c.verb_app) {
    for (const CLI::Option* option : c.verb_app->get_options()) {
      if (!option->get_required() || option->count() > 0) continue;
      if (option->get_lnames().empty()) throw UsageError("missing " + option->get_name(), "usage: " + verb_usage(*c.group, *c.verb));
      throw UsageError("missing required option --" + option->get_lnames().front(), c.hint());
    }
  }
  throw UsageError(error.what(), c.hint());
}

/// An argument that is not UTF-8 would be sent as is, or refused by the service with the whole request:
/// refuse it here, naming the option it belongs to.
void check_utf8(const std::vector<std::string>& arguments) {
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const std::string& token = arguments[i];
    const std::size_t bad = invalid_utf8_at(token);
    if (bad == std::string::npos) continue;
    std::string owner = "argument " + std::to_string(i + 1);
    if (token.rfind("--", 0) == 0 && token.find('=') != std::string::npos && token.find('=') < bad)
      owner = token.substr(0, token.find('='));
    else if (i > 0 && arguments[i - 1].size() > 1 && arguments[i - 1].front() == '-' && invalid_utf8_at(arguments[i - 1]) == std::string::npos)
      owner = arguments[i - 1];
    throw UsageError(owner + ": the value is not valid UTF-8 (byte " + std::to_string(bad + 1) + ")",
                     "text sent to the service must be UTF-8");
  }
}

int run_verb(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err, std::string& hint) {
  check_utf8(arguments);
  GlobalOptions global;
  global.stdout_is_terminal = is_terminal(1);
  Tree tree;
  build(tree, global);

  std::vector<std::string> reversed(arguments.rbegin(), arguments.rend());
  std::exception_ptr parse_failure;
  try {
    tree.main.parse(reversed);
  } catch (const CLI::ParseError&) {
    parse_failure = std::current_exception();
  } catch (const UsageError&) {
    parse_failure = std::current_exception();
  }
  const Chosen c = chosen(tree);
  hint = c.hint();
  if (global.help) {
    if (c.verb && (c.verb_app != c.group_app || c.group->direct))
      print_verb_help(out, *c.group, *c.verb, *c.verb_app, tree.main);
    else if (c.group)
      print_group_help(out, *c.group);
    else
      print_top_help(out, tree.main);
    return 0;
  }
  const std::vector<std::string> extras = tree.main.remaining(true);
  if (!extras.empty()) report_extra(tree, c, extras.front());
  if (parse_failure) {
    try {
      std::rethrow_exception(parse_failure);
    } catch (const CLI::ParseError& error) {
      report_parse_error(c, error);
    }
  }
  if (global.version && !c.group) {
    print_version(out);
    return 0;
  }
  if (!c.group) {
    print_top_help(err, tree.main);
    throw UsageError("missing command group", "run 'modelarts --help'");
  }
  if (!c.verb) throw UsageError("missing verb for " + c.group->name, "run 'modelarts " + c.group->name + " --help' for its verbs");
  if (global.utc) use_utc();

  std::vector<std::string> args;
  for (const auto& declared : c.verb->positionals) {
    const CLI::Option* option = c.verb_app->get_option(positional_name(declared));
    if (option->count() > 0) args.push_back(option->results().front());
  }
  Invocation invocation(global, *c.verb_app, std::move(args), out, err);
  return c.verb->run(invocation);
}

}  // namespace

int run_cli(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
  std::string hint = "run 'modelarts --help'";
  try {
    return run_verb(arguments, out, err, hint);
  } catch (const InvalidArgumentError& e) {
    // Refused by the SDK before anything was sent: a bad value on the command line.
    out.flush();
    err << "modelarts: " << terminal_safe(in_flag_terms(e.what())) << "\nhint: " << terminal_safe(hint) << '\n';
    return static_cast<int>(ExitStatus::usage);
  } catch (const UsageError& e) {
    out.flush();
    err << "modelarts: " << terminal_safe(e.what()) << "\nhint: " << terminal_safe(e.hint().empty() ? hint : e.hint()) << '\n';
    return static_cast<int>(ExitStatus::usage);
  } catch (const std::exception& e) {
    // modelarts::Error (ApiError, TransportError, ...), CommandFailure, or anything else: one line.
    out.flush();
    const ExitStatus status = exit_status_for(e);
    err << "modelarts: " << terminal_safe(e.what()) << '\n';
    return static_cast<int>(status);
  }
}

}  // namespace modelarts::cli
