// One request's way (design section 3): encoded path -> headers -> retry loop { authenticate this attempt
// (fresh X-Sdk-Date signature or IAM token) -> send -> log } -> decode.
#include "detail/pipeline.hpp"

#include <chrono>
#include <utility>

#include "detail/error_decoding.hpp"
#include "detail/iam.hpp"
#include "detail/retry_policy.hpp"

namespace modelarts::detail {
namespace {

using std::chrono::milliseconds;

const Endpoint& endpoint_for(const SessionState& state, Service service) {
  return service == Service::iam ? state.iam : state.modelarts;
}

std::string describe_failure(const TransportFailure& failure) {
  return std::string(to_string(failure.kind)) + ": " + failure.message;
}

std::string status_line(const PreparedRequest& request, const std::string& path, const TransportResult& result,
                        milliseconds elapsed, int attempt) {
  std::string line = request.method + ' ' + path + " -> ";
  if (const auto* response = std::get_if<HttpResponse>(&result)) line += std::to_string(response->status);
  else line += describe_failure(std::get<TransportFailure>(result));
  line += " (" + std::to_string(elapsed.count()) + " ms, attempt " + std::to_string(attempt) + ')';
  return line;
}

// Authentication of each attempt of one request: a fresh signature (new X-Sdk-Date from the session clock) or
// the current IAM token. What does not change between attempts is prepared once.
class AttemptAuthenticator {
 public:
  AttemptAuthenticator(SessionState& state, const PreparedRequest& prepared, const Endpoint& endpoint,
                       HttpHeaders headers)
      : state_(state),
        signs_(prepared.authenticate && !state.password_auth() && !prepared.signer),
        authenticate_(prepared.authenticate),
        signer_(prepared.signer) {
    http_.method = prepared.method;
    http_.scheme = endpoint.scheme;
    http_.host = endpoint.host;
    http_.port = endpoint.port;
    http_.body = prepared.body;
    if (signs_) {
      signable_.method = prepared.method;
      signable_.host = endpoint.authority;
      signable_.path = prepared.path;
      signable_.query = prepared.query;
      signable_.headers = std::move(headers);
      signable_.body = prepared.body;
    } else {
      http_.target = wire_target(prepared.path, prepared.query);
      headers.emplace_back("Host", endpoint.authority);
      headers_ = std::move(headers);
    }
  }

  /// The request for the next attempt; `token_sent` receives the IAM token it carries, if any.
  Result<const HttpRequest*> next(std::string& token_sent) {
    if (signer_) {
      auto signed_request = signer_(http_);
      if (!signed_request) return signed_request.error();
      return &http_;
    }
    if (signs_) {
      const SigningCredentials credentials{state_.options.access_key(), state_.options.secret_key(),
                                           state_.options.security_token()};
      try {
        SignedRequest signed_request = sign_request(signable_, credentials, format_sdk_date(state_.clock->now()));
        http_.target = std::move(signed_request.target);
        http_.headers = std::move(signed_request.headers);
      } catch (const Error& e) {  // malformed header: reported, never thrown through the pipeline
        return invalid_argument_error(e.what());
      }
      return &http_;
    }
    http_.headers = headers_;
    if (authenticate_) {
      auto token = current_token(state_);
      if (!token) return token.error();
      token_sent = token.value();
      http_.headers.emplace_back("X-Auth-Token", std::move(token.value()));
    }
    return &http_;
  }

 private:
  SessionState& state_;
  const bool signs_;
  const bool authenticate_;
  const AttemptSigner& signer_;
  HttpRequest http_;
  SignableRequest signable_;  // signing only
  HttpHeaders headers_;       // token or no authentication: the headers before the token
};

}  // namespace

ErrorInfo invalid_argument_error(std::string message) {
  ErrorInfo error;
  error.category = ErrorCategory::invalid_argument;
  error.message = std::move(message);
  return error;
}

ErrorInfo configuration_error(std::string message) {
  ErrorInfo error;
  error.category = ErrorCategory::configuration;
  error.message = std::move(message);
  return error;
}

Result<std::string> build_path(std::string_view base_path, const std::vector<std::string>& segments) {
  std::string path(base_path);
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const std::string& segment = segments[i];
    if (segment.empty() || segment == "." || segment == "..") {
      return invalid_argument_error("path segment " + std::to_string(i + 1) + " is " +
                                    (segment.empty() ? std::string("empty") : "\"" + segment + "\"") +
                                    ": refused, nothing was sent");
    }
    path.push_back('/');
    path += percent_encode(segment);
  }
  if (path.empty()) path = "/";
  return path;
}

