#include "detail/endpoint.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include "detail/redaction.hpp"

namespace modelarts::detail {
namespace {

ErrorInfo bad_endpoint(std::string_view setting_name, std::string_view url, std::string_view why) {
  ErrorInfo error;
  error.category = ErrorCategory::configuration;
  error.message = std::string(setting_name) + " is not a usable endpoint URL (" + std::string(why) + "): " +
                  redact_url_userinfo(url);  // never echo a password written into the URL
  return error;
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
  for (char& c : endpoint.scheme) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (endpoint.scheme != "http" && endpoint.scheme != "https") {
    return bad_endpoint(setting_name, url, "scheme must be http or https");
  }
  if (view.has_userinfo() || view.has_query() || view.has_fragment()) {
    return bad_endpoint(setting_name, url, "no user info, query or fragment allowed");
  }
  endpoint.host = view.host_address();
  if (endpoint.host.empty()) return bad_endpoint(setting_name, url, "no host");
  const std::uint16_t default_port = endpoint.scheme == "https" ? 443 : 80;
  endpoint.port = view.has_port() ? view.port_number() : default_port;
  if (view.has_port() && endpoint.port == 0) return bad_endpoint(setting_name, url, "bad port");
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
