// Where Session settings come from: environment variables and the credentials INI file, and the check that
// names every setting still missing.
#pragma once

#include <map>
#include <string>
#include <string_view>

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

}  // namespace modelarts::detail
