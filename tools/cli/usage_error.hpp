// SPDX-License-Identifier: Apache-2.0
// The two ways a command fails besides the SDK's own exceptions: a usage error (exit status 2, message plus
// a hint on stderr) and a failure the CLI itself detects after talking to the service (its own exit status).
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

#include "exit_status.hpp"

namespace modelarts::cli {

class UsageError : public std::runtime_error {
 public:
  UsageError(const std::string& message, std::string hint = {})
      : std::runtime_error(message), hint_(std::move(hint)) {}
  const std::string& hint() const noexcept { return hint_; }

 private:
  std::string hint_;
};

/// Something the service reported that the command treats as a failure, e.g. a job that ended FAILED
/// (ExitStatus::job_unsuccessful).
class CommandFailure : public std::runtime_error {
 public:
  explicit CommandFailure(const std::string& message, ExitStatus status = ExitStatus::failure)
      : std::runtime_error(message), status_(status) {}
  ExitStatus status() const noexcept { return status_; }

 private:
  ExitStatus status_;
};

}  // namespace modelarts::cli
