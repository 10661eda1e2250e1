// SPDX-License-Identifier: Apache-2.0
// AttemptLog: one record per call of what became of each attempt (how much of the request was written, the
// answer if one came, why none came). The retry loop appends to it; the retry decision and the recovery rules
// (a retried delete answering "not found", a retried stop answering 0105, a retried create answering "name
// exists") read it. No layer guesses what an earlier attempt did.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include <boost/container/small_vector.hpp>

#include <modelarts/http.hpp>

namespace modelarts::detail {

struct Attempt {
  BytesWritten written = BytesWritten::none;     ///< how much of the request left this side
  int status = 0;                                ///< the answer's HTTP status; 0: no answer came
  std::string error_code;                        ///< the answer's error code, for error answers
  std::optional<TransportErrorKind> failure;     ///< why no answer came
  std::chrono::system_clock::time_point sent_at; ///< the session clock as the attempt started
};

/// What an attempt's record says about its effect on the service.
enum class Fate {
  not_applied,  ///< never written, or answered: the answer says what happened (a 429 or 503 is "not applied")
  unknown,      ///< written, partly or fully, and its answer lost (cut reply, closed, timed out; or a gateway's
                ///< 502/504, which says it lost the service's answer): it may have taken effect
};

inline Fate fate_of(const Attempt& attempt) noexcept {
  if (attempt.written == BytesWritten::none) return Fate::not_applied;
  if (attempt.status == 0) return Fate::unknown;
  return attempt.status == 502 || attempt.status == 504 ? Fate::unknown : Fate::not_applied;
}

class AttemptLog {
 public:
  Attempt& begin(std::chrono::system_clock::time_point sent_at) {
    attempts_.emplace_back().sent_at = sent_at;
    return attempts_.back();
  }
  int count() const noexcept { return static_cast<int>(attempts_.size()); }
  bool empty() const noexcept { return attempts_.empty(); }
  const Attempt& operator[](std::size_t i) const { return attempts_[i]; }
  Attempt& last() { return attempts_.back(); }
  const Attempt& last() const { return attempts_.back(); }
  /// When the call's first attempt started (session clock); the epoch when none did.
  std::chrono::system_clock::time_point first_sent() const noexcept {
    return attempts_.empty() ? std::chrono::system_clock::time_point{} : attempts_.front().sent_at;
  }
  /// The recovery rules' precondition: an attempt before the last one may have taken effect. Only then may
  /// "not found" after a delete, "name exists" after a create or 0105 after a stop/restart be read as "done".
  bool earlier_may_have_applied() const noexcept {
    for (std::size_t i = 0; i + 1 < attempts_.size(); ++i) {
      if (fate_of(attempts_[i]) == Fate::unknown) return true;
    }
    return false;
  }

 private:
  boost::container::small_vector<Attempt, 2> attempts_;  // nearly every call makes one attempt: no allocation
};

}  // namespace modelarts::detail
