// SPDX-License-Identifier: Apache-2.0
// LogTail: turns successive logs/preview answers (the newest <= 5 MiB of a growing log, with its full size)
// into the bytes not yet delivered, each exactly once and in order (docs/service-quirks.md, Q10). Pure:
// no I/O, so the window arithmetic is tested on its own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <modelarts/v2/training_job_info.hpp>

namespace modelarts::v2::detail {

class LogTail {
 public:
  struct Delta {
    std::string text;           ///< new bytes, in log order
    std::int64_t gap_from = 0;  ///< bytes [gap_from, gap_to) of the log are missing before `text`
    std::int64_t gap_to = 0;    ///< (they left the window between two polls); equal: no gap
    bool restarted = false;     ///< the log shrank (rotated or the task restarted): `text` starts a new log
  };

  /// What `preview` adds to what was delivered so far.
  Delta next(const LogPreview& preview);
  /// Bytes of the log delivered or skipped so far (the full_size last seen).
  std::int64_t position() const noexcept { return position_; }

 private:
  std::int64_t position_ = 0;
};

/// Splits a byte stream into whole lines for a sink: keeps the unfinished last line until its newline
/// arrives (or finish()), so a line is never cut in two (nor a UTF-8 sequence inside it).
class LineBuffer {
 public:
  /// Appends `text` and returns the whole lines it completes (with their newlines); may be empty.
  std::string push(const std::string& text);
  /// The unfinished rest, emptied.
  std::string finish();

 private:
  std::string pending_;
};

}  // namespace modelarts::v2::detail
