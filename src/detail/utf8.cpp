// SPDX-License-Identifier: Apache-2.0
#include "detail/utf8.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/parse_options.hpp>
#include <boost/json/value.hpp>

#include "detail/redaction.hpp"

namespace modelarts::detail {
namespace {

namespace json = boost::json;

bool continuation(unsigned char byte) noexcept { return (byte & 0xC0) == 0x80; }

std::optional<std::string> find_invalid(const json::value& value, const std::string& path) {
  if (const auto* text = value.if_string()) {
    if (!valid_utf8(*text)) return path.empty() ? std::string("request body") : path;
  } else if (const auto* array = value.if_array()) {
    for (std::size_t i = 0; i < array->size(); ++i) {
      if (auto found = find_invalid((*array)[i], path + '[' + std::to_string(i) + ']')) return found;
    }
  } else if (const auto* object = value.if_object()) {
    for (const auto& item : *object) {
      // A key is shown only when it is itself valid (and then with control bytes escaped).
      const bool key_valid = valid_utf8(item.key());
      const std::string key = key_valid ? escape_control(item.key(), 64) : std::string("(a key)");
      const std::string child = path.empty() ? key : path + '.' + key;
      if (!key_valid) return child;
      if (auto found = find_invalid(item.value(), child)) return found;
    }
  }
  return std::nullopt;
}

}  // namespace

std::size_t utf8_sequence_length(std::string_view text, std::size_t at) noexcept {
  const auto byte = static_cast<unsigned char>(text[at]);
  if (byte < 0x80) return 1;
  const std::size_t length = byte >= 0xF5 ? 0 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 ? 2 : 0;
  if (length == 0 || at + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if (!continuation(static_cast<unsigned char>(text[at + i]))) return 0;
  }
  const auto second = static_cast<unsigned char>(text[at + 1]);
  if ((byte == 0xE0 && second < 0xA0) || (byte == 0xED && second >= 0xA0) || (byte == 0xF0 && second < 0x90) ||
      (byte == 0xF4 && second >= 0x90)) {
    return 0;
  }
  return length;
}

bool valid_utf8(std::string_view text) noexcept {
  for (std::size_t at = 0; at < text.size();) {
    if (static_cast<unsigned char>(text[at]) < 0x80) {
      ++at;
      continue;
    }
    const std::size_t length = utf8_sequence_length(text, at);
    if (length == 0) return false;
    at += length;
  }
  return true;
}

std::optional<std::string> invalid_utf8_field(std::string_view body) {
  if (valid_utf8(body)) return std::nullopt;
  json::parse_options options;
  options.allow_invalid_utf8 = true;
  boost::system::error_code ec;
  const json::value value = json::parse(body, ec, {}, options);
  if (ec) return std::string("request body");
  if (auto found = find_invalid(value, {})) return found;
  return std::string("request body");  // outside any string: the JSON text itself
}

}  // namespace modelarts::detail
