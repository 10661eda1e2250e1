// The state every copy of a Session shares: resolved settings, endpoints, transport, clock, and the
// caches (project ID, IAM token) that many threads may fill at once.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include <modelarts/session.hpp>

#include "detail/endpoint.hpp"

namespace modelarts::detail {

struct CachedToken {
  std::string value;  ///< X-Subject-Token; never logged
  std::chrono::system_clock::time_point issued_at;
  std::chrono::system_clock::time_point expires_at;
  std::string project_id;  ///< token.project.id
};

struct SessionState {
  SessionOptions options;
  Endpoint modelarts;
  Endpoint iam;
  std::shared_ptr<HttpTransport> transport;
  std::shared_ptr<Clock> clock;
  std::string user_agent;  ///< modelarts-cpp/<version>[ suffix]

  bool password_auth() const noexcept { return options.access_key().empty(); }

  /// Configured project ID, or the one found (IAM project list or token scope). Guarded by project_mutex;
  /// held during the look-up so that many threads cause one request.
  std::mutex project_mutex;
  std::string project_id;

  /// Password auth: the current IAM token, fetched and refreshed under token_mutex.
  std::mutex token_mutex;
  std::optional<CachedToken> token;

  bool logs(LogLevel level) const noexcept {
    return options.log_handler() && static_cast<int>(level) >= static_cast<int>(options.log_level());
  }
  /// Sends one line to the log handler. Callers pass only redacted text.
  void log(LogLevel level, std::string_view line) const {
    if (logs(level)) options.log_handler()(level, line);
  }
};

struct SessionAccess {
  static SessionState& state(const Session& session) { return *session.state_; }
};

}  // namespace modelarts::detail
