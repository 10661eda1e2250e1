// SPDX-License-Identifier: Apache-2.0
#include "transport/request_writer.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>

#include "detail/http_syntax.hpp"
#include "detail/text.hpp"

namespace modelarts::transport {
namespace {

using detail::iequals;

bool is_valid_target(std::string_view target) {
  if (target.empty() || target.front() != '/') return false;
  for (const char c : target) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 32 || u == 127) return false;
  }
  return true;
}

bool method_has_body(std::string_view method) { return method == "POST" || method == "PUT" || method == "PATCH"; }

}  // namespace

std::optional<std::string> validate_request(const HttpRequest& request) {
  if (!detail::is_token(request.method)) return "invalid HTTP method '" + request.method + "'";
  if (!is_valid_target(request.target)) {
    return std::string("invalid request target (must start with '/', no spaces or control characters)");
  }
  if (request.scheme != "http" && request.scheme != "https") return "unsupported scheme '" + request.scheme + "'";
  if (request.host.empty() || detail::has_line_break_or_nul(request.host)) return std::string("invalid host");
  for (const auto& [name, value] : request.headers) {
    if (!detail::is_token(name)) return "invalid header name '" + name + "'";
    // The value is not shown: it may be a credential.
    if (detail::has_line_break_or_nul(value)) return "header '" + name + "' contains CR, LF or NUL";
  }
  return std::nullopt;
}

std::string serialize_request_head(const HttpRequest& request, const Origin& origin, const RequestForm& form) {
  constexpr std::string_view field_separator = ": ";
  constexpr std::string_view line_end = "\r\n";
  constexpr std::string_view version = " HTTP/1.1\r\n";
  constexpr std::string_view scheme_separator = "://";
  constexpr std::string_view host_name = "Host: ";
  constexpr std::string_view proxy_name = "Proxy-Authorization: ";
  constexpr std::string_view length_name = "Content-Length: ";
  // No Accept-Encoding would allow any encoding; the SDK reads bodies as they are, so it asks for them as they are.
  constexpr std::string_view identity_encoding = "Accept-Encoding: identity\r\n";

  // Work out every piece first so that the head is allocated once, at its exact size.
  bool has_host = false;
  bool has_accept_encoding = false;
  std::size_t size = request.method.size() + 1 + request.target.size() + version.size() + line_end.size();
  for (const auto& [name, value] : request.headers) {
    if (iequals(name, "Content-Length")) continue;  // ours below is the one that matches the body
    has_host = has_host || iequals(name, "Host");
    has_accept_encoding = has_accept_encoding || iequals(name, "Accept-Encoding");
    size += name.size() + field_separator.size() + value.size() + line_end.size();
  }
  if (!has_accept_encoding) size += identity_encoding.size();
  const bool needs_authority = form.absolute_target || !has_host;
  const std::string authority = needs_authority ? origin.authority() : std::string();
  if (form.absolute_target) size += origin.scheme.size() + scheme_separator.size() + authority.size();
  if (!has_host) size += host_name.size() + authority.size() + line_end.size();
  const bool with_proxy_authorization = form.absolute_target && !form.proxy_authorization.empty();
  if (with_proxy_authorization) size += proxy_name.size() + form.proxy_authorization.size() + line_end.size();
  const bool with_length = !request.body.empty() || method_has_body(request.method);
  char length_digits[24];
  std::size_t length_size = 0;
  if (with_length) {
    length_size = static_cast<std::size_t>(
        std::to_chars(length_digits, length_digits + sizeof length_digits, request.body.size()).ptr - length_digits);
    size += length_name.size() + length_size + line_end.size();
  }

  std::string head;
  head.reserve(size);
  head.append(request.method).append(1, ' ');
  if (form.absolute_target) head.append(origin.scheme).append(scheme_separator).append(authority);
  head.append(request.target).append(version);
  for (const auto& [name, value] : request.headers) {
    if (iequals(name, "Content-Length")) continue;
    head.append(name).append(field_separator).append(value).append(line_end);
  }
  if (!has_host) head.append(host_name).append(authority).append(line_end);
  if (!has_accept_encoding) head.append(identity_encoding);
  if (with_proxy_authorization) head.append(proxy_name).append(form.proxy_authorization).append(line_end);
  if (with_length) head.append(length_name).append(length_digits, length_size).append(line_end);
  head.append(line_end);
  return head;
}

}  // namespace modelarts::transport
