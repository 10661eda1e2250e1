// Helpers for the reliability and security tests: a thread-safe capture of every SDK log line, a check
// that no secret appears in a text, a loopback server that records request targets, and a child-process
// runner for the CLI.
#pragma once

#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <modelarts/session.hpp>

#include "support/loopback_server.hpp"

namespace modelarts::test {

/// Collects every line the SDK logs (any level), for the secret and warning checks.
class LogCapture {
 public:
  LogHandler handler() {
    return [this](LogLevel level, std::string_view line) {
      std::lock_guard<std::mutex> lock(mutex_);
      lines_.emplace_back(level, std::string(line));
    };
  }
  std::vector<std::pair<LogLevel, std::string>> lines() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return lines_;
  }
  std::size_t count(LogLevel level) const {
    std::lock_guard<std::mutex> lock(mutex_);
    std::size_t n = 0;
    for (const auto& entry : lines_) n += entry.first == level;
    return n;
  }
  /// Lines (any level) that contain `needle`.
  std::size_t count_containing(std::string_view needle) const {
    std::lock_guard<std::mutex> lock(mutex_);
    std::size_t n = 0;
    for (const auto& entry : lines_) n += entry.second.find(needle) != std::string::npos;
    return n;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::pair<LogLevel, std::string>> lines_;
};

/// The first of `secrets` found in `text`, or empty when none is there.
inline std::string leaked_secret(std::string_view text, const std::vector<std::string>& secrets) {
  for (const std::string& secret : secrets) {
    if (!secret.empty() && text.find(secret) != std::string_view::npos) return secret;
  }
  return {};
}

/// A loopback HTTP server that records each request target and answers with `reply`.
class RecordingServer {
 public:
  explicit RecordingServer(ServerResponse reply)
      : server_(LoopbackServer::serve_http([this, reply = std::move(reply)](const ServerRequest& request) {
          {
            std::lock_guard<std::mutex> lock(mutex_);
            targets_.emplace_back(request.target().data(), request.target().size());
            methods_.emplace_back(request.method_string().data(), request.method_string().size());
          }
          return reply;
        })) {}

  std::uint16_t port() const { return server_.port(); }
  std::string endpoint() const { return "http://127.0.0.1:" + std::to_string(server_.port()); }
  std::vector<std::string> targets() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return targets_;
  }
  std::vector<std::string> methods() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return methods_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> targets_;
  std::vector<std::string> methods_;
  LoopbackServer server_;  // last: its threads use the members above until it is destroyed
};

struct ProcessResult {
  int exit_status = -1;  ///< the exit code, or -1 when the process did not exit normally (signal)
  std::string output;    ///< stdout and stderr together
};

/// Runs `command` through /bin/sh with stderr joined to stdout. Arguments must already be shell-quoted.
inline ProcessResult run_process(const std::string& command) {
  ProcessResult result;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
  const int status = ::pclose(pipe);
  if (status != -1 && WIFEXITED(status)) result.exit_status = WEXITSTATUS(status);
  return result;
}

/// 'text' quoted for /bin/sh (single quotes, embedded quotes escaped).
inline std::string shell_quote(std::string_view text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

}  // namespace modelarts::test
