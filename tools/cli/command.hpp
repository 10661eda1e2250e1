// The command model: a group (training-job, ...) holds verbs (list, get, ...); a verb declares its
// positional arguments and options and runs against an Invocation (parsed values, output streams, session).
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include <modelarts/session.hpp>

#include "global_options.hpp"

namespace modelarts::cli {

namespace po = boost::program_options;

class Invocation {
 public:
  Invocation(const GlobalOptions& global, po::variables_map options, std::vector<std::string> args,
             std::ostream& out, std::ostream& err);

  /// The session, made on first use from the environment plus the global options.
  const Session& session();
  bool json() const noexcept { return global_.output == OutputFormat::json; }
  const GlobalOptions& global() const noexcept { return global_; }
  std::ostream& out() const noexcept { return out_; }
  std::ostream& err() const noexcept { return err_; }

  /// Positional argument `index` (after group and verb), or "" when absent.
  std::string arg(std::size_t index) const;
  bool has(const std::string& option) const { return options_.count(option) > 0 && !options_[option].defaulted(); }
  bool flag(const std::string& option) const { return options_.count(option) > 0 && options_[option].as<bool>(); }
  template <class T>
  std::optional<T> get(const std::string& option) const {
    if (!options_.count(option)) return std::nullopt;
    return options_[option].as<T>();
  }
  template <class T>
  T get_or(const std::string& option, T fallback) const {
    auto value = get<T>(option);
    return value ? *value : fallback;
  }

 private:
  const GlobalOptions& global_;
  po::variables_map options_;
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
  std::function<void(po::options_description&)> add_options;  ///< may be empty
  std::function<int(Invocation&)> run;                           ///< returns the exit status
  std::string details;  ///< extra help text shown by `<group> <verb> --help`
};

struct Group {
  std::string name;
  std::string summary;
  std::vector<Verb> verbs;
  /// A group that is itself the command (raw): its single verb takes the arguments after the group.
  bool direct = false;
};

}  // namespace modelarts::cli
