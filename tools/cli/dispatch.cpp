#include "dispatch.hpp"

#include <algorithm>
#include <ostream>

#include <modelarts/error.hpp>

#include "command.hpp"
#include "groups.hpp"
#include "help.hpp"
#include "usage_error.hpp"

namespace modelarts::cli {

namespace {

bool takes_value(const std::string& token) {
  const auto& names = global_options_with_values();
  return std::find(names.begin(), names.end(), token) != names.end();
}

/// Where the group and verb stand in argv: the first two words that are neither options nor the values
/// of global options (verb options come after the verb, so their values are never mistaken for words);
/// and whether help was asked for anywhere.
struct CommandWords {
  std::vector<std::size_t> positions;
  bool help = false;
};

CommandWords find_command_words(const std::vector<std::string>& arguments) {
  CommandWords words;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const std::string& token = arguments[i];
    if (token == "--") break;
    if (token == "-h" || token == "--help") {
      words.help = true;  // wherever it stands: `modelarts training-job create --help`
    } else if (words.positions.size() == 2) {
      continue;
    } else if (token.size() > 1 && token[0] == '-') {
      if (takes_value(token)) ++i;
    } else {
      words.positions.push_back(i);
    }
  }
  return words;
}

const Group& find_group(const std::string& name) {
  for (const auto& group : all_groups())
    if (group.name == name) return group;
  throw UsageError("unknown command group '" + name + "'", "run 'modelarts --help' for the list of groups");
}

const Verb& find_verb(const Group& group, const std::string& name) {
  for (const auto& verb : group.verbs)
    if (verb.name == name) return verb;
  throw UsageError("unknown verb '" + name + "' for " + group.name,
                   "run 'modelarts " + group.name + " --help' for its verbs");
}

void check_positionals(const Group& group, const Verb& verb, const std::vector<std::string>& args) {
  const auto required = static_cast<std::size_t>(std::count_if(
      verb.positionals.begin(), verb.positionals.end(), [](const std::string& p) { return p.front() != '['; }));
  const std::string hint = "usage: " + verb_usage(group, verb);
  if (args.size() < required) throw UsageError("missing " + verb.positionals[args.size()], hint);
  if (args.size() > verb.positionals.size()) throw UsageError("unexpected argument '" + args[verb.positionals.size()] + "'", hint);
}

int run_verb(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err, std::string& hint) {
  GlobalOptions global;
  const po::options_description global_description = global_options_description(global);
  const CommandWords words = find_command_words(arguments);

  if (words.positions.empty()) {
    if (words.help) {
      print_top_help(out, global_description);
      return 0;
    }
    print_top_help(err, global_description);
    throw UsageError("missing command group", "run 'modelarts --help'");
  }
  const Group& group = find_group(arguments[words.positions[0]]);
  std::vector<std::size_t> consumed = {words.positions[0]};
  const Verb* verb = nullptr;
  if (group.direct) {
    verb = &group.verbs.front();
  } else if (words.positions.size() < 2) {
    if (words.help) {
      print_group_help(out, group);
      return 0;
    }
    throw UsageError("missing verb for " + group.name, "run 'modelarts " + group.name + " --help' for its verbs");
  } else {
    verb = &find_verb(group, arguments[words.positions[1]]);
    consumed.push_back(words.positions[1]);
  }
  hint = "run '" + std::string("modelarts ") + group.name + (group.direct ? "" : " " + verb->name) + " --help'";

  po::options_description own("Options", 100, 50);
  if (verb->add_options) verb->add_options(own);
  if (words.help) {
    print_verb_help(out, group, *verb, own, global_description);
    return 0;
  }

  std::vector<std::string> tokens;
  for (std::size_t i = 0; i < arguments.size(); ++i)
    if (std::find(consumed.begin(), consumed.end(), i) == consumed.end()) tokens.push_back(arguments[i]);

  po::options_description all;
  all.add(own).add(global_description);
  all.add_options()("args", po::value<std::vector<std::string>>()->multitoken());
  po::positional_options_description positional;
  positional.add("args", -1);
  const int style = po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
  po::variables_map values;
  po::store(po::command_line_parser(tokens).options(all).positional(positional).style(style).run(), values);
  po::notify(values);
  std::vector<std::string> args;
  if (values.count("args")) args = values["args"].as<std::vector<std::string>>();
  check_positionals(group, *verb, args);

  Invocation invocation(global, std::move(values), std::move(args), out, err);
  return verb->run(invocation);
}

}  // namespace

int run_cli(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
  std::string hint = "run 'modelarts --help'";
  try {
    return run_verb(arguments, out, err, hint);
  } catch (const UsageError& e) {
    out.flush();
    err << "modelarts: " << e.what() << "\nhint: " << (e.hint().empty() ? hint : e.hint()) << '\n';
    return 2;
  } catch (const po::error& e) {
    out.flush();
    err << "modelarts: " << e.what() << "\nhint: " << hint << '\n';
    return 2;
  } catch (const InvalidArgumentError& e) {
    // Refused by the SDK before anything was sent: a bad value on the command line.
    out.flush();
    err << "modelarts: " << e.what() << "\nhint: " << hint << '\n';
    return 2;
  } catch (const std::exception& e) {
    // modelarts::Error (ApiError, TransportError, ...), CommandFailure, or anything else: one line.
    out.flush();
    err << "modelarts: " << e.what() << '\n';
    return 1;
  }
}

}  // namespace modelarts::cli
