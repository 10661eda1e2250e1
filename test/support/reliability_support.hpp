// SPDX-License-Identifier: Apache-2.0
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

namespace detail_leak {
inline int hex(char c) {
  return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}
/// One layer of percent, JSON ("\/", "\"", "\\", "\uXXXX" below U+0800) and "\xHH" escapes undone: written
/// apart from the library's redaction so that the check does not share its mistakes.
inline std::string unescape_once(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2])));
      i += 2;
    } else if (c == '\\' && i + 1 < text.size() && std::string_view("\"\\/").find(text[i + 1]) != std::string_view::npos) {
      out.push_back(text[++i]);
    } else if (c == '\\' && i + 5 < text.size() && text[i + 1] == 'u' && hex(text[i + 2]) >= 0 && hex(text[i + 3]) >= 0 &&
               hex(text[i + 4]) >= 0 && hex(text[i + 5]) >= 0) {
      const int unit = ((hex(text[i + 2]) * 16 + hex(text[i + 3])) * 16 + hex(text[i + 4])) * 16 + hex(text[i + 5]);
      if (unit < 0x80) {
        out.push_back(static_cast<char>(unit));
      } else if (unit < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (unit >> 6)));
        out.push_back(static_cast<char>(0x80 | (unit & 0x3F)));
      } else {
        out.append(text.substr(i, 6));
      }
      i += 5;
    } else if (c == '\\' && i + 3 < text.size() && text[i + 1] == 'x' && hex(text[i + 2]) >= 0 && hex(text[i + 3]) >= 0) {
      out.push_back(static_cast<char>(hex(text[i + 2]) * 16 + hex(text[i + 3])));
      i += 3;
    } else {
      out.push_back(c);
    }
  }
  return out;
}
}  // namespace detail_leak

/// The first of `secrets` that `text` shows, or empty when none: any 8-byte piece of a secret (a shorter secret
/// whole), raw or after undoing up to four layers of percent, JSON and "\x" escapes.
inline std::string leaked_secret(std::string_view text, const std::vector<std::string>& secrets) {
  std::string layer(text);
  for (int depth = 0; depth <= 4; ++depth) {
    for (const std::string& secret : secrets) {
      if (secret.empty()) continue;
      if (secret.size() < 8) {
        if (layer.find(secret) != std::string::npos) return secret;
        continue;
      }
      for (std::size_t at = 0; at + 8 <= secret.size(); ++at) {
        if (layer.find(std::string_view(secret).substr(at, 8)) != std::string::npos) {
          return secret + " (its piece \"" + secret.substr(at, 8) + "\")";
        }
      }
    }
    std::string next = detail_leak::unescape_once(layer);
    if (next == layer) break;
    layer = std::move(next);
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
