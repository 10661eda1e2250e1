#include "global_options.hpp"

#include <ostream>

#include "usage_error.hpp"

namespace modelarts::cli {

namespace po = boost::program_options;

namespace {

OutputFormat parse_output_format(const std::string& text) {
  if (text == "table") return OutputFormat::table;
  if (text == "json") return OutputFormat::json;
  throw UsageError("unknown output format '" + text + "'", "use -o table or -o json");
}

const char* level_name(LogLevel level) {
  switch (level) {
    case LogLevel::debug: return "debug";
    case LogLevel::info: return "info";
    case LogLevel::warning: return "warning";
    case LogLevel::error: return "error";
  }
  return "log";
}

}  // namespace

po::options_description global_options_description(GlobalOptions& target) {
  po::options_description options("Global options", 100, 50);
  options.add_options()
      ("endpoint", po::value(&target.endpoint)->value_name("URL"),
       "ModelArts endpoint (default: MODELARTS_ENDPOINT, else https://modelarts.{region}.myhuaweicloud.com)")
      ("region", po::value(&target.region)->value_name("REGION"), "region (default: MODELARTS_REGION)")
      ("project-id", po::value(&target.project_id)->value_name("ID"),
       "project ID (default: HUAWEICLOUD_SDK_PROJECT_ID, else looked up through IAM)")
      ("ca-file", po::value(&target.ca_file)->value_name("FILE"), "PEM bundle to trust (default: MODELARTS_CA_FILE)")
      ("insecure", po::bool_switch(&target.insecure), "do NOT verify the server's TLS certificate (test endpoints only)")
      ("verbose,v", po::bool_switch(&target.verbose), "print the SDK's request log to stderr (secrets are never logged)")
      ("output,o", po::value<std::string>()->value_name("FORMAT")->notifier([&target](const std::string& text) {
         target.output = parse_output_format(text);
       }),
       "table (default) or json (the service's JSON)")
      ("help,h", "show help for the command given before it");
  return options;
}

const std::vector<std::string>& global_options_with_values() {
  static const std::vector<std::string> names = {"--endpoint", "--region", "--project-id", "--ca-file", "--output",
                                                 "-o"};
  return names;
}

Session make_session(const GlobalOptions& global, std::ostream& err) {
  SessionOptions options = SessionOptions::from_environment();
  if (!global.endpoint.empty()) options.modelarts_endpoint(global.endpoint);
  if (!global.region.empty()) options.region_name(global.region);
  if (!global.project_id.empty()) options.project_id(global.project_id);
  TransportOptions transport = options.transport_options();
  if (!global.ca_file.empty()) transport.ca_file = global.ca_file;
  if (global.insecure) {
    transport.insecure_skip_tls_verify = true;
    err << "modelarts: WARNING: --insecure: TLS certificates are NOT verified; anyone on the path can read and "
           "change this traffic\n";
  }
  options.transport_options(transport);
  options.log_level(global.verbose ? LogLevel::debug : LogLevel::warning);
  options.log_handler([&err](LogLevel level, std::string_view line) {
    err << "modelarts: [" << level_name(level) << "] " << line << '\n';
  });
  return Session(std::move(options));
}

}  // namespace modelarts::cli
