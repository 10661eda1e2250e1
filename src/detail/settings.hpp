// Where Session settings come from: environment variables and the credentials INI file, and the check that
// names every setting still missing.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <modelarts/session.hpp>

namespace modelarts::detail {

/// Key/value pairs of one INI section ("basic"); empty when the file or section is absent. Lines are
/// "key = value"; '#' and ';' start comments; keys are lower-cased.
std::map<std::string, std::string> read_ini_section(const std::string& file, std::string_view section);

/// ~/.huaweicloud/credentials, or HUAWEICLOUD_SDK_CREDENTIALS_FILE when set.
std::string credentials_file_path();

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
