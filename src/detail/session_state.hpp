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
#include "detail/redaction.hpp"

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
  /// Sends one line to the log handler, with any configured secret masked (callers already avoid them).
  void log(LogLevel level, std::string_view line) {
    if (!logs(level)) return;
    std::string text(line);
    redact(text);
    options.log_handler()(level, text);
  }

  /// Masks the secret key, security token, password and current IAM token wherever they appear in `text`:
  /// replies may quote them (the gateway's signature-mismatch message echoes X-Security-Token).
  void redact(std::string& text) {
    std::string token_value;
    {
      std::lock_guard<std::mutex> lock(issued_token_mutex);
      token_value = issued_token;
    }
    redact_secrets(text, {options.secret_key(), options.security_token(), options.password(), token_value});
  }
  /// Records a newly issued IAM token for redaction. Its own mutex, because lines are logged while
  /// token_mutex is held (during a refresh).
  void remember_issued_token(const std::string& value) {
    std::lock_guard<std::mutex> lock(issued_token_mutex);
    issued_token = value;
  }
  std::mutex issued_token_mutex;
  std::string issued_token;
};

struct SessionAccess {
  static SessionState& state(const Session& session) { return *session.state_; }
};

}  // namespace modelarts::detail
