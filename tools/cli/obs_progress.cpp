// SPDX-License-Identifier: Apache-2.0
#include "obs_progress.hpp"

#include <cstdio>
#include <ostream>
#include <string>

namespace modelarts::cli {

std::string format_bytes(std::uint64_t bytes) {
  static const char* const kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  if (bytes < 1024) return std::to_string(bytes) + " B";
  double value = static_cast<double>(bytes);
  std::size_t unit = 0;
  while (value >= 1024 && unit + 1 < sizeof kUnits / sizeof *kUnits) {
    value /= 1024;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof text, "%.1f %s", value, kUnits[unit]);
  return text;
}

TransferProgressLine::TransferProgressLine(Invocation& invocation, const char* verb) : verb_(verb) {
  if (is_terminal(2)) line_ = std::make_unique<ProgressLine>(invocation.err(), true);
}

obs::ProgressCallback TransferProgressLine::callback() {
  if (!line_) return {};
  return [this](const obs::TransferProgress& p) {  // called one at a time by the SDK
    std::string text = std::string(verb_) + ": " + format_bytes(p.bytes_done) + " of " + format_bytes(p.bytes_total);
    if (p.files_total > 1) text += ", " + std::to_string(p.files_done) + " of " + std::to_string(p.files_total) + " files";
    line_->show(text);
  };
}

void TransferProgressLine::finish() {
  if (line_) line_->finish();
}

}  // namespace modelarts::cli
