#include "transport/request_writer.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace modelarts::transport {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

bool is_token(std::string_view text) {
  if (text.empty()) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u > 32 && u < 127 && std::string_view("\"(),/:;<=>?@[\\]{}").find(c) == std::string_view::npos;
  });
}

bool has_control(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

bool method_has_body(std::string_view method) { return method == "POST" || method == "PUT" || method == "PATCH"; }

}  // namespace

std::optional<std::string> validate_request(const HttpRequest& request) {
  if (!is_token(request.method)) return "invalid HTTP method '" + request.method + "'";
  if (request.target.empty() || request.target.front() != '/' ||
      std::any_of(request.target.begin(), request.target.end(),
                  [](char c) { return static_cast<unsigned char>(c) <= 32 || c == 127; })) {
    return std::string("invalid request target (must start with '/', no spaces or control characters)");
  }
  if (request.scheme != "http" && request.scheme != "https") return "unsupported scheme '" + request.scheme + "'";
  if (request.host.empty() || has_control(request.host)) return std::string("invalid host");
  for (const auto& [name, value] : request.headers) {
    if (!is_token(name)) return "invalid header name '" + name + "'";
    // The value is not shown: it may be a credential.
    if (has_control(value)) return "header '" + name + "' contains CR, LF or NUL";
  }
  return std::nullopt;
}

std::string serialize_request_head(const HttpRequest& request, const Origin& origin, const RequestForm& form) {
  std::string head;
  head.reserve(256 + request.target.size() + request.headers.size() * 64);
  head += request.method;
  head += ' ';
  if (form.absolute_target) head += origin.scheme + "://" + origin.authority();
  head += request.target;
  head += " HTTP/1.1\r\n";
  bool has_host = false;
  for (const auto& [name, value] : request.headers) {
    if (iequals(name, "Content-Length")) continue;  // ours below is the one that matches the body
    has_host = has_host || iequals(name, "Host");
    head += name;
    head += ": ";
    head += value;
    head += "\r\n";
  }
  if (!has_host) head += "Host: " + origin.authority() + "\r\n";
  if (form.absolute_target && !form.proxy_authorization.empty()) {
    head += "Proxy-Authorization: " + form.proxy_authorization + "\r\n";
  }
  if (!request.body.empty() || method_has_body(request.method)) {
    head += "Content-Length: " + std::to_string(request.body.size()) + "\r\n";
  }
  head += "\r\n";
  return head;
}

}  // namespace modelarts::transport
