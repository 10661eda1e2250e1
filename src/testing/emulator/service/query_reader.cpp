// SPDX-License-Identifier: Apache-2.0
#include "query_reader.hpp"

namespace modelarts::testing::detail::service {

std::optional<std::string> QueryReader::get(std::string_view name) const {
  for (const auto& [key, value] : query_)
    if (key == name) return value;
  return std::nullopt;
}

namespace {
std::optional<std::int64_t> parse_integer(const std::string& text) {
  std::size_t i = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
  if (text.size() <= i || text.size() > 18) return std::nullopt;
  for (std::size_t k = i; k < text.size(); ++k)
    if (text[k] < '0' || text[k] > '9') return std::nullopt;
  return std::stoll(text);
}
}  // namespace

std::optional<std::int64_t> QueryReader::optional_integer(std::string_view name, std::int64_t min, std::int64_t max) {
  auto text = get(name);
  if (!text || text->empty()) return std::nullopt;
  auto value = parse_integer(*text);
  if (!value) {
    fail(invalid_argument("Invalid parameter: " + std::string(name) + " must be an integer"));
    return std::nullopt;
  }
  if (*value < min || *value > max) {
    fail(parameter_error("The " + std::string(name) + " should be in [" + std::to_string(min) + "," +
                         std::to_string(max) + "]"));
    return std::nullopt;
  }
  return value;
}

std::int64_t QueryReader::integer(std::string_view name, std::int64_t fallback, std::int64_t min, std::int64_t max) {
  return optional_integer(name, min, max).value_or(fallback);
}

std::string QueryReader::choice(std::string_view name, std::string_view fallback,
                                std::initializer_list<std::string_view> allowed) {
  auto text = get(name);
  if (!text || text->empty()) return std::string(fallback);
  for (std::string_view a : allowed)
    if (*text == a) return *text;
  std::string list;
  for (std::string_view a : allowed) list += (list.empty() ? "" : "|") + std::string(a);
  fail(invalid_argument("Invalid parameter: " + std::string(name) + " must be one of " + list));
  return std::string(fallback);
}

std::string QueryReader::search_content(std::size_t max_length) {
  std::string text = get("search_content").value_or("");
  if (text.size() > max_length) {
    fail(parameter_error("The length of search content should be in [0," + std::to_string(max_length) + "]"));
    return {};
  }
  return text;
}

}  // namespace modelarts::testing::detail::service
