// SPDX-License-Identifier: Apache-2.0
#include "progress_line.hpp"

#include <unistd.h>

#include <ostream>

#include "terminal_text.hpp"

namespace modelarts::cli {

void ProgressLine::show(const std::string& untrusted) {
  const std::string text = terminal_safe(untrusted);
  if (!interactive_) {
    out_ << text << '\n' << std::flush;
    return;
  }
  // Pad with spaces so a shorter line fully covers the previous one.
  const std::size_t width = display_width(text);
  out_ << '\r' << text;
  if (width < shown_width_) out_ << std::string(shown_width_ - width, ' ');
  out_ << std::flush;
  shown_width_ = width;
}

void ProgressLine::finish() {
  if (interactive_ && shown_width_ > 0) out_ << '\n' << std::flush;
  shown_width_ = 0;
}

bool is_terminal(int file_descriptor) { return ::isatty(file_descriptor) == 1; }

}  // namespace modelarts::cli
