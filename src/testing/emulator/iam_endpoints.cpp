// SPDX-License-Identifier: Apache-2.0
#include "testing/emulator/iam_endpoints.hpp"

#include <boost/json.hpp>

#include <modelarts/signer.hpp>

#include "testing/emulator/json_replies.hpp"

namespace modelarts::testing::detail {
namespace {

namespace json = boost::json;

constexpr std::string_view kUnauthorized = "The request you have made requires authentication.";
constexpr auto kDefaultTemporaryLifetime = std::chrono::seconds(900);
constexpr std::int64_t kMinTemporarySeconds = 900;
constexpr std::int64_t kMaxTemporarySeconds = 86400;

const json::value* find_path(const json::value& root, std::initializer_list<std::string_view> keys) {
  const json::value* at = &root;
  for (std::string_view key : keys) {
    const json::object* object = at->if_object();
    if (object == nullptr) return nullptr;
    at = object->if_contains(key);
    if (at == nullptr) return nullptr;
  }
  return at;
}

std::string_view string_at(const json::value& root, std::initializer_list<std::string_view> keys) {
  const json::value* value = find_path(root, keys);
  if (value == nullptr || !value->is_string()) return {};
  return value->get_string();
}

bool has_method(const json::value& root, std::string_view method) {
  const json::value* methods = find_path(root, {"auth", "identity", "methods"});
  if (methods == nullptr || !methods->is_array()) return false;
  for (const json::value& item : methods->get_array()) {
    if (item.is_string() && item.get_string() == method) return true;
  }
  return false;
}

json::value parse_or_null(std::string_view body) {
  boost::system::error_code ec;
  json::value value = json::parse(body, ec);
  if (ec) return nullptr;
  return value;
}

}  // namespace

IamEndpoints::IamEndpoints(IamAccount account, CredentialStore& credentials, const GatewayAuth& auth)
    : account_(std::move(account)),
      domain_id_(sha256_hex("domain:" + account_.account).substr(0, 32)),
      user_id_(sha256_hex("user:" + account_.account + '/' + account_.username).substr(0, 32)),
      credentials_(credentials),
      auth_(auth) {}

HttpResponseMessage IamEndpoints::handle(const HttpRequestMessage& request, const RequestTarget& target,
                                         const std::string& request_id) {
  namespace http = boost::beast::http;
  const auto& s = target.segments;
  const http::verb verb = request.method();
  HttpResponseMessage response;
  if (s.size() == 3 && s[0] == "v3" && s[1] == "auth" && s[2] == "tokens" && verb == http::verb::post) {
    response = issue_token(request, request_id);
  } else if (s.size() == 2 && s[0] == "v3" && s[1] == "projects" && verb == http::verb::get) {
    const AuthOutcome outcome = auth_.authenticate(request, target.raw_path, target.query);
    if (const auto* refusal = std::get_if<AuthRefusal>(&outcome)) {
      return gateway_error(401, "APIGW.0301", refusal->message, request_id);
    }
    response = list_projects(target, request_id);
  } else if (s.size() == 3 && s[0] == "v3.0" && s[1] == "OS-CREDENTIAL" && s[2] == "securitytokens" &&
             verb == http::verb::post) {
    response = issue_security_token(request, request_id);
  } else {
    response = keystone_error(404, "Not Found", "The resource could not be found.", request_id);
  }
  response.set("X-IAM-Trace-Id", request_id);
  return response;
}

HttpResponseMessage IamEndpoints::issue_token(const HttpRequestMessage& request, const std::string& request_id) {
  const json::value body = parse_or_null(request.body());
  if (!body.is_object() || !has_method(body, "password")) {
    return keystone_error(400, "Bad Request", "The request body is not a password authentication request.",
                          request_id);
  }
  const std::string_view name = string_at(body, {"auth", "identity", "password", "user", "name"});
  const std::string_view password = string_at(body, {"auth", "identity", "password", "user", "password"});
  const std::string_view domain_name = string_at(body, {"auth", "identity", "password", "user", "domain", "name"});
  const std::string_view domain_id = string_at(body, {"auth", "identity", "password", "user", "domain", "id"});
  const bool domain_matches = domain_name == account_.account || (!domain_id.empty() && domain_id == domain_id_);
  if (name != account_.username || password != account_.password || !domain_matches) {
    return keystone_error(401, "Unauthorized", kUnauthorized, request_id);
  }
  const std::string_view scope_name = string_at(body, {"auth", "scope", "project", "name"});
  const std::string_view scope_id = string_at(body, {"auth", "scope", "project", "id"});
  if (scope_name.empty() && scope_id.empty()) {
    return keystone_error(400, "Bad Request", "A project scope (auth.scope.project name or id) is required.",
                          request_id);
  }
  if ((!scope_name.empty() && scope_name != account_.region) ||
      (!scope_id.empty() && scope_id != account_.project_id)) {
    return keystone_error(401, "Unauthorized", "The project in the scope does not exist or is not accessible.",
                          request_id);
  }

  const IssuedToken issued = credentials_.issue_token(account_.project_id);
  const json::object domain{{"id", domain_id_}, {"name", account_.account}};
  json::object token{
      {"expires_at", format_iam_time(issued.expires_at)},
      {"issued_at", format_iam_time(issued.issued_at)},
      {"methods", json::array{"password"}},
      {"catalog", json::array{}},
      {"project", json::object{{"id", account_.project_id}, {"name", account_.region}, {"domain", domain}}},
      {"user", json::object{{"id", user_id_}, {"name", account_.username}, {"domain", domain},
                            {"password_expires_at", ""}}},
      {"roles", json::array{json::object{{"id", "0"}, {"name", "te_admin"}},
                            json::object{{"id", "0"}, {"name", "op_gated_modelarts"}}}},
  };
  HttpResponseMessage response =
      json_reply(201, json::serialize(json::object{{"token", std::move(token)}}), request_id);
  response.set("X-Subject-Token", issued.token);
  return response;
}

HttpResponseMessage IamEndpoints::list_projects(const RequestTarget& target, const std::string& request_id) const {
  const std::string* name = nullptr;
  for (const auto& [key, value] : target.query) {
    if (key == "name") name = &value;
  }
  json::array projects;
  if (name == nullptr || *name == account_.region) {
    projects.push_back(json::object{
        {"id", account_.project_id},
        {"name", account_.region},
        {"domain_id", domain_id_},
        {"parent_id", domain_id_},
        {"description", ""},
        {"enabled", true},
        {"is_domain", false},
        {"links", json::object{{"self", "/v3/projects/" + account_.project_id}}},
    });
  }
  std::string self = "/v3/projects";
  if (name != nullptr) self += "?name=" + percent_encode(*name);
  json::object body{{"projects", std::move(projects)},
                    {"links", json::object{{"self", self}, {"previous", nullptr}, {"next", nullptr}}}};
  return json_reply(200, json::serialize(body), request_id);
}

HttpResponseMessage IamEndpoints::issue_security_token(const HttpRequestMessage& request,
                                                       const std::string& request_id) {
  const auto token = request.find("X-Auth-Token");
  if (token == request.end() || !credentials_.find_token(token->value())) {
    return keystone_error(401, "Unauthorized", kUnauthorized, request_id);
  }
  std::chrono::seconds lifetime = kDefaultTemporaryLifetime;
  if (!request.body().empty()) {
    const json::value body = parse_or_null(request.body());
    if (!body.is_object() || !has_method(body, "token")) {
      return keystone_error(400, "Bad Request", "The request body is not a token authentication request.",
                            request_id);
    }
    if (const json::value* duration = find_path(body, {"auth", "identity", "token", "duration_seconds"})) {
      if (!duration->is_int64() || duration->get_int64() < kMinTemporarySeconds ||
          duration->get_int64() > kMaxTemporarySeconds) {
        return keystone_error(400, "Bad Request", "duration_seconds must be an integer in [900, 86400].",
                              request_id);
      }
      lifetime = std::chrono::seconds(duration->get_int64());
    }
  }
  const TemporaryCredential credential = credentials_.issue_temporary_credential(lifetime);
  json::object body{{"credential", json::object{{"access", credential.access},
                                                {"secret", credential.secret},
                                                {"securitytoken", credential.security_token},
                                                {"expires_at", format_iam_time(credential.expires_at)}}}};
  return json_reply(201, json::serialize(body), request_id);
}

}  // namespace modelarts::testing::detail
