// SPDX-License-Identifier: Apache-2.0
#include "terminal_text.hpp"

#include <cstdint>
#include <cstdio>

namespace modelarts::cli {

namespace {

/// Decodes one UTF-8 sequence at `at`; returns its length, 0 when the bytes there are not valid UTF-8
/// (overlong forms, surrogates and code points above U+10FFFF included).
std::size_t decode(std::string_view text, std::size_t at, char32_t& code_point) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  char32_t value = 0;
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, value = lead & 0x1FU;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, value = lead & 0x0FU;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, value = lead & 0x07U;
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0U) != 0x80U) return 0;
    value = (value << 6) | (byte(i) & 0x3FU);
  }
  if ((length == 3 && value < 0x800) || (length == 4 && (value < 0x10000 || value > 0x10FFFF)) ||
      (value >= 0xD800 && value <= 0xDFFF))
    return 0;
  code_point = value;
  return length;
}

/// `\xNN` (a byte) or `\uNNNN` (a code point).
void escape(std::string& out, bool code_point, unsigned value) {
  char buffer[12];
  if (code_point)
    std::snprintf(buffer, sizeof buffer, "\\u%04x", value);
  else
    std::snprintf(buffer, sizeof buffer, "\\x%02x", value);
  out += buffer;
}

bool wide(char32_t c) {
  // East Asian Width W and F (Unicode 15, abridged to the blocks text actually uses).
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xA960 && c <= 0xA97F) || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE10 && c <= 0xFE19) || (c >= 0xFE30 && c <= 0xFE6F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) || (c >= 0x1F900 && c <= 0x1F9FF) ||
         (c >= 0x20000 && c <= 0x2FFFD) || (c >= 0x30000 && c <= 0x3FFFD);
}

bool zero_width(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) || (c >= 0xFE00 && c <= 0xFE0F) ||
         c == 0x20E3;
}

}  // namespace

std::string terminal_safe(std::string_view text, CleanRules rules) {
  const bool json = rules.style == EscapeStyle::json;
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    char32_t c = 0;
    const std::size_t length = decode(text, at, c);
    if (length == 0) {
      escape(out, json, json ? 0xFFFDU : static_cast<unsigned char>(text[at]));
      ++at;
      continue;
    }
    const bool control = c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
    if (control && !(c == '\n' && rules.newline) && !(c == '\t' && rules.tab)) {
      escape(out, json || c >= 0x80, static_cast<unsigned>(c));
    } else {
      out.append(text.substr(at, length));
    }
    at += length;
  }
  return out;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t at = 0; at < text.size();) {
    char32_t c = 0;
    const std::size_t length = decode(text, at, c);
    if (length == 0) {
      width += 4;  // shown as \xNN
      ++at;
      continue;
    }
    width += wide(c) ? 2U : zero_width(c) ? 0U : 1U;
    at += length;
  }
  return width;
}

std::size_t invalid_utf8_at(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    char32_t c = 0;
    const std::size_t length = decode(text, at, c);
    if (length == 0) return at;
    at += length;
  }
  return std::string_view::npos;
}

}  // namespace modelarts::cli
