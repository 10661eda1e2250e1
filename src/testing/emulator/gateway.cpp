// SPDX-License-Identifier: Apache-2.0
#include "testing/emulator/gateway.hpp"

#include <boost/beast/http/field.hpp>

#include "testing/emulator/json_replies.hpp"
#include "testing/emulator/request_target.hpp"

namespace modelarts::testing::detail {
namespace {

namespace http = boost::beast::http;

Reply reply_of(HttpResponseMessage response) { return Reply{std::move(response), {}, false}; }

ServiceRequest service_request_of(HttpRequestMessage& request, RequestTarget& target) {
  ServiceRequest out;
  out.method = std::string(request.method_string());
  out.segments = std::move(target.segments);
  out.query = std::move(target.query);
  out.content_type = std::string(request[http::field::content_type]);
  out.body = std::move(request.body());
  return out;
}

HttpResponseMessage response_of(ServiceResponse&& answer, const std::string& request_id) {
  HttpResponseMessage response = json_reply(answer.status, std::move(answer.body), request_id);
  for (auto& [name, value] : answer.headers) response.set(name, value);
  return response;
}

// "v1", "v2", "v9", "v3.0": an API version, never an OBS bucket (the service answers 404 ModelArts.0015 for the
// ones it does not serve).
bool is_version_prefix(const std::string& segment) {
  if (segment.size() < 2 || segment[0] != 'v') return false;
  bool dot = false;
  for (std::size_t i = 1; i < segment.size(); ++i) {
    const char c = segment[i];
    if (c == '.' && !dot && i > 1 && i + 1 < segment.size()) dot = true;
    else if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

Gateway::Gateway(GatewayConfig config, IamEndpoints& iam, const GatewayAuth& auth, FaultInjector& faults,
               ModelArtsService& service, obs::ObsService& obs)
    : config_(std::move(config)), iam_(iam), auth_(auth), faults_(faults), service_(service), obs_(obs) {}

Reply Gateway::route(HttpRequestMessage& request) {
  const std::string request_id = new_request_id();
  auto parsed = parse_request_target(request.target());
  if (auto* problem = std::get_if<TargetProblem>(&parsed)) {
    return reply_of(modelarts_error(400, "ModelArts.0101", "Invalid request path: " + problem->message, request_id));
  }
  RequestTarget& target = std::get<RequestTarget>(parsed);
  const auto& segments = target.segments;
  if (!segments.empty() && (segments[0] == "v3" || segments[0] == "v3.0")) {
    return reply_of(iam_.handle(request, target, request_id));
  }
  if (segments.size() >= 2 && (segments[0] == "v1" || segments[0] == "v2")) return route_modelarts(request, target, request_id);
  if (segments.size() == 1 && segments[0] == "health" && request.method() == http::verb::get) {
    // Unauthenticated and cheap: for readiness checks and load tests (wrk cannot sign).
    return reply_of(json_reply(200, R"({"status":"ok"})", request_id));
  }
  // Everything whose first segment is not an API version (v1, v9, v3.0 ...) is OBS, path-style: "/bucket/key".
  // "/" itself stays the API's 404 (the subset has no ListBuckets).
  if (!segments.empty() && !is_version_prefix(segments[0])) return obs_.handle(request, target, request_id);
  return reply_of(modelarts_error(404, "ModelArts.0015", "The requested resource does not exist.", request_id));
}

Reply Gateway::route_modelarts(HttpRequestMessage& request, RequestTarget& target, const std::string& request_id) {
  const AuthOutcome outcome = auth_.authenticate(request, target.raw_path, target.query);
  if (const auto* refusal = std::get_if<AuthRefusal>(&outcome)) {
    return reply_of(gateway_error(401, "APIGW.0301", refusal->message, request_id));
  }
  const auto& caller = std::get<AuthenticatedCaller>(outcome);
  const std::string& project = target.segments[1];
  if (project != config_.project_id || (caller.by_token && caller.token_project_id != project)) {
    return reply_of(modelarts_error(403, "ModelArts.0210",
                                    "The project ID in the URL does not match the token or the credentials.",
                                    request_id));
  }

  const Fault fault = faults_.next();
  switch (fault.kind) {
    case FaultKind::throttle: {
      Reply reply = reply_of(gateway_error(
          429, "APIGW.0308", "The throttling threshold has been reached: policy user over ratelimit", request_id));
      reply.response.set(http::field::retry_after, std::to_string(config_.retry_after_seconds));
      return reply;
    }
    case FaultKind::internal_error:
      return reply_of(modelarts_error(500, "ModelArts.0010", "Internal error (injected fault).", request_id));
    case FaultKind::unavailable:
      return reply_of(gateway_error(503, "APIGW.0203", "Backend unavailable (injected fault).", request_id));
    case FaultKind::none:
    case FaultKind::delay:
    case FaultKind::cut_off:
      break;
  }

  Reply reply = reply_of(response_of(service_.handle(service_request_of(request, target)), request_id));
  reply.delay = fault.delay;
  reply.cut_off = fault.kind == FaultKind::cut_off;
  return reply;
}

}  // namespace modelarts::testing::detail
