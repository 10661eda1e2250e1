#include "json_output.hpp"

#include <cstdio>
#include <ostream>

namespace modelarts::cli {

std::string json_quote(const std::string& text) {
  std::string quoted = "\"";
  for (const char c : text) {
    switch (c) {
      case '"': quoted += "\\\""; break;
      case '\\': quoted += "\\\\"; break;
      case '\n': quoted += "\\n"; break;
      case '\r': quoted += "\\r"; break;
      case '\t': quoted += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          quoted += escaped;
        } else {
          quoted += c;
        }
    }
  }
  return quoted + '"';
}

void print_json(std::ostream& out, const std::string& json) {
  out << (json.empty() ? std::string("{}") : json) << '\n';
}

std::string json_array(const std::vector<std::string>& items) {
  std::string array = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) array += ',';
    array += items[i].empty() ? std::string("{}") : items[i];
  }
  return array + ']';
}

std::string json_success(const std::vector<std::pair<std::string, std::string>>& string_fields) {
  std::string json = "{\"is_success\":true";
  for (const auto& [key, value] : string_fields) json += ',' + json_quote(key) + ':' + json_quote(value);
  return json + '}';
}

}  // namespace modelarts::cli
