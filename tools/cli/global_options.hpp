// Options accepted before or after any command: where the service is, how to trust it, how to print.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include <modelarts/session.hpp>

namespace modelarts::cli {

enum class OutputFormat { table, json };

struct GlobalOptions {
  std::string endpoint;
  std::string region;
  std::string project_id;
  std::string ca_file;
  bool insecure = false;
  bool verbose = false;
  OutputFormat output = OutputFormat::table;
};

/// Declares the global options, storing into `target` when the parsed map is notified.
boost::program_options::options_description global_options_description(GlobalOptions& target);
/// Global options that take a value, spelled as on the command line ("--endpoint", "-o", ...): the
/// pre-scan that finds the group and verb must skip their values.
const std::vector<std::string>& global_options_with_values();

/// Session() settings (environment, credentials file) with the global options on top. --insecure warns on
/// `err`; --verbose sends the SDK's debug lines (redacted by the SDK) to `err`.
Session make_session(const GlobalOptions& global, std::ostream& err);

}  // namespace modelarts::cli
