// `-o json` output. The SDK keeps each reply's JSON text (raw_json), so the CLI prints that as received;
// it only composes JSON for item arrays and for calls whose reply carries nothing but success.
#pragma once

#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace modelarts::cli {

/// `text` as a JSON string literal.
std::string json_quote(const std::string& text);
/// Prints a JSON document followed by a newline.
void print_json(std::ostream& out, const std::string& json);
/// "[a,b,...]" from the items' JSON texts.
std::string json_array(const std::vector<std::string>& items);
/// {"is_success":true,"<key>":"<value>",...} for calls that return no body of their own.
std::string json_success(const std::vector<std::pair<std::string, std::string>>& string_fields);

}  // namespace modelarts::cli
