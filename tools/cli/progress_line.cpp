#include "progress_line.hpp"

#include <unistd.h>

#include <ostream>

namespace modelarts::cli {

void ProgressLine::show(const std::string& text) {
  if (!interactive_) {
    out_ << text << '\n' << std::flush;
    return;
  }
  // Pad with spaces so a shorter line fully covers the previous one.
  out_ << '\r' << text;
  if (text.size() < shown_width_) out_ << std::string(shown_width_ - text.size(), ' ');
  out_ << std::flush;
  shown_width_ = text.size();
}

void ProgressLine::finish() {
  if (interactive_ && shown_width_ > 0) out_ << '\n' << std::flush;
  shown_width_ = 0;
}

bool is_terminal(int file_descriptor) { return ::isatty(file_descriptor) == 1; }

}  // namespace modelarts::cli
