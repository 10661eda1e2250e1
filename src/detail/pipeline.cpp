// SPDX-License-Identifier: Apache-2.0
// One request's way (docs/architecture.md): encoded path -> headers -> retry loop { authenticate this attempt
// (fresh X-Sdk-Date signature or IAM token) -> send -> log } -> decode.
#include "detail/pipeline.hpp"

#include <algorithm>
#include <chrono>
#include <utility>

#include <boost/json/parse.hpp>

#include "detail/error_decoding.hpp"
#include "detail/iam.hpp"
#include "detail/retry_policy.hpp"
#include "detail/utf8.hpp"

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

// The requests of one call, attempt by attempt: what does not change between attempts is prepared once; each
// attempt is authenticated afresh (a new X-Sdk-Date signature, or the current IAM token). The body lives in the
// HttpRequest alone (moved out of `prepared`); authenticators read it there (Authenticator::authenticate).
class CallAttempts {
 public:
  CallAttempts(PreparedRequest& prepared, const Endpoint& endpoint, HttpHeaders headers, Authenticator* authenticator)
      : authenticator_(authenticator) {
    http_.method = prepared.method;
    http_.scheme = endpoint.scheme;
    http_.host = endpoint.host;
    http_.port = endpoint.port;
    http_.body = std::move(prepared.body);
    call_.method = prepared.method;
    call_.host = endpoint.authority;
    call_.path = prepared.path;
    call_.query = prepared.query;
    call_.headers = std::move(headers);
  }

  /// The request for the next attempt; `credential` receives the IAM token it carries, if any.
  Result<HttpRequest*> next(std::string& credential) {
    if (authenticator_ == nullptr) {
      set_unauthenticated(call_, http_);
    } else if (auto failed = authenticator_->authenticate(call_, http_, credential)) {
      return *failed;
    }
    return &http_;
  }

 private:
  Authenticator* const authenticator_;
  HttpRequest http_;
  SignableRequest call_;
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
    // No ModelArts ID or name contains '/'; sent as %2F, the gateway would read it as two segments.
    if (segment.find('/') != std::string::npos) {
      return invalid_argument_error("path segment " + std::to_string(i + 1) +
                                    " contains '/', which no ModelArts ID does: refused, nothing was sent");
    }
    path.push_back('/');
    path += percent_encode(segment);
  }
  if (path.empty()) path = "/";
  return path;
}

namespace {

// What the record keeps of one attempt's result.
void record(Attempt& attempt, const TransportResult& result) {
  if (const auto* response = std::get_if<HttpResponse>(&result)) {
    attempt.written = BytesWritten::all;
    attempt.status = response->status;
  } else {
    const auto& failure = std::get<TransportFailure>(result);
    attempt.written = failure.written;
    attempt.failure = failure.kind;
  }
}

// The error code of an error answer that is about to be retried (the final answer's is set by decoding).
std::string error_code_of(const HttpResponse& response) {
  bool is_json = false;
  boost::system::error_code ec;
  const boost::json::value parsed = boost::json::parse(response.body, ec);
  is_json = !ec;
  return api_error_details("", "", response, is_json ? &parsed : nullptr).error_code;
}

}  // namespace

Result<Exchange> execute(SessionState& state, PreparedRequest request) {
  HttpHeaders headers;
  headers.reserve(4);
  headers.emplace_back("Content-Type", "application/json");
  if (request.service == Service::modelarts) {
    auto project = resolve_project_id(state);
    if (!project) {
      ErrorInfo error = project.error();
      state.redact(error);
      return error;
    }
    headers.emplace_back("X-Project-Id", std::move(project.value()));
  }
  headers.emplace_back("User-Agent", state.user_agent);
  return send_with_retry(state, std::move(request), std::move(headers), state.authenticator.get());
}

