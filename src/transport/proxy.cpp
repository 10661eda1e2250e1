// SPDX-License-Identifier: Apache-2.0
#include "transport/proxy.hpp"

#include <openssl/evp.h>

#include <boost/url/parse.hpp>

#include <limits>

namespace modelarts::transport {
namespace {

std::string base64(const std::string& text) {
  std::string out(4 * ((text.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

}  // namespace

std::variant<ProxySettings, std::string> parse_proxy_url(const std::string& url) {
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed) return std::string("invalid proxy URL (expected http://[user:password@]host:port)");
  const auto& u = *parsed;
  const std::string shown = std::string(u.scheme()) + "://" + std::string(u.encoded_host_and_port());
  if (u.scheme() != "http") return "unsupported proxy scheme in " + shown + " (only http:// proxies are supported)";
  if (u.host().empty()) return std::string("proxy URL has no host");

  ProxySettings proxy;
  proxy.address.scheme = "http";
  proxy.address.host = u.host_type() == boost::urls::host_type::ipv6 ? u.host_address() : u.host();
  if (proxy.address.host.size() > 2 && proxy.address.host.front() == '[') {
    proxy.address.host = proxy.address.host.substr(1, proxy.address.host.size() - 2);
  }
  if (u.has_port()) {
    const auto port = u.port_number();
    if (port == 0) return "invalid port in proxy URL " + shown;
    proxy.address.port = port;
  } else {
    proxy.address.port = 80;
  }
  if (u.has_userinfo()) {
    // user and password are percent-decoded; "user:password" goes into Basic auth as is.
    proxy.authorization = "Basic " + base64(std::string(u.user()) + ":" + std::string(u.password()));
  }
  return proxy;
}

std::string connect_request(const Origin& target, const ProxySettings& proxy) {
  const std::string authority = target.authority();
  std::string text = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n";
  if (!proxy.authorization.empty()) text += "Proxy-Authorization: " + proxy.authorization + "\r\n";
  text += "\r\n";
  return text;
}

}  // namespace modelarts::transport
