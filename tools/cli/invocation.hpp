// SPDX-License-Identifier: Apache-2.0
// The command model: a group (training-job, ...) holds verbs (list, get, ...); a verb declares its
// positional arguments and options on its CLI11 subcommand and runs against an Invocation (parsed values,
// output streams, session).
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include <modelarts/session.hpp>

#include "global_options.hpp"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace modelarts::cli {

class Invocation {
 public:
  Invocation(const GlobalOptions& global, const CLI::App& verb, std::vector<std::string> args, std::ostream& out,
             std::ostream& err);

  /// The session, made on first use from the environment, the profile and the global options.
  const Session& session();
  bool json() const noexcept { return global_.output == OutputFormat::json; }
  const GlobalOptions& global() const noexcept { return global_; }
  std::ostream& out() const noexcept { return out_; }
  std::ostream& err() const noexcept { return err_; }

  /// Positional argument `index` (after group and verb), or "" when absent.
  std::string arg(std::size_t index) const;
  /// Whether option `--name` was given.
  bool has(const std::string& name) const;
  /// A flag (`--all`): given or not.
  bool flag(const std::string& name) const { return has(name); }
  /// The option's value when given (T: std::string, int, std::int64_t or double), converted as declared.
  template <class T>
  std::optional<T> get(const std::string& name) const;
  template <class T>
  T get_or(const std::string& name, T fallback) const {
    auto value = get<T>(name);
    return value ? *value : fallback;
  }
  /// Every value of a repeatable option, in order; empty when not given.
  std::vector<std::string> all(const std::string& name) const;

 private:
  const CLI::Option* option(const std::string& name) const;

  const GlobalOptions& global_;
  const CLI::App& verb_;
  std::vector<std::string> args_;
  std::ostream& out_;
  std::ostream& err_;
  std::optional<Session> session_;
};

struct Verb {
  std::string name;
  std::string summary;
  /// e.g. {"JOB_ID"} or {"[NAME]"}: bracketed ones are optional and must come last.
  std::vector<std::string> positionals;
  /// Declares the verb's options on its subcommand (see options.hpp); may be empty.
  std::function<void(CLI::App&)> add_options;
  std::function<int(Invocation&)> run;  ///< returns the exit status
  std::string details;                  ///< extra help text shown by `<group> <verb> --help`
};

struct Group {
  std::string name;
  std::string summary;
  std::vector<Verb> verbs;
  /// A group that is itself the command (raw, version): its single verb takes the arguments after the group.
  bool direct = false;
};

}  // namespace modelarts::cli