Result<Exchange> send_with_retry(SessionState& state, PreparedRequest request, HttpHeaders headers,
                                 Authenticator* authenticator) {
  // A JSON body (every one but OBS objects; IAM's token request too): one string with invalid UTF-8 makes the
  // service refuse all of it.
  if (auto field = request.json_body ? invalid_utf8_field(request.body) : std::nullopt) {
    return invalid_argument_error(*field + " is not valid UTF-8: refused, nothing was sent");
  }
  const Endpoint& endpoint = request.endpoint != nullptr ? *request.endpoint : endpoint_for(state, request.service);
  const std::string path = wire_path(request.path);
  CallAttempts attempts(request, endpoint, std::move(headers), authenticator);

  const RetryOptions& retry = state.options.retry();
  const int max_attempts = retry.max_attempts() < 1 ? 1 : retry.max_attempts();
  const auto started = state.clock->now();
  auto spent = [&] { return std::chrono::duration_cast<milliseconds>(state.clock->now() - started); };
  bool renewed_after_401 = false;
  int retries_used = 0;
  AttemptLog log;
  while (true) {
    std::string credential;
    auto http = attempts.next(credential);
    if (!http) {
      ErrorInfo error = http.error();
      error.attempts = std::move(log);
      state.redact(error);
      return error;
    }
    // max_total bounds the whole call: the running attempt gets what is left of it (at least 1 ms).
    http.value()->time_budget =
        retry.max_total().count() > 0 ? std::max(milliseconds(1), retry.max_total() - spent()) : milliseconds(0);
    Attempt& attempt = log.begin(state.clock->now());
    const auto sent_at = std::chrono::steady_clock::now();
    TransportResult result = state.transport->send(*http.value());
    const auto elapsed =
        std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - sent_at);
    record(attempt, result);
    if (state.logs(LogLevel::debug)) {
      state.log(LogLevel::debug, status_line(request, path, result, elapsed, log.count()));
    }

    // Decide whether (and after how long) to try again: only the attempt's record decides.
    const auto* response = std::get_if<HttpResponse>(&result);
    if (response != nullptr && response->status == 401 && request.service == Service::modelarts &&
        authenticator != nullptr && !renewed_after_401) {
      renewed_after_401 = true;  // a token may have been revoked early: one fresh credential, one more try
      if (authenticator->renew(credential)) continue;
    }
    if (may_retry(attempt, request.idempotent) && retries_used + 1 < max_attempts) {
      std::optional<milliseconds> retry_after;
      if (response != nullptr) retry_after = parse_retry_after(response->header("Retry-After"), state.clock->now());
      const milliseconds delay = retry_after ? *retry_after : backoff_delay(retry, retries_used + 1, random_jitter());
      if (spent() + delay <= retry.max_total()) {
        ++retries_used;
        if (response != nullptr) attempt.error_code = error_code_of(*response);
        if (state.logs(LogLevel::info)) {
          state.log(LogLevel::info, "retrying " + request.method + ' ' + path + " in " +
                                        std::to_string(delay.count()) + " ms after " +
                                        (response ? std::to_string(response->status)
                                                  : describe_failure(std::get<TransportFailure>(result))) +
                                        " (attempt " + std::to_string(log.count() + 1) + " of " +
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
      return Exchange{std::move(reply), std::move(log), path};
    }
    const auto& failure = std::get<TransportFailure>(result);
    ErrorInfo error;
    error.category = ErrorCategory::transport;
    error.transport_kind = failure.kind;
    error.message = request.method + ' ' + path + ": " + describe_failure(failure);
    state.redact(error.message);
    if (log.count() > 1) error.message += " (after " + std::to_string(log.count()) + " attempts)";
    error.attempts = std::move(log);
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
    // The call's own segments, without the endpoint's base path: as describe(call) writes it.
    std::string context;
    context.reserve(call.method.size() + 1 + request.path.size() - endpoint.base_path.size());
    context.append(call.method).append(1, ' ').append(request.path, endpoint.base_path.size());
    auto exchange = execute(state, std::move(request));
    if (!exchange) return exchange.error();
    auto response = decode_response(call.method, exchange.value().path, std::move(exchange.value().response),
                                    call.envelope, std::move(exchange.value().attempts));
    if (!response) {  // decoded text (error_msg unescaped from JSON) is masked again, and a 200 failure body too
      ErrorInfo error = response.error();
      state.redact(error);
      return error;
    }
    response.value().context = std::move(context);
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
