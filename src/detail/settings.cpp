// SPDX-License-Identifier: Apache-2.0
#include "detail/settings.hpp"

#include "detail/pipeline.hpp"
#include "detail/result.hpp"

#include <cstdlib>
#include <fstream>
#include <vector>

#include <openssl/evp.h>

#include <modelarts/signer.hpp>

#include "detail/redaction.hpp"
#include "detail/text.hpp"

namespace modelarts::detail {
namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::string(value) : std::string();
}

// INI lines: blanks and the '\r' of CRLF files.
std::string_view trim_ini(std::string_view text) noexcept { return trim(text, " \t\r"); }

bool lower_alnum(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Huawei Cloud region names: "cn-north-4", "eu-west-101", "ap-southeast-1", "la-south-2".
bool valid_region(std::string_view region) noexcept {
  if (region.empty() || region.size() > 63 || region.front() == '-' || region.back() == '-') return false;
  for (std::size_t i = 0; i < region.size(); ++i) {
    const char c = region[i];
    if (c == '-' ? region[i - 1] == '-' : !lower_alnum(c)) return false;
  }
  return true;
}

std::string quoted(std::string_view value) { return '"' + escape_control(value, 80) + '"'; }

}  // namespace

bool valid_project_id(std::string_view project_id) noexcept {
  if (project_id.empty() || project_id.size() > 64) return false;
  for (char c : project_id) {
    const bool ok = lower_alnum(c) || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::string invalid_settings(const SessionOptions& options) {
  if (!options.region_name().empty() && !valid_region(options.region_name())) {
    return "region_name (MODELARTS_REGION) is not a region name (lower-case letters, digits and single hyphens, "
           "like cn-north-4): " + quoted(options.region_name());
  }
  if (!options.project_id().empty() && !valid_project_id(options.project_id())) {
    return "project_id (HUAWEICLOUD_SDK_PROJECT_ID) is not a project ID (letters, digits, '-' or '_', at most 64): " +
           quoted(options.project_id());
  }
  return {};
}

std::vector<std::string> url_credentials(std::string_view url) {
  const std::size_t scheme_end = url.find("://");
  url.remove_prefix(scheme_end == std::string_view::npos ? 0 : scheme_end + 3);
  const std::size_t at = url.rfind('@');
  if (at == std::string_view::npos) return {};
  const std::string_view userinfo = url.substr(0, at);
  const std::size_t colon = userinfo.find(':');
  const std::string_view user = userinfo.substr(0, colon);
  const std::string_view password = colon == std::string_view::npos ? std::string_view() : userinfo.substr(colon + 1);
  const std::string_view secret = colon == std::string_view::npos ? user : password;
  if (secret.empty()) return {};
  // As the transport sends it: Proxy-Authorization: Basic base64(decoded user ":" decoded password).
  const std::string basic = percent_decode(user) + ':' + percent_decode(password);
  std::string encoded(4 * ((basic.size() + 2) / 3) + 1, '\0');
  const int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()),
                                     reinterpret_cast<const unsigned char*>(basic.data()), static_cast<int>(basic.size()));
  encoded.resize(static_cast<std::size_t>(length));
  return {std::string(secret), percent_decode(secret), encoded};
}

std::map<std::string, std::map<std::string, std::string>> read_ini(const std::string& file) {
  std::map<std::string, std::map<std::string, std::string>> sections;
  std::ifstream in(file);
  if (!in) return sections;
  std::string raw;
  std::map<std::string, std::string>* section = nullptr;
  while (std::getline(in, raw)) {
    const std::string_view line = trim_ini(raw);
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;
    if (line.front() == '[') {
      const std::size_t close = line.find(']');
      section = close != std::string_view::npos ? &sections[ascii_lowercase(trim_ini(line.substr(1, close - 1)))] : nullptr;
      continue;
    }
    const std::size_t equals = line.find('=');
    if (section == nullptr || equals == std::string_view::npos) continue;
    (*section)[ascii_lowercase(trim_ini(line.substr(0, equals)))] = std::string(trim_ini(line.substr(equals + 1)));
  }
  return sections;
}

std::map<std::string, std::string> read_ini_section(const std::string& file, std::string_view section) {
  auto sections = read_ini(file);
  const auto found = sections.find(ascii_lowercase(section));
  return found != sections.end() ? std::move(found->second) : std::map<std::string, std::string>{};
}

