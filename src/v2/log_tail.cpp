// SPDX-License-Identifier: Apache-2.0
#include "v2/log_tail.hpp"

namespace modelarts::v2::detail {

LogTail::Delta LogTail::next(const LogPreview& preview) {
  Delta delta;
  if (!preview.ready) return delta;
  const auto window = static_cast<std::int64_t>(preview.content.size());
  const std::int64_t full = preview.full_size;
  if (full < position_) {
    // The log shrank: a new log (rotation or a restarted task). Deliver what the window holds of it.
    delta.restarted = true;
    position_ = 0;
  }
  if (full == position_) return delta;
  const std::int64_t window_start = full - window;  // where content begins in the log
  if (window_start > position_) {
    delta.gap_from = position_;
    delta.gap_to = window_start;
    delta.text = preview.content;
  } else {
    delta.text = preview.content.substr(static_cast<std::size_t>(position_ - window_start));
  }
  position_ = full;
  return delta;
}

std::string LineBuffer::push(const std::string& text) {
  pending_ += text;
  const std::size_t last_newline = pending_.rfind('\n');
  if (last_newline == std::string::npos) return {};
  std::string lines = pending_.substr(0, last_newline + 1);
  pending_.erase(0, last_newline + 1);
  return lines;
}

std::string LineBuffer::finish() {
  std::string rest;
  rest.swap(pending_);
  return rest;
}

}  // namespace modelarts::v2::detail
