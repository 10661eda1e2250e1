// SPDX-License-Identifier: Apache-2.0
// The state every copy of a Session shares: resolved settings, endpoints, transport, clock, and the
// caches (project ID, IAM token) that many threads may fill at once.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <modelarts/session.hpp>

#include "detail/authenticator.hpp"
#include "detail/endpoint.hpp"
#include "detail/redaction.hpp"
#include "detail/result.hpp"

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

  /// AK/SK signer or IAM token provider, chosen once from the credentials (make_authenticator).
  std::unique_ptr<Authenticator> authenticator;

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
  /// Sends one line to the log handler, with any configured secret masked (callers already avoid them). One line
  /// at a time: calls from parallel transfers never interleave inside the handler.
  void log(LogLevel level, std::string_view line) {
    if (!logs(level)) return;
    std::string text(line);
    redact(text);
    std::lock_guard<std::mutex> lock(log_mutex);
    options.log_handler()(level, text);
  }
  std::mutex log_mutex;

  /// Masks the secret key, security token, password, proxy passwords and the IAM tokens issued to this session
  /// wherever `text` shows them, in any escaped or truncated form (redact_secrets): replies may quote them (the
  /// gateway's signature-mismatch message echoes X-Security-Token).
  void redact(std::string& text) {
    if (text.empty()) return;
    std::vector<std::string_view> secrets(configured_secrets.begin(), configured_secrets.end());
    std::lock_guard<std::mutex> lock(issued_token_mutex);
    for (const std::string& issued : issued_tokens) secrets.emplace_back(issued);
    redact_secrets(text, secrets);
  }
  /// Every text of an error that may have come from a server or a setting.
  void redact(ErrorInfo& error) {
    redact(error.message);
    redact(error.api.error_code);
    redact(error.api.error_msg);
    redact(error.api.error_solution);
    redact(error.api.request_id);
    redact(error.api.raw_body);
  }
  /// Records a newly issued IAM token for redaction (the last few: a reply may still quote the one before).
  /// Its own mutex, because lines are logged while token_mutex is held (during a refresh).
  void remember_issued_token(const std::string& value) {
    std::lock_guard<std::mutex> lock(issued_token_mutex);
    if (issued_tokens.size() == 4) issued_tokens.erase(issued_tokens.begin());
    issued_tokens.push_back(value);
  }
  std::vector<std::string> configured_secrets;  ///< SK, security token, password, proxy passwords; set once
  std::mutex issued_token_mutex;
  std::vector<std::string> issued_tokens;
};

struct SessionAccess {
  static SessionState& state(const Session& session) { return *session.state_; }
};

}  // namespace modelarts::detail
