// SPDX-License-Identifier: Apache-2.0
// `modelarts configure [list]`: writes a profile of ~/.huaweicloud/credentials (the file Session() reads;
// HUAWEICLOUD_SDK_CREDENTIALS_FILE moves it), or shows the settings a command would use, secrets masked.
// On a terminal it asks for each value (Enter keeps the current one; the secret key is not echoed);
// otherwise it takes flags. The file is replaced atomically (temporary file + rename) with mode 0600, and
// everything else in it (other profiles, comments) is kept.
#include <fcntl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <vector>

#include "detail/settings.hpp"
#include "groups.hpp"
#include "json_output.hpp"
#include "options.hpp"
#include "progress_line.hpp"
#include "table.hpp"
#include "terminal_text.hpp"
#include "usage_error.hpp"

namespace modelarts::cli {

namespace {

/// One key of a profile: its file key, the environment variable that overrides it, the global flag (if any).
struct Setting {
  const char* key;
  const char* environment;
  const char* flag;
  bool secret;
  const char* prompt;
};

const std::vector<Setting>& settings() {
  static const std::vector<Setting> all = {
      {"ak", "HUAWEICLOUD_SDK_AK", "--access-key", false, "Access key ID"},
      {"sk", "HUAWEICLOUD_SDK_SK", "--secret-key", true, "Secret access key"},
      {"security_token", "HUAWEICLOUD_SDK_SECURITY_TOKEN", "--security-token", true, nullptr},
      {"region", "MODELARTS_REGION", "--region", false, "Region (e.g. cn-north-4)"},
      {"project_id", "HUAWEICLOUD_SDK_PROJECT_ID", "--project-id", false, "Project ID (empty: looked up through IAM)"},
      {"modelarts_endpoint", "MODELARTS_ENDPOINT", "--endpoint", false, "ModelArts endpoint (empty: the region's)"},
      {"iam_endpoint", "HUAWEICLOUD_SDK_IAM_ENDPOINT", "--iam-endpoint", false, nullptr},
      {"obs_endpoint", "", "--obs-endpoint", false, nullptr},
  };
  return all;
}

std::string profile_name(const Invocation& invocation) {
  if (!invocation.global().profile.empty()) return invocation.global().profile;
  const char* from_env = std::getenv("MODELARTS_PROFILE");
  return from_env != nullptr && *from_env != '\0' ? from_env : "basic";
}

/// What the command line gave for each key (global --region/--project-id/--endpoint, or the verb's own).
std::map<std::string, std::string> given(const Invocation& invocation) {
  std::map<std::string, std::string> values;
  const GlobalOptions& global = invocation.global();
  if (!global.region.empty()) values["region"] = global.region;
  if (!global.project_id.empty()) values["project_id"] = global.project_id;
  if (!global.endpoint.empty()) values["modelarts_endpoint"] = global.endpoint;
  for (const auto& setting : settings()) {
    const std::string option = std::string(setting.flag).substr(2);
    if (invocation.has(option) && option != "region" && option != "project-id" && option != "endpoint")
      values[setting.key] = *invocation.get<std::string>(option);
  }
  return values;
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return text;
}

std::string masked(const std::string& value, bool secret) {
  if (value.empty()) return {};
  if (secret || value.size() <= 4) return "****************";
  return "****************" + value.substr(value.size() - 4);
}

/// Prints `prompt` and reads one line. For a secret, echo is off before the prompt appears, so an answer typed
/// as soon as the prompt shows (or typed ahead) is never echoed.
std::string ask(const std::string& prompt, bool secret) {
  termios saved{};
  const bool hide = secret && ::tcgetattr(0, &saved) == 0;
  if (hide) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(0, TCSANOW, &quiet);
  }
  std::cout << prompt << std::flush;
  std::string line;
  std::getline(std::cin, line);
  if (hide) {
    ::tcsetattr(0, TCSANOW, &saved);
    std::cout << '\n';
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

/// The file with `values` set in [profile]: other sections, other keys and comments stay as they were.
std::string updated_file(const std::string& old_text, const std::string& profile,
                         const std::map<std::string, std::string>& values) {
  std::istringstream in(old_text);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  const auto trimmed = [](std::string text) {
    const auto begin = text.find_first_not_of(" \t\r");
    const auto end = text.find_last_not_of(" \t\r");
    return begin == std::string::npos ? std::string() : text.substr(begin, end - begin + 1);
  };
  std::map<std::string, std::string> pending = values;
  std::vector<std::string> out;
  bool inside = false;
  bool found = false;
  const auto flush_pending = [&]() {
    for (const auto& [key, value] : pending) out.push_back(key + " = " + value);
    pending.clear();
  };
  for (const auto& line : lines) {
    const std::string text = trimmed(line);
    if (!text.empty() && text.front() == '[') {
      if (inside) flush_pending();
      const auto close = text.find(']');
      inside = close != std::string::npos && lower(trimmed(text.substr(1, close - 1))) == lower(profile);
      found = found || inside;
      out.push_back(line);
      continue;
    }
    const auto equals = text.find('=');
    if (inside && equals != std::string::npos && text.front() != '#' && text.front() != ';') {
      const std::string key = lower(trimmed(text.substr(0, equals)));
      const auto replacement = pending.find(key);
      if (replacement != pending.end()) {
        out.push_back(key + " = " + replacement->second);
        pending.erase(replacement);
        continue;
      }
    }
    out.push_back(line);
  }
  if (inside) flush_pending();
  if (!found) {
    if (!out.empty() && !out.back().empty()) out.emplace_back();
    out.push_back("[" + profile + "]");
    flush_pending();
  }
  std::string text;
  for (const auto& line : out) text += line + '\n';
  return text;
}

void write_private_file(const std::string& path, const std::string& content) {
  const auto slash = path.rfind('/');
  const std::string directory = slash == std::string::npos ? "." : path.substr(0, slash);
  if (::mkdir(directory.c_str(), 0700) != 0 && errno != EEXIST)
    throw CommandFailure("cannot create " + directory + ": " + std::strerror(errno));
  std::string temporary = path + ".XXXXXX";
  const int fd = ::mkstemp(temporary.data());  // mode 0600
  if (fd < 0) throw CommandFailure("cannot write " + path + ": " + std::strerror(errno));
  const bool written = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) &&
                       ::fchmod(fd, 0600) == 0 && ::fsync(fd) == 0;
  ::close(fd);
  if (!written || ::rename(temporary.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(temporary.c_str());
    throw CommandFailure("cannot write " + path + ": " + why);
  }
}

int list_settings(Invocation& invocation, const std::string& path, const std::string& profile) {
  const auto sections = detail::read_ini(path);
  const auto section = sections.find(lower(profile));
  const auto command_line = given(invocation);
  Table table({"NAME", "VALUE", "SOURCE"});
  boost::json::object document{{"profile", profile}, {"file", path}};
  boost::json::object values;
  for (const auto& setting : settings()) {
    std::string value, source;
    const char* environment = *setting.environment ? std::getenv(setting.environment) : nullptr;
    if (command_line.count(setting.key)) {
      value = command_line.at(setting.key), source = setting.flag;
    } else if (environment != nullptr && *environment != '\0') {
      value = environment, source = std::string("env ") + setting.environment;
    } else if (section != sections.end() && section->second.count(setting.key)) {
      value = section->second.at(setting.key), source = "file [" + profile + "]";
    }
    const std::string shown = masked(value, setting.secret);
    if (!setting.secret && !shown.empty() && std::string(setting.key) != "ak") {
      table.add_row({setting.key, value, source});
      values[setting.key] = {{"value", value}, {"source", source}};
    } else {
      table.add_row({setting.key, shown, source});
      values[setting.key] = {{"value", shown}, {"source", source}};
    }
  }
  if (invocation.json()) {
    document["settings"] = std::move(values);
    print_json(invocation, std::move(document));
    return 0;
  }
  invocation.out() << "profile " << terminal_safe(profile) << " in " << terminal_safe(path) << "\n";
  table.print(invocation.out());
  return 0;
}

int configure(Invocation& invocation) {
  const std::string action = invocation.arg(0);
  const std::string path = detail::credentials_file_path();
  if (path.empty()) throw ConfigurationError("no credentials file: set HOME or HUAWEICLOUD_SDK_CREDENTIALS_FILE");
  const std::string profile = profile_name(invocation);
  if (profile.find_first_of("[]\n\r") != std::string::npos || profile.empty())
    throw UsageError("--profile: a profile name cannot hold '[', ']' or a line break");
  if (action == "list") return list_settings(invocation, path, profile);
  if (!action.empty()) throw UsageError("unknown action '" + action + "'", "use 'modelarts configure' or 'modelarts configure list'");

  std::map<std::string, std::string> values = given(invocation);
  if (values.empty()) {
    if (!is_terminal(0))
      throw UsageError("no settings given", "on a terminal 'modelarts configure' asks for them; otherwise give flags such as "
                                           "--access-key, --secret-key, --region, --project-id, --endpoint");
    const auto sections = detail::read_ini(path);
    const auto section = sections.find(lower(profile));
    std::cout << "Profile [" << terminal_safe(profile) << "] in " << terminal_safe(path) << " (Enter keeps a value)\n";
    for (const auto& setting : settings()) {
      if (setting.prompt == nullptr) continue;
      std::string current;
      if (section != sections.end() && section->second.count(setting.key)) current = section->second.at(setting.key);
      const std::string shown = setting.secret || std::string(setting.key) == "ak" ? masked(current, setting.secret) : current;
      const std::string answer =
          ask(std::string(setting.prompt) + " [" + terminal_safe(shown.empty() ? "none" : shown) + "]: ", setting.secret);
      if (!answer.empty()) values[setting.key] = answer;
    }
  }
  for (const auto& [key, value] : values) {
    if (value.find_first_of("\n\r") != std::string::npos || invalid_utf8_at(value) != std::string::npos)
      throw UsageError(key + ": the value must be one line of UTF-8 text");
  }
  std::string old_text;
  if (std::ifstream in(path); in) {
    std::ostringstream content;
    content << in.rdbuf();
    old_text = content.str();
  }
  write_private_file(path, updated_file(old_text, profile, values));
  invocation.err() << "Saved profile [" << terminal_safe(profile) << "] in " << terminal_safe(path) << ".\n";
  return 0;
}

Group configure_group() {
  Group group{"configure", "Write a profile of ~/.huaweicloud/credentials, or list the settings in use", {}, true};
  group.verbs.push_back(
      {"configure", "Write a profile (asks on a terminal, takes flags otherwise); 'configure list' shows the settings", {"[list]"},
       [](CLI::App& o) {
         text(o, "access-key", "AK", "access key ID (file key ak)");
         text(o, "secret-key", "SK", "secret access key (file key sk; prefer the prompt: the command line is visible to others)");
         text(o, "security-token", "TOKEN", "security token of a temporary AK/SK (file key security_token)");
         text(o, "iam-endpoint", "URL", "IAM endpoint (file key iam_endpoint)");
         text(o, "obs-endpoint", "URL", "OBS endpoint (file key obs_endpoint)");
       },
       configure,
       "The global --profile, --region, --project-id and --endpoint choose the profile and set region,\n"
       "project_id and modelarts_endpoint. The file is written with mode 0600.\n"
       "Examples:\n  modelarts configure --profile dev\n"
       "  modelarts configure --profile ci --access-key AK --secret-key SK --region cn-north-4\n"
       "  modelarts configure list --profile dev"});
  return group;
}

const GroupRegistration registered{90, configure_group};

}  // namespace

}  // namespace modelarts::cli
