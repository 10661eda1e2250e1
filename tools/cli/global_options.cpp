// SPDX-License-Identifier: Apache-2.0
#include "global_options.hpp"

#include <chrono>
#include <cstdlib>
#include <ostream>

#include <CLI/CLI.hpp>
#include <modelarts/error.hpp>

#include "detail/proxy_routing.hpp"
#include "detail/settings.hpp"
#include "formatting.hpp"
#include "options.hpp"
#include "progress_line.hpp"
#include "terminal_text.hpp"
#include "usage_error.hpp"
#include "waiting_note.hpp"

namespace modelarts::cli {

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

std::chrono::milliseconds seconds(double value) {
  return std::chrono::milliseconds(static_cast<std::int64_t>(value * 1000.0));
}

CLI::Validator seconds_range() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        char* end = nullptr;
        const double parsed = std::strtod(value.c_str(), &end);
        if (value.empty() || *end != '\0' || !(parsed > 0) || parsed > 86400)
          return "'" + value + "' is not a number of seconds in (0, 86400]";
        return {};
      },
      "");
}

CLI::Validator retry_count() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        if (value.size() != 1 || value[0] < '0' || value[0] > '9') return "'" + value + "' is not a number from 0 to 9";
        return {};
      },
      "");
}

/// The CLI's names for a setting: the flag (if there is one), the environment variable, the file key.
std::string where_to_set(const detail::MissingSetting& missing, const std::string& profile) {
  std::string text = missing.setting == "region_name" ? "--region, " : "";
  text += missing.environment;
  if (!missing.file_key.empty()) text += " or " + missing.file_key + " in [" + profile + "]";
  return text;
}

void check_settings(const SessionOptions& options, const GlobalOptions& global) {
  const auto missing = detail::missing_setting_list(options);
  if (missing.empty()) return;
  std::string profile = global.profile;
  if (profile.empty()) profile = std::getenv("MODELARTS_PROFILE") != nullptr ? std::getenv("MODELARTS_PROFILE") : "";
  if (profile.empty()) profile = "basic";
  std::string text = "missing settings: ";
  for (std::size_t i = 0; i < missing.size(); ++i)
    text += (i ? "; " : "") + missing[i].setting + " (" + where_to_set(missing[i], profile) + ")";
  text += "; the file is " + detail::credentials_file_path() + ", written by 'modelarts configure'";
  throw ConfigurationError(text);
}

}  // namespace

void add_global_options(CLI::App& app, GlobalOptions& target) {
  const std::string group = "Global options";
  app.add_option("--profile", target.profile, "profile (section) of ~/.huaweicloud/credentials (default: MODELARTS_PROFILE, else basic)")
      ->type_name("NAME")->group(group);
  app.add_option("--endpoint", target.endpoint, "ModelArts endpoint (default: MODELARTS_ENDPOINT, the profile's modelarts_endpoint, else https://modelarts.{region}.myhuaweicloud.com)")
      ->type_name("URL")->group(group);
  app.add_option("--region", target.region, "region (default: MODELARTS_REGION, else the profile's region)")
      ->type_name("REGION")->group(group);
  app.add_option("--project-id", target.project_id, "project ID (default: HUAWEICLOUD_SDK_PROJECT_ID, the profile's project_id, else looked up through IAM)")
      ->type_name("ID")->group(group);
  app.add_option("--ca-file", target.ca_file, "PEM bundle to trust (default: MODELARTS_CA_FILE)")->type_name("FILE")->group(group);
  app.add_flag("--insecure", target.insecure, "do NOT verify the server's TLS certificate (test endpoints only)")->group(group);
  app.add_option("--connect-timeout", target.connect_timeout, "seconds to wait for a connection (default 5; MODELARTS_CONNECT_TIMEOUT)")
      ->type_name("SECONDS")->check(seconds_range())->envname("MODELARTS_CONNECT_TIMEOUT")->group(group);
  app.add_option("--read-timeout", target.read_timeout, "seconds of silence from the server before giving up (default 30; MODELARTS_READ_TIMEOUT)")
      ->type_name("SECONDS")->check(seconds_range())->envname("MODELARTS_READ_TIMEOUT")->group(group);
  app.add_option("--retries", target.retries, "retries of a failed request the SDK may repeat (0..9, default 2; MODELARTS_RETRIES)")
      ->type_name("N")->check(retry_count())->envname("MODELARTS_RETRIES")->group(group);
  app.add_option_function<std::string>("-o,--output", [&target](const std::string& text) { target.output = parse_output_format(text); },
                                        "table (default) or json")
      ->type_name("FORMAT")->group(group);
  app.add_flag("--utc", target.utc, "print times in UTC instead of local time")->group(group);
  app.add_flag("-v,--verbose", target.verbose, "print the SDK's request log to stderr (secrets are never logged)")->group(group);
  app.add_flag("-h,--help", target.help, "show help for the command given before it")->group(group);
  app.add_flag("--version", target.version, "print the version and exit")->group(group);
}

Session make_session(const GlobalOptions& global, std::ostream& err) {
  SessionOptions options = detail::options_from_profile(global.profile);
  if (!global.endpoint.empty()) options.modelarts_endpoint(global.endpoint);
  if (!global.region.empty()) options.region_name(global.region);
  if (!global.project_id.empty()) options.project_id(global.project_id);
  check_settings(options, global);

  TransportOptions transport = options.transport_options();
  if (!global.ca_file.empty()) transport.ca_file = global.ca_file;
  if (global.insecure) {
    transport.insecure_skip_tls_verify = true;
    err << "modelarts: WARNING: --insecure: TLS certificates are NOT verified; anyone on the path can read and "
           "change this traffic\n";
  }
  transport.connect_timeout = seconds(global.connect_timeout);
  transport.read_timeout = seconds(global.read_timeout);
  options.transport_options(transport);
  RetryOptions retry = options.retry();
  retry.max_attempts(global.retries + 1);
  options.retry(retry);
  if (is_terminal(2)) {
    const char* after = std::getenv("MODELARTS_WAITING_NOTE_AFTER");
    const double delay = after != nullptr ? std::atof(after) : 3.0;
    options.transport(with_waiting_note(detail::make_session_transport(transport), err, seconds(delay > 0 ? delay : 3.0)));
  }
  // Without -v only errors: a failure reaches the user once, as the command's own error line.
  options.log_level(global.verbose ? LogLevel::debug : LogLevel::error);
  options.log_handler([&err, verbose = global.verbose](LogLevel level, std::string_view line) {
    if (verbose) err << "modelarts: [" << level_name(level) << "] " << terminal_safe(line) << '\n';
  });
  return Session(std::move(options));
}

}  // namespace modelarts::cli
