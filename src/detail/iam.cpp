// SPDX-License-Identifier: Apache-2.0
#include "detail/iam.hpp"


#include <boost/json.hpp>

#include "detail/error_decoding.hpp"
#include "detail/pipeline.hpp"
#include "detail/settings.hpp"
#include "detail/time_text.hpp"

namespace modelarts::detail {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

std::string token_request_body(const SessionOptions& options) {
  json::object scope_project;
  if (!options.project_id().empty()) scope_project["id"] = options.project_id();
  else scope_project["name"] = options.region_name();
  json::object user{{"name", options.username()},
                    {"password", options.password()},
                    {"domain", json::object{{"name", options.account()}}}};
  json::object auth{
      {"identity", json::object{{"methods", json::array{"password"}}, {"password", json::object{{"user", user}}}}},
      {"scope", json::object{{"project", scope_project}}}};
  return json::serialize(json::object{{"auth", auth}});
}

const json::value* find_path(const json::value& root, std::initializer_list<std::string_view> keys) {
  const json::value* current = &root;
  for (std::string_view key : keys) {
    const auto* object = current->if_object();
    if (object == nullptr) return nullptr;
    current = object->if_contains(key);
    if (current == nullptr) return nullptr;
  }
  return current;
}

std::string string_at(const json::value& root, std::initializer_list<std::string_view> keys) {
  const json::value* found = find_path(root, keys);
  return found != nullptr && found->is_string() ? std::string(found->get_string()) : std::string();
}

ErrorInfo invalid_reply(std::string message) {
  ErrorInfo error;
  error.category = ErrorCategory::transport;
  error.transport_kind = TransportErrorKind::invalid_reply;
  error.message = std::move(message);
  return error;
}

Result<CachedToken> fetch_token(SessionState& state) {
  PreparedRequest request;
  request.method = "POST";
  request.service = Service::iam;
  request.path = state.iam.base_path + "/v3/auth/tokens";
  request.query = {{"nocatalog", "true"}};
  request.body = token_request_body(state.options);
  request.idempotent = false;
  // The token request itself: the retry loop and the transport only, no credentials but its body.
  auto exchange = send_with_retry(state, std::move(request), {{"Content-Type", "application/json"}, {"User-Agent", state.user_agent}},
                                  nullptr);
  if (!exchange) return exchange.error();
  const std::string token_value(exchange.value().response.header("X-Subject-Token"));
  auto decoded = decode_response("POST", exchange.value().path, std::move(exchange.value().response),
                                 Envelope::plain, std::move(exchange.value().attempts));
  if (!decoded) return decoded.error();
  const json::value& body = decoded.value().json;
  if (token_value.empty()) return invalid_reply("IAM token reply has no X-Subject-Token header");
  CachedToken token;
  token.value = token_value;
  const auto now = state.clock->now();
  const auto expires = parse_iso8601_utc(string_at(body, {"token", "expires_at"}));
  if (!expires) return invalid_reply("IAM token reply has no readable token.expires_at");
  token.expires_at = *expires;
  token.issued_at = parse_iso8601_utc(string_at(body, {"token", "issued_at"})).value_or(now);
  token.project_id = string_at(body, {"token", "project", "id"});
  return token;
}

bool fresh(const CachedToken& token, std::chrono::system_clock::time_point now) {
  return now + refresh_margin(token.issued_at, token.expires_at) < token.expires_at;
}

}  // namespace

std::chrono::system_clock::duration refresh_margin(std::chrono::system_clock::time_point issued_at,
                                                   std::chrono::system_clock::time_point expires_at) {
  const auto lifetime = expires_at - issued_at;
  const std::chrono::system_clock::duration hour = 1h;
  return lifetime / 10 < hour ? lifetime / 10 : hour;
}

Result<std::string> current_token(SessionState& state, std::string_view rejected) {
  std::lock_guard<std::mutex> lock(state.token_mutex);
  const auto now = state.clock->now();
  if (state.token && fresh(*state.token, now) && (rejected.empty() || state.token->value != rejected)) {
    return state.token->value;
  }
  const char* why = !state.token ? "obtaining" : (!rejected.empty() ? "refreshing (rejected)" : "refreshing");
  auto fetched = fetch_token(state);
  if (!fetched) {
    state.log(LogLevel::warning, std::string("IAM token: ") + why + " failed: " + fetched.error().message);
    return fetched.error();
  }
  state.token = std::move(fetched.value());
  state.remember_issued_token(state.token->value);
  const auto valid_for = std::chrono::duration_cast<std::chrono::minutes>(state.token->expires_at - now);
  state.log(LogLevel::info, std::string("IAM token: ") + why + " done, valid for " +
                                std::to_string(valid_for.count()) + " min");
  return state.token->value;
}

Result<std::string> resolve_project_id(SessionState& state) {
  std::lock_guard<std::mutex> lock(state.project_mutex);
  if (!state.project_id.empty()) return state.project_id;
  const std::string& region = state.options.region_name();
  auto scoped = state.authenticator->scoped_project();  // a token's project; none for AK/SK
  if (!scoped) return scoped.error();
  if (scoped.value()) {
    if (scoped.value()->empty()) {
      return configuration_error("IAM token for region " + region + " names no project; set project_id");
    }
    if (!valid_project_id(*scoped.value())) return invalid_reply("IAM token names a project ID that cannot stand in a URL");
    state.project_id = *scoped.value();
    return state.project_id;
  }
  PreparedRequest request;
  request.method = "GET";
  request.service = Service::iam;
  request.path = state.iam.base_path + "/v3/projects";
  request.query = {{"name", region}};
  auto exchange = send_with_retry(state, std::move(request), {{"Content-Type", "application/json"}, {"User-Agent", state.user_agent}},
                                  state.authenticator.get());
  if (!exchange) return exchange.error();
  const std::string trace_id(exchange.value().response.header("X-IAM-Trace-Id"));
  auto decoded = decode_response("GET", exchange.value().path, std::move(exchange.value().response),
                                 Envelope::plain, std::move(exchange.value().attempts));
  if (!decoded) return decoded.error();
  const json::value* projects = find_path(decoded.value().json, {"projects"});
  if (projects == nullptr || !projects->is_array()) {
    return invalid_reply("IAM project list reply has no \"projects\" array");
  }
  const std::string trace = trace_id.empty() ? std::string() : " (IAM trace id " + trace_id + ")";
  const auto& list = projects->get_array();
  if (list.size() != 1) {
    return configuration_error("IAM lists " + std::to_string(list.size()) + " projects named " + region +
                               " for these credentials; set project_id (HUAWEICLOUD_SDK_PROJECT_ID)" + trace);
  }
  std::string id = string_at(list.front(), {"id"});
  if (id.empty()) return invalid_reply("IAM project list entry has no id" + trace);
  if (!valid_project_id(id)) return invalid_reply("IAM project list entry has an id that cannot stand in a URL" + trace);
  state.log(LogLevel::debug, "project id for region " + region + " found through IAM: " + id);
  state.project_id = std::move(id);
  return state.project_id;
}

}  // namespace modelarts::detail
