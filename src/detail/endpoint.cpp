// SPDX-License-Identifier: Apache-2.0
#include "detail/endpoint.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include "detail/redaction.hpp"
#include "detail/text.hpp"

namespace modelarts::detail {
namespace {

ErrorInfo bad_endpoint(std::string_view setting_name, std::string_view url, std::string_view why) {
  ErrorInfo error;
  error.category = ErrorCategory::configuration;
  error.message = std::string(setting_name) + " is not a usable endpoint URL (" + std::string(why) + "): " +
                  redact_url(url);  // never echo a password or a query (access_token=...) written into the URL
  return error;
}

// A DNS name as hosts are written (letters, digits, '-', '_', dot-separated non-empty labels): no percent-escapes
// or other characters a resolver or a Host header would read differently.
bool plain_host_name(std::string_view host) noexcept {
  if (host.empty() || host.size() > 253) return false;
  std::size_t label = 0;
  for (std::size_t i = 0; i < host.size(); ++i) {
    const char c = host[i];
    if (c == '.') {
      if (label == 0) return false;
      label = 0;
      continue;
    }
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok || ++label > 63 || (label == 1 && c == '-')) return false;
  }
  return true;
}

// Why a path prefix could address something other than what it reads as ("" when it cannot): dot segments,
// empty segments, escaped '/', '\\' or '.', control bytes.
std::string_view path_trick(std::string_view path) noexcept {
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (path.empty()) return {};
  if (path.front() != '/') return "path must start with '/'";
  for (std::size_t at = 1; at <= path.size();) {
    std::size_t end = path.find('/', at);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view segment = path.substr(at, end - at);
    if (segment.empty()) return "empty path segment";
    if (segment == "." || segment == "..") return "dot segment in the path";
    for (std::size_t i = 0; i < segment.size(); ++i) {
      if (segment[i] != '%' || i + 2 >= segment.size()) continue;
      const char a = segment[i + 1];
      const char b = static_cast<char>(segment[i + 2] | 0x20);
      if ((a == '2' && (b == 'e' || b == 'f')) || (a == '5' && b == 'c') || a == '0' || a == '1' ||
          (a == '7' && b == 'f')) {
        return "escaped '.', '/', '\\' or control byte in the path";
      }
    }
    at = end + 1;
  }
  return {};
}

}  // namespace

Result<Endpoint> parse_endpoint(std::string_view url, std::string_view setting_name) {
  std::string text(url);
  if (text.find("://") == std::string::npos) text = "https://" + text;  // as the official SDKs do for IAM
  const auto parsed = boost::urls::parse_uri(text);
  if (!parsed) return bad_endpoint(setting_name, url, parsed.error().message());
  const boost::urls::url_view& view = *parsed;
  Endpoint endpoint;
  endpoint.scheme = std::string(view.scheme());
  endpoint.scheme = ascii_lowercase(endpoint.scheme);
  if (endpoint.scheme != "http" && endpoint.scheme != "https") {
    return bad_endpoint(setting_name, url, "scheme must be http or https");
  }
  if (view.has_userinfo()) return bad_endpoint(setting_name, url, "user info is not allowed: credentials go in settings");
  if (view.has_query() || view.has_fragment()) return bad_endpoint(setting_name, url, "no query or fragment allowed");
  endpoint.host = view.host_address();
  if (endpoint.host.empty()) return bad_endpoint(setting_name, url, "no host");
  const auto host_type = view.host_type();
  if (host_type == boost::urls::host_type::ipvfuture ||
      (host_type == boost::urls::host_type::name && !plain_host_name(view.encoded_host()))) {
    return bad_endpoint(setting_name, url, "not a valid host name");
  }
  if (const std::string_view trick = path_trick(view.encoded_path()); !trick.empty()) {
    return bad_endpoint(setting_name, url, trick);
  }
  const std::uint16_t default_port = endpoint.scheme == "https" ? 443 : 80;
  endpoint.port = default_port;
  if (view.has_port()) {  // port_number() wraps values past 65535
    unsigned long port = 0;
    for (char c : view.port()) port = port > 65535 ? port : port * 10 + static_cast<unsigned long>(c - '0');
    if (view.port().empty() || port == 0 || port > 65535) return bad_endpoint(setting_name, url, "bad port");
    endpoint.port = static_cast<std::uint16_t>(port);
  }
  endpoint.authority = std::string(view.encoded_host());
  if (endpoint.port != default_port) endpoint.authority += ':' + std::to_string(endpoint.port);
  endpoint.base_path = std::string(view.encoded_path());
  while (!endpoint.base_path.empty() && endpoint.base_path.back() == '/') endpoint.base_path.pop_back();
  if (!endpoint.base_path.empty() && endpoint.base_path.front() != '/') endpoint.base_path.insert(0, 1, '/');
  endpoint.url = endpoint.scheme + "://" + endpoint.authority + endpoint.base_path;
  return endpoint;
}

std::string default_modelarts_endpoint(std::string_view region) {
  const std::string_view domain = region == "ap-southeast-1" ? "myhuaweicloud.cn" : "myhuaweicloud.com";
  return "https://modelarts." + std::string(region) + "." + std::string(domain);
}

std::string default_iam_endpoint(std::string_view region) {
  return "https://iam." + std::string(region) + ".myhuaweicloud.com";
}

}  // namespace modelarts::detail
