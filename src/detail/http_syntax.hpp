// SPDX-License-Identifier: Apache-2.0
// What HTTP/1.1 allows in a header name and value (RFC 7230 3.2), checked both by the signer (a caller's
// headers) and by the transport (everything it writes): one definition for both.
#pragma once

#include <string_view>

namespace modelarts::detail {

/// RFC 7230 tchar: ALPHA DIGIT and !#$%&'*+-.^_`|~ .
constexpr bool is_token_char(unsigned char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '!' || c == '#' ||
         c == '$' || c == '%' || c == '&' || c == '\'' || c == '*' || c == '+' || c == '-' || c == '.' || c == '^' ||
         c == '_' || c == '`' || c == '|' || c == '~';
}

/// A byte per character, built at compile time: one look-up instead of a chain of comparisons.
struct TokenTable {
  bool allowed[256] = {};
  constexpr TokenTable() {
    for (unsigned c = 0; c < 256; ++c) allowed[c] = is_token_char(static_cast<unsigned char>(c));
  }
};
inline constexpr TokenTable kTokenTable;

/// A non-empty run of tchar: a valid method or header name.
constexpr bool is_token(std::string_view text) noexcept {
  if (text.empty()) return false;
  for (const char c : text) {
    if (!kTokenTable.allowed[static_cast<unsigned char>(c)]) return false;
  }
  return true;
}

/// Whether a header value holds CR, LF or NUL, which would end or split the header line. Values (signatures,
/// tokens) are the longest strings checked: find() is libc's vectorized memchr, and three passes of it cost
/// less than one byte-by-byte loop.
inline bool has_line_break_or_nul(std::string_view value) noexcept {
  return value.find('\r') != std::string_view::npos || value.find('\n') != std::string_view::npos ||
         value.find('\0') != std::string_view::npos;
}

}  // namespace modelarts::detail
