// SPDX-License-Identifier: Apache-2.0
// Keeps secrets out of what the SDK shows: error messages, raw bodies and log lines may quote what a server sent
// back (a gateway echoes its canonical request, X-Security-Token included; IAM echoes the password) or what the
// caller configured. A server may quote a secret escaped (JSON "\/", "\"", "\\", "\uXXXX"), percent-encoded,
// HTML-escaped, several of these at once, or cut short: every such form is masked.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace modelarts::detail {

/// Fragments of a secret this long or longer are masked wherever they appear; a secret shorter than this is
/// masked where it appears whole.
constexpr std::size_t kSecretFragment = 8;

/// Stands for a text that quoted a secret in a form that could not be masked with certainty.
constexpr std::string_view kWithheldText = "[withheld: the text quoted a credential that could not be masked]";

/// The one redaction function: every text the library lets out (error messages, error_msg, raw bodies, log
/// lines) goes through it. Replaces each stretch of `text` that shows, raw or after undoing JSON, percent, "\x"
/// or HTML escapes (each kind alone and all together, nested up to 8 deep), a fragment of kSecretFragment or
/// more bytes of a non-empty secret (or a shorter secret whole) with "***". When the result would still show
/// one (escapes nested deeper, too many ways to decode, a secret spanning the mask), replaces the whole text
/// with kWithheldText. Returns true when it changed `text`.
bool redact_secrets(std::string& text, const std::vector<std::string_view>& secrets);

/// `url` fit for a message: any user info replaced by "***@" (everything up to the last '@', so a password
/// holding '/', '?' or '#' is covered), query and fragment replaced by "?***", control bytes escaped.
std::string redact_url(std::string_view url);

/// `text` with every C0 control byte, DEL and C1 control (U+0080..U+009F) written as "\xHH" and invalid UTF-8
/// bytes as "\xHH" too, cut to `limit` bytes (then "..."): a setting or server text quoted in a message.
std::string escape_control(std::string_view text, std::size_t limit = 256);

}  // namespace modelarts::detail
