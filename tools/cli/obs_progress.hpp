// SPDX-License-Identifier: Apache-2.0
// The transfer progress line shared by `obs cp` and `job submit --code-dir`: bytes and files, shown on stderr
// only when it is a terminal (a pipe or a log gets nothing).
#pragma once

#include <memory>

#include <modelarts/obs.hpp>

#include "invocation.hpp"
#include "progress_line.hpp"

namespace modelarts::cli {

class TransferProgressLine {
 public:
  TransferProgressLine(Invocation& invocation, const char* verb);
  /// The callback for TransferOptions::progress; empty when stderr is not a terminal.
  obs::ProgressCallback callback();
  /// Ends the line before the command prints its result.
  void finish();

 private:
  const char* verb_;
  std::unique_ptr<ProgressLine> line_;  // null: not a terminal
};

/// "12.5 MiB", "900 B": binary units, one decimal.
std::string format_bytes(std::uint64_t bytes);

}  // namespace modelarts::cli
