// SPDX-License-Identifier: Apache-2.0
// The default output: an aligned table (lists) or a FIELD/VALUE listing (one object).
#pragma once

#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace modelarts::cli {

class Table {
 public:
  explicit Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}
  /// Cells are cleaned (terminal_safe) and kept on one line.
  void add_row(std::vector<std::string> cells);
  /// Columns padded to their widest cell (in terminal columns: East Asian Wide characters count 2), two spaces apart.
  void print(std::ostream& out) const;
  std::size_t size() const noexcept { return rows_.size(); }

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
};

using Fields = std::vector<std::pair<std::string, std::string>>;
/// One object as "field  value" lines; empty values are left out.
void print_fields(std::ostream& out, const Fields& fields);

}  // namespace modelarts::cli
