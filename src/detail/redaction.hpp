// Keeps secrets out of what the SDK shows: error messages and log lines may quote what a server sent back
// (the gateway echoes its canonical request, X-Security-Token included) or what the caller configured.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace modelarts::detail {

/// Replaces every occurrence of each non-empty secret in `text` with "***".
void redact_secrets(std::string& text, const std::vector<std::string_view>& secrets);

/// `url` with any user info ("user:password@") replaced by "***@", for messages about a URL.
std::string redact_url_userinfo(std::string_view url);

}  // namespace modelarts::detail
