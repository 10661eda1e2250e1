#include "detail/settings.hpp"

#include <cstdlib>
#include <fstream>
#include <vector>

namespace modelarts::detail {
namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::string(value) : std::string();
}

std::string_view trim(std::string_view text) noexcept {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

}  // namespace

std::map<std::string, std::string> read_ini_section(const std::string& file, std::string_view section) {
  std::map<std::string, std::string> values;
  std::ifstream in(file);
  if (!in) return values;
  std::string raw;
  bool inside = false;
  while (std::getline(in, raw)) {
    const std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;
    if (line.front() == '[') {
      const std::size_t close = line.find(']');
      inside = close != std::string_view::npos && lower(trim(line.substr(1, close - 1))) == lower(section);
      continue;
    }
    if (!inside) continue;
    const std::size_t equals = line.find('=');
    if (equals == std::string_view::npos) continue;
    values[lower(trim(line.substr(0, equals)))] = std::string(trim(line.substr(equals + 1)));
  }
  return values;
}

std::string credentials_file_path() {
  std::string path = env("HUAWEICLOUD_SDK_CREDENTIALS_FILE");
  if (!path.empty()) return path;
  const std::string home = env("HOME");
  if (home.empty()) return {};
  return home + "/.huaweicloud/credentials";
}

std::string missing_settings(const SessionOptions& options) {
  std::vector<std::string> missing;
  const bool any_key = !options.access_key().empty() || !options.secret_key().empty();
  const bool any_password =
      !options.account().empty() || !options.username().empty() || !options.password().empty();
  const bool password = !any_key && any_password;
  if (password) {
    if (options.account().empty()) missing.emplace_back("account (MODELARTS_ACCOUNT)");
    if (options.username().empty()) missing.emplace_back("username (MODELARTS_USERNAME)");
    if (options.password().empty()) missing.emplace_back("password (MODELARTS_PASSWORD)");
  } else {
    if (options.access_key().empty()) missing.emplace_back("access_key (HUAWEICLOUD_SDK_AK)");
    if (options.secret_key().empty()) missing.emplace_back("secret_key (HUAWEICLOUD_SDK_SK)");
  }
  // The region names the default endpoints and the project (IAM look-up, token scope).
  const bool region_needed = options.modelarts_endpoint().empty() || options.project_id().empty() ||
                             (password && options.iam_endpoint().empty());
  if (region_needed && options.region_name().empty()) missing.emplace_back("region_name (MODELARTS_REGION)");
  if (missing.empty()) return {};
  std::string text = "missing settings: ";
  for (std::size_t i = 0; i < missing.size(); ++i) {
    if (i > 0) text += ", ";
    text += missing[i];
  }
  if (!any_key && !any_password) {
    text += " (or account/username/password: MODELARTS_ACCOUNT, MODELARTS_USERNAME, MODELARTS_PASSWORD)";
  }
  text += "; set them in code, in the environment, or in " + credentials_file_path() + " [basic]";
  return text;
}

}  // namespace modelarts::detail

namespace modelarts {

SessionOptions SessionOptions::from_environment() {
  using detail::read_ini_section;
  const auto env = [](const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? std::string(value) : std::string();
  };
  SessionOptions options;
  options.access_key(env("HUAWEICLOUD_SDK_AK"))
      .secret_key(env("HUAWEICLOUD_SDK_SK"))
      .security_token(env("HUAWEICLOUD_SDK_SECURITY_TOKEN"))
      .project_id(env("HUAWEICLOUD_SDK_PROJECT_ID"))
      .iam_endpoint(env("HUAWEICLOUD_SDK_IAM_ENDPOINT"))
      .region_name(env("MODELARTS_REGION"))
      .modelarts_endpoint(env("MODELARTS_ENDPOINT"))
      .obs_endpoint(env("MODELARTS_OBS_ENDPOINT"))
      .account(env("MODELARTS_ACCOUNT"))
      .username(env("MODELARTS_USERNAME"))
      .password(env("MODELARTS_PASSWORD"));
  const std::string ca_file = env("MODELARTS_CA_FILE");
  if (!ca_file.empty()) {
    TransportOptions transport = options.transport_options();
    transport.ca_file = ca_file;
    options.transport_options(std::move(transport));
  }
  const auto file = read_ini_section(detail::credentials_file_path(), "basic");
  const auto fill = [&file](const std::string& current, const char* key) {
    if (!current.empty()) return current;
    const auto found = file.find(key);
    return found != file.end() ? found->second : std::string();
  };
  // AK/SK (and its token) come as a set: a half from the environment and a half from the file would mix
  // two identities, so the file's keys apply only when the environment set neither.
  if (options.access_key().empty() && options.secret_key().empty()) {
    options.access_key(fill({}, "ak")).secret_key(fill({}, "sk"));
    if (options.security_token().empty()) options.security_token(fill({}, "security_token"));
  }
  options.project_id(fill(options.project_id(), "project_id"));
  options.iam_endpoint(fill(options.iam_endpoint(), "iam_endpoint"));
  return options;
}

}  // namespace modelarts
