// SPDX-License-Identifier: Apache-2.0
// UTF-8 checks of text the SDK sends (JSON bodies must be valid UTF-8: the service refuses a whole body over
// one bad byte) or shows (messages).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace modelarts::detail {

/// Length of the well-formed UTF-8 sequence at `at` (1..4; no overlong form, surrogate or value past
/// U+10FFFF), or 0 when the bytes there are not one.
std::size_t utf8_sequence_length(std::string_view text, std::size_t at) noexcept;

bool valid_utf8(std::string_view text) noexcept;

/// Where the JSON text `body` holds a string or key that is not valid UTF-8: its key path ("job_desc",
/// "parameter[2].value", "auth.identity.password.user.password"), or "request body" when it is not JSON at
/// all; nullopt when all is valid. Never quotes a value (it may be a password).
std::optional<std::string> invalid_utf8_field(std::string_view body);

}  // namespace modelarts::detail