Result<Exchange> execute(SessionState& state, const PreparedRequest& request) {
  const Endpoint& endpoint = request.endpoint ? *request.endpoint : endpoint_for(state, request.service);
  const std::string path = request.signer ? request.path : wire_path(request.path);

  HttpHeaders headers;
  headers.reserve(4);
  if (!request.signer) headers.emplace_back("Content-Type", "application/json");
  if (request.service == Service::modelarts && !request.signer) {
    auto project = resolve_project_id(state);
    if (!project) return project.error();
    headers.emplace_back("X-Project-Id", std::move(project.value()));
  }
  headers.emplace_back("User-Agent", state.user_agent);
  AttemptAuthenticator authenticator(state, request, endpoint, std::move(headers));

  const RetryOptions& retry = state.options.retry();
  const int max_attempts = retry.max_attempts() < 1 ? 1 : retry.max_attempts();
  const auto started = state.clock->now();
  bool refreshed_after_401 = false;
  int attempts = 0;
  int retries_used = 0;
  while (true) {
    std::string token_sent;
    auto http = authenticator.next(token_sent);
    if (!http) {
      ErrorInfo error = http.error();
      error.attempts = attempts;
      return error;
    }
    ++attempts;
    const auto sent_at = std::chrono::steady_clock::now();
    TransportResult result = state.transport->send(*http.value());
    const auto elapsed =
        std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - sent_at);
    if (state.logs(LogLevel::debug)) {
      state.log(LogLevel::debug, status_line(request, path, result, elapsed, attempts));
    }

    // Decide whether (and after how long) to try again.
    const auto* response = std::get_if<HttpResponse>(&result);
    if (response != nullptr && response->status == 401 && request.service == Service::modelarts &&
        request.authenticate && state.password_auth() && !refreshed_after_401) {
      refreshed_after_401 = true;  // the token may have been revoked early: one fresh token, one more try
      state.log(LogLevel::info, request.method + ' ' + path + " -> 401: refreshing the IAM token");
      auto token = current_token(state, token_sent);
      if (token) continue;
    }
    bool retryable = false;
    std::optional<milliseconds> retry_after;
    if (response != nullptr) {
      // 429 is the gateway refusing before the service saw the request, so even a POST may be resent.
      retryable = (request.idempotent || response->status == 429) && is_retryable_status(response->status);
      if (retryable) retry_after = parse_retry_after(response->header("Retry-After"), state.clock->now());
    } else {
      const auto& failure = std::get<TransportFailure>(result);
      retryable = may_resend_after_transport_failure(request.idempotent, failure.request_written);
    }
    if (retryable && retries_used + 1 < max_attempts) {
      const milliseconds delay = retry_after ? *retry_after : backoff_delay(retry, retries_used + 1, random_jitter());
      const auto spent = std::chrono::duration_cast<milliseconds>(state.clock->now() - started);
      if (spent + delay <= retry.max_total()) {
        ++retries_used;
        if (state.logs(LogLevel::info)) {
          state.log(LogLevel::info, "retrying " + request.method + ' ' + path + " in " +
                                        std::to_string(delay.count()) + " ms after " +
                                        (response ? std::to_string(response->status)
                                                  : describe_failure(std::get<TransportFailure>(result))) +
                                        " (attempt " + std::to_string(attempts + 1) + " of " +
                                        std::to_string(max_attempts) + ')');
        }
        if (delay.count() > 0) state.clock->sleep_for(delay);
        continue;
      }
    }

    if (response != nullptr) {
      HttpResponse reply = std::move(*std::get_if<HttpResponse>(&result));
      // An error reply may quote what we sent (the gateway echoes its canonical request): mask our secrets
      // before the body reaches an error message, a log line or a raw-call caller.
      if (reply.status < 200 || reply.status >= 300) state.redact(reply.body);
      return Exchange{std::move(reply), attempts, path};
    }
    const auto& failure = std::get<TransportFailure>(result);
    ErrorInfo error;
    error.category = ErrorCategory::transport;
    error.transport_kind = failure.kind;
    error.message = request.method + ' ' + path + ": " + describe_failure(failure);
    state.redact(error.message);
    if (attempts > 1) error.message += " (after " + std::to_string(attempts) + " attempts)";
    error.attempts = attempts;
    return error;
  }
}

Result<ApiResponse> try_call(const Session& session, const ApiCall& call) noexcept {
  try {
    SessionState& state = SessionAccess::state(session);
    const Endpoint& endpoint = endpoint_for(state, call.service);
    auto path = build_path(endpoint.base_path, call.segments);
    if (!path) return path.error();
    PreparedRequest request;
    request.method = call.method;
    request.service = call.service;
    request.path = std::move(path.value());
    request.query = call.query;
    request.body = call.body;
    request.idempotent = call.idempotent();
    auto exchange = execute(state, request);
    if (!exchange) return exchange.error();
    auto response = decode_response(call.method, exchange.value().path, std::move(exchange.value().response),
                                    call.envelope, exchange.value().attempts);
    if (response) {
      // The call's own segments, without the endpoint's base path: as describe(call) writes it.
      response.value().context.reserve(call.method.size() + 1 + request.path.size() - endpoint.base_path.size());
      response.value().context.append(call.method).append(1, ' ').append(request.path, endpoint.base_path.size());
    }
    return response;
  } catch (const std::exception& e) {  // allocation failure or a bug below: still no throw from here
    ErrorInfo error;
    error.category = ErrorCategory::transport;
    error.message = call.method + ": unexpected failure: " + e.what();
    return error;
  }
}

ApiResponse call(const Session& session, const ApiCall& call) { return try_call(session, call).value_or_throw(); }

}  // namespace modelarts::detail
