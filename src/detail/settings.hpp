// SPDX-License-Identifier: Apache-2.0
// Where Session settings come from: environment variables and the credentials INI file, and the check that
// names every setting still missing.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <modelarts/session.hpp>

namespace modelarts::detail {

/// Every section of an INI file, by lower-cased name, each as key/value pairs; empty when the file is absent.
std::map<std::string, std::map<std::string, std::string>> read_ini(const std::string& file);

/// Key/value pairs of one INI section ("basic"); empty when the file or section is absent. Lines are
/// "key = value"; '#' and ';' start comments; keys are lower-cased.
std::map<std::string, std::string> read_ini_section(const std::string& file, std::string_view section);

/// SessionOptions::from_environment() with the credentials file's section `profile` (empty: MODELARTS_PROFILE,
/// else [basic]). A section may hold ak, sk, security_token, project_id, region, modelarts_endpoint,
/// iam_endpoint and obs_endpoint; the environment wins over the file. Throws ConfigurationError when a profile
/// named here or in MODELARTS_PROFILE is not in the file.
SessionOptions options_from_profile(const std::string& profile);

/// ~/.huaweicloud/credentials, or HUAWEICLOUD_SDK_CREDENTIALS_FILE when set.
std::string credentials_file_path();

/// A setting Session() needs and does not have: its SessionOptions name ("region_name"), the environment
/// variable ("MODELARTS_REGION") and the credentials-file key ("region"; empty when the file cannot hold it).
struct MissingSetting {
  std::string setting;
  std::string environment;
  std::string file_key;
};
std::vector<MissingSetting> missing_setting_list(const SessionOptions& options);

/// Empty when `options` are complete; otherwise "missing settings: access_key (HUAWEICLOUD_SDK_AK), ..." naming
/// each missing setting (never a value).
std::string missing_settings(const SessionOptions& options);

/// Empty when every setting that becomes part of a URL or a request line looks like what it is; otherwise one
/// message naming the first bad setting, with its value quoted (control bytes escaped, never a credential):
/// region_name must be lower-case letters, digits and hyphens ("cn-north-4"), project_id letters, digits, '-'
/// or '_'. Endpoints are checked where they are parsed (parse_endpoint).
std::string invalid_settings(const SessionOptions& options);

/// Whether `project_id` may stand in a URL path and the X-Project-Id header (also for IDs IAM reports).
bool valid_project_id(std::string_view project_id) noexcept;

/// The secrets a URL's user info holds ("http://user:password@proxy:3128"): the password as written and
/// percent-decoded (the user name when there is no password: a token used as the user), and the Basic
/// credential the transport makes of them. For redaction; empty without user info.
std::vector<std::string> url_credentials(std::string_view url);

}  // namespace modelarts::detail
