// SPDX-License-Identifier: Apache-2.0
#include "table.hpp"

#include <algorithm>
#include <ostream>

#include "terminal_text.hpp"

namespace modelarts::cli {

namespace {

/// A cell stays on one line whatever the service put in it: line breaks and tabs become spaces, every other
/// control a visible escape.
std::string one_line(std::string text) {
  std::replace_if(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\t'; }, ' ');
  return terminal_safe(text);
}

void print_row(std::ostream& out, const std::vector<std::string>& cells, const std::vector<std::size_t>& widths) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    line += cells[i];
    if (i + 1 < cells.size()) line += std::string(widths[i] - display_width(cells[i]) + 2, ' ');
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  out << line << '\n';
}

}  // namespace

void Table::add_row(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  for (auto& cell : cells) cell = one_line(std::move(cell));
  rows_.push_back(std::move(cells));
}

void Table::print(std::ostream& out) const {
  std::vector<std::size_t> widths(headers_.size());
  for (std::size_t i = 0; i < headers_.size(); ++i) {
    widths[i] = display_width(headers_[i]);
    for (const auto& row : rows_) widths[i] = std::max(widths[i], display_width(row[i]));
  }
  print_row(out, headers_, widths);
  for (const auto& row : rows_) print_row(out, row, widths);
}

void print_fields(std::ostream& out, const Fields& fields) {
  Table table({"FIELD", "VALUE"});
  for (const auto& [name, value] : fields)
    if (!value.empty()) table.add_row({name, value});
  table.print(out);
}

}  // namespace modelarts::cli
