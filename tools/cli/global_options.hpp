// SPDX-License-Identifier: Apache-2.0
// Options accepted before or after any command: which profile, where the service is, how to trust it, how
// long to wait for it, how to print.
#pragma once

#include <iosfwd>
#include <string>

#include <modelarts/session.hpp>

namespace CLI {
class App;
}

namespace modelarts::cli {

enum class OutputFormat { table, json };

struct GlobalOptions {
  std::string profile;  ///< section of the credentials file; empty: MODELARTS_PROFILE, else "basic"
  std::string endpoint;
  std::string region;
  std::string project_id;
  std::string ca_file;
  bool insecure = false;
  bool verbose = false;
  bool utc = false;
  OutputFormat output = OutputFormat::table;
  bool stdout_is_terminal = false;  ///< -o json pretty-prints on a terminal
  double connect_timeout = 5;  ///< seconds
  double read_timeout = 30;    ///< seconds of silence while reading a reply
  int retries = 2;             ///< attempts after the first, for failures the SDK retries
  bool help = false;
  bool version = false;
};

/// Declares the global options on the top-level app, storing into `target` as they are parsed. CLI11 lets a
/// subcommand hand options it does not know to its parent (fallthrough), so these work anywhere.
void add_global_options(CLI::App& app, GlobalOptions& target);

/// The settings Session() would use (environment, then the profile in the credentials file) with the global
/// options on top; a missing setting is a ConfigurationError naming the flag, the environment variable and
/// the file key. --insecure warns on `err`; --verbose sends the SDK's debug lines (redacted) to `err`; on a
/// terminal, a request silent for a few seconds gets a "waiting for HOST ..." note on `err`.
Session make_session(const GlobalOptions& global, std::ostream& err);

}  // namespace modelarts::cli