std::string credentials_file_path() {
  std::string path = env("HUAWEICLOUD_SDK_CREDENTIALS_FILE");
  if (!path.empty()) return path;
  const std::string home = env("HOME");
  if (home.empty()) return {};
  return home + "/.huaweicloud/credentials";
}

std::vector<MissingSetting> missing_setting_list(const SessionOptions& options) {
  std::vector<MissingSetting> missing;
  const bool any_key = !options.access_key().empty() || !options.secret_key().empty();
  const bool any_password =
      !options.account().empty() || !options.username().empty() || !options.password().empty();
  const bool password = !any_key && any_password;
  if (password) {
    if (options.account().empty()) missing.push_back({"account", "MODELARTS_ACCOUNT", ""});
    if (options.username().empty()) missing.push_back({"username", "MODELARTS_USERNAME", ""});
    if (options.password().empty()) missing.push_back({"password", "MODELARTS_PASSWORD", ""});
  } else {
    if (options.access_key().empty()) missing.push_back({"access_key", "HUAWEICLOUD_SDK_AK", "ak"});
    if (options.secret_key().empty()) missing.push_back({"secret_key", "HUAWEICLOUD_SDK_SK", "sk"});
  }
  // The region names the default endpoints and the project (IAM look-up, token scope).
  const bool region_needed = options.modelarts_endpoint().empty() || options.project_id().empty() ||
                             (password && options.iam_endpoint().empty());
  if (region_needed && options.region_name().empty()) missing.push_back({"region_name", "MODELARTS_REGION", "region"});
  return missing;
}

std::string missing_settings(const SessionOptions& options) {
  const std::vector<MissingSetting> missing = missing_setting_list(options);
  if (missing.empty()) return {};
  std::string text = "missing settings: ";
  for (std::size_t i = 0; i < missing.size(); ++i) {
    if (i > 0) text += ", ";
    text += missing[i].setting + " (" + missing[i].environment + ")";
  }
  const bool any_password =
      !options.account().empty() || !options.username().empty() || !options.password().empty();
  if (options.access_key().empty() && options.secret_key().empty() && !any_password) {
    text += " (or account/username/password: MODELARTS_ACCOUNT, MODELARTS_USERNAME, MODELARTS_PASSWORD)";
  }
  text += "; set them in code, in the environment, or in " + credentials_file_path() + " [basic]";
  return text;
}

}  // namespace modelarts::detail

namespace modelarts {

SessionOptions SessionOptions::from_environment() { return detail::options_from_profile({}); }

}  // namespace modelarts

namespace modelarts::detail {

SessionOptions options_from_profile(const std::string& profile) {
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
  const auto either = [&env](const char* upper, const char* lower) {
    std::string value = env(upper);
    return value.empty() ? env(lower) : value;
  };
  TransportOptions transport = options.transport_options();
  if (!ca_file.empty()) transport.ca_file = ca_file;
  transport.https_proxy = either("HTTPS_PROXY", "https_proxy");
  // httpoxy: under CGI, HTTP_PROXY may come from a request's "Proxy:" header; no http proxy is taken then.
  if (env("REQUEST_METHOD").empty()) transport.http_proxy = either("HTTP_PROXY", "http_proxy");
  transport.no_proxy = either("NO_PROXY", "no_proxy");
  options.transport_options(std::move(transport));
  // The profile: the argument, else MODELARTS_PROFILE, else [basic]. A profile asked for by name must exist.
  std::string name = !profile.empty() ? profile : env("MODELARTS_PROFILE");
  const bool named = !name.empty();
  if (!named) name = "basic";
  const std::string path = credentials_file_path();
  auto sections = read_ini(path);
  const auto section = sections.find(ascii_lowercase(name));
  if (named && section == sections.end()) {
    throw_error(configuration_error("profile '" + name + "' (MODELARTS_PROFILE) is not in " + path));
  }
  const std::map<std::string, std::string> file =
      section != sections.end() ? section->second : std::map<std::string, std::string>{};
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
  options.region_name(fill(options.region_name(), "region"));
  options.modelarts_endpoint(fill(options.modelarts_endpoint(), "modelarts_endpoint"));
  options.iam_endpoint(fill(options.iam_endpoint(), "iam_endpoint"));
  options.obs_endpoint(fill(options.obs_endpoint(), "obs_endpoint"));
  return options;
}

}  // namespace modelarts::detail
