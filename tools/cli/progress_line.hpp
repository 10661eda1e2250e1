// SPDX-License-Identifier: Apache-2.0
// The live line `wait` shows: on a terminal one line rewritten in place (\r), otherwise one plain line per
// update so that logs and pipes read well.
#pragma once

#include <iosfwd>
#include <string>

namespace modelarts::cli {

class ProgressLine {
 public:
  ProgressLine(std::ostream& out, bool interactive) : out_(out), interactive_(interactive) {}
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  ~ProgressLine() { finish(); }

  /// Shows `text` (cleaned: the job name and status come from the service).
  void show(const std::string& text);
  /// Ends the rewritten line (terminal mode); idempotent.
  void finish();

 private:
  std::ostream& out_;
  bool interactive_;
  std::size_t shown_width_ = 0;
};

/// True when the file descriptor is a terminal.
bool is_terminal(int file_descriptor);

}  // namespace modelarts::cli
