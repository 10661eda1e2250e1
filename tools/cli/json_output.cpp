// SPDX-License-Identifier: Apache-2.0
#include "json_output.hpp"

#include <ostream>

#include "invocation.hpp"
#include "formatting.hpp"
#include "terminal_text.hpp"
#include "usage_error.hpp"

namespace modelarts::cli {

namespace json = boost::json;

namespace {

bool is_time_key(std::string_view key) {
  return key.size() >= 4 && key.substr(key.size() - 4) == "time";
}

/// Epoch milliseconds: integers from 1973 on (smaller numbers under a *time key are durations or counts).
bool is_epoch_ms(const json::value& value) {
  if (value.is_int64()) return value.get_int64() >= 100000000000LL;
  if (value.is_uint64()) return value.get_uint64() >= 100000000000ULL;
  return false;
}

/// Fields that are numbers in the v1 replies, although some replies (the creates) send them as strings.
bool is_numeric_key(std::string_view key) {
  static const std::string_view keys[] = {"job_id", "version_id", "pre_version_id", "status", "create_time",
                                          "start_time", "duration", "spec_id", "engine_id", "engine_type",
                                          "model_id", "worker_server_num", "version_count", "dls_prj_id"};
  for (const auto& numeric : keys)
    if (key == numeric) return true;
  return false;
}

/// "123" -> 123 (digits only, no leading zero, fits in 64 bits); anything else stays as it is.
void number_from_text(json::value& value) {
  if (!value.is_string()) return;
  const std::string_view text = value.get_string();
  if (text.empty() || text.size() > 18 || (text.size() > 1 && text[0] == '0') ||
      text.find_first_not_of("0123456789") != std::string_view::npos)
    return;
  value = static_cast<std::int64_t>(std::stoll(std::string(text)));
}

/// One rule for every document: numeric fields as numbers, times (epoch ms) as ISO 8601 text.
void normalize(json::value& value) {
  if (value.is_object()) {
    for (auto& member : value.get_object()) {
      if (is_numeric_key(member.key())) number_from_text(member.value());
      if (is_time_key(member.key()) && is_epoch_ms(member.value()))
        member.value() = json::string(format_time_iso(member.value().to_number<std::int64_t>()));
      else
        normalize(member.value());
    }
  } else if (value.is_array()) {
    for (auto& element : value.get_array()) normalize(element);
  }
}

void pretty(std::string& out, const json::value& value, int depth) {
  const std::string indent(static_cast<std::size_t>(depth + 1) * 2, ' ');
  const std::string closing(static_cast<std::size_t>(depth) * 2, ' ');
  if (value.is_object() && !value.get_object().empty()) {
    out += "{\n";
    bool first = true;
    for (const auto& member : value.get_object()) {
      if (!first) out += ",\n";
      first = false;
      out += indent + json::serialize(json::string(member.key())) + ": ";
      pretty(out, member.value(), depth + 1);
    }
    out += "\n" + closing + "}";
  } else if (value.is_array() && !value.get_array().empty()) {
    out += "[\n";
    bool first = true;
    for (const auto& element : value.get_array()) {
      if (!first) out += ",\n";
      first = false;
      out += indent;
      pretty(out, element, depth + 1);
    }
    out += "\n" + closing + "]";
  } else {
    out += json::serialize(value);
  }
}

}  // namespace

json::value parse_json(std::string_view text) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return json::object();
  boost::system::error_code error;
  json::value value = json::parse(text, error);
  if (error) throw CommandFailure("the service's reply is not JSON (" + error.message() + ")");
  return value;
}

std::string render_json(json::value document, bool pretty_print) {
  normalize(document);
  std::string text;
  if (pretty_print)
    pretty(text, document, 0);
  else
    text = json::serialize(document);
  // Serialized JSON holds control characters only inside strings, where a \u escape is valid JSON.
  return terminal_safe(text, {true, false, EscapeStyle::json});
}

void print_json(Invocation& invocation, json::value document) {
  invocation.out() << render_json(std::move(document), invocation.global().stdout_is_terminal)
                   << '\n';
}

void print_json_text(Invocation& invocation, std::string_view text) { print_json(invocation, parse_json(text)); }

json::object list_document(json::array items, std::int64_t total) {
  json::object document;
  document["items"] = std::move(items);
  document["total"] = total;
  return document;
}

json::value id_value(const std::string& id) {
  if (!id.empty() && id.size() <= 18 && id.find_first_not_of("0123456789") == std::string::npos && (id == "0" || id[0] != '0'))
    return std::stoll(id);
  return json::string(id);
}

json::object success_document(json::object fields) {
  json::object document;
  document["is_success"] = true;
  for (auto& member : fields) document[member.key()] = std::move(member.value());
  return document;
}

}  // namespace modelarts::cli
