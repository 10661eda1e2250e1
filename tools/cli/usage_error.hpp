// The two ways a command fails besides the SDK's own exceptions: a usage error (exit status 2, message plus
// a hint on stderr) and a failure the CLI itself detects after talking to the service (exit status 1).
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace modelarts::cli {

class UsageError : public std::runtime_error {
 public:
  UsageError(const std::string& message, std::string hint = {})
      : std::runtime_error(message), hint_(std::move(hint)) {}
  const std::string& hint() const noexcept { return hint_; }

 private:
  std::string hint_;
};

/// Something the service reported that the command treats as a failure (e.g. a job that ended FAILED).
class CommandFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace modelarts::cli
