// SPDX-License-Identifier: Apache-2.0
#include "detail/authenticator.hpp"

#include "detail/iam.hpp"
#include "detail/pipeline.hpp"
#include "detail/session_state.hpp"
#include "detail/signing.hpp"

namespace modelarts::detail {
namespace {

class AkSkSigner final : public Authenticator {
 public:
  explicit AkSkSigner(SessionState& state)
      : state_(state),
        credentials_{state.options.access_key(), state.options.secret_key(), state.options.security_token()} {}

  std::optional<ErrorInfo> authenticate(const SignableRequest& call, HttpRequest& request, std::string&) override {
    try {
      SignedRequest signed_request =
          sign_request_with_body(call, request.body, credentials_, format_sdk_date(state_.clock->now()));
      request.target = std::move(signed_request.target);
      request.headers = std::move(signed_request.headers);
    } catch (const Error& e) {  // malformed header: reported, never thrown through the pipeline
      return invalid_argument_error(e.what());
    }
    return std::nullopt;
  }
  bool renew(const std::string&) override { return false; }
  Result<std::optional<std::string>> scoped_project() override { return std::optional<std::string>(); }

 private:
  SessionState& state_;
  const SigningCredentials credentials_;
};

class IamTokenProvider final : public Authenticator {
 public:
  explicit IamTokenProvider(SessionState& state) : state_(state) {}

  std::optional<ErrorInfo> authenticate(const SignableRequest& call, HttpRequest& request,
                                        std::string& credential) override {
    auto token = current_token(state_);
    if (!token) return token.error();
    set_unauthenticated(call, request);
    credential = token.value();
    request.headers.emplace_back("X-Auth-Token", std::move(token.value()));
    return std::nullopt;
  }
  bool renew(const std::string& credential) override {
    state_.log(LogLevel::info, "401: refreshing the IAM token");
    return current_token(state_, credential).ok();
  }
  Result<std::optional<std::string>> scoped_project() override {
    auto token = current_token(state_);
    if (!token) return token.error();
    std::lock_guard<std::mutex> lock(state_.token_mutex);
    return state_.token ? std::optional<std::string>(state_.token->project_id) : std::optional<std::string>();
  }

 private:
  SessionState& state_;
};

}  // namespace

std::unique_ptr<Authenticator> make_authenticator(SessionState& state) {
  if (!state.options.access_key().empty()) return std::make_unique<AkSkSigner>(state);
  return std::make_unique<IamTokenProvider>(state);
}

void set_unauthenticated(const SignableRequest& call, HttpRequest& request) {
  request.target = wire_target(call.path, call.query);
  request.headers = call.headers;
  request.headers.emplace_back("Host", call.host);
}

}  // namespace modelarts::detail
