// SPDX-License-Identifier: Apache-2.0
// The one cleaning step every byte the CLI prints goes through (tables, FIELD/VALUE lists, error lines, the
// progress line, logs, raw bodies and JSON): text from the service or the command line is untrusted, and a
// control byte in it could clear the screen, set the window title or hide a line. Each C0 control (except the
// layout a caller allows), DEL, each C1 control (U+0080..U+009F) and each byte of invalid UTF-8 becomes a
// visible escape; everything else passes unchanged, so the output is always valid UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace modelarts::cli {

enum class EscapeStyle {
  text,  ///< `\x1b` for a control byte or an invalid byte, `\u009b` for a C1 control
  json,  ///< `\u001b`, `\u009b` (valid inside a JSON string), `\ufffd` for an invalid byte
};

struct CleanRules {
  bool newline = false;  ///< let '\n' through (multi-line text: logs, raw bodies, JSON)
  bool tab = false;      ///< let '\t' through
  EscapeStyle style = EscapeStyle::text;
};

std::string terminal_safe(std::string_view text, CleanRules rules = {});

/// Columns `text` takes on a terminal: East Asian Wide and Fullwidth characters 2, combining marks 0, others 1.
std::size_t display_width(std::string_view text);

/// Where `text` is not valid UTF-8: the offset of the first bad byte, or npos.
std::size_t invalid_utf8_at(std::string_view text);

}  // namespace modelarts::cli
