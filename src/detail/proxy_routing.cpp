// SPDX-License-Identifier: Apache-2.0
#include "detail/proxy_routing.hpp"

#include "detail/text.hpp"

#include <arpa/inet.h>

#include <array>
#include <cstring>
#include <string>

namespace modelarts::detail {
namespace {

std::string lower_name(std::string_view name) {
  while (!name.empty() && name.back() == '.') name.remove_suffix(1);
  return ascii_lowercase(name);
}

// An IPv4 or IPv6 address as 16 bytes (IPv4 in the first 4) and its bit length; false when `text` is none.
bool parse_address(std::string_view text, std::array<unsigned char, 16>& bytes, int& bits) {
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
  if (text.empty() || text.size() >= 64) return false;
  const std::string zero_terminated(text);
  bytes.fill(0);
  if (inet_pton(AF_INET, zero_terminated.c_str(), bytes.data()) == 1) {
    bits = 32;
    return true;
  }
  if (inet_pton(AF_INET6, zero_terminated.c_str(), bytes.data()) == 1) {
    bits = 128;
    return true;
  }
  return false;
}

bool same_prefix(const std::array<unsigned char, 16>& a, const std::array<unsigned char, 16>& b, unsigned prefix) {
  for (unsigned i = 0; i < prefix / 8; ++i) {
    if (a[i] != b[i]) return false;
  }
  if (prefix % 8 == 0) return true;
  const auto mask = static_cast<unsigned char>(0xFFu << (8 - prefix % 8));
  return (a[prefix / 8] & mask) == (b[prefix / 8] & mask);
}

// One entry (already trimmed, non-empty) against the host.
bool entry_lists(std::string_view entry, std::string_view host, std::uint16_t port) {
  if (entry == "*") return true;
  std::array<unsigned char, 16> host_bytes{};
  int host_bits = 0;
  const bool host_is_address = parse_address(host, host_bytes, host_bits);
  // CIDR range
  if (const std::size_t slash = entry.find('/'); slash != std::string_view::npos) {
    std::array<unsigned char, 16> net{};
    int net_bits = 0;
    const std::string_view length = entry.substr(slash + 1);
    if (!host_is_address || !parse_address(entry.substr(0, slash), net, net_bits) || net_bits != host_bits ||
        length.empty() || length.size() > 3) {
      return false;
    }
    unsigned prefix = 0;
    for (char c : length) {
      if (c < '0' || c > '9') return false;
      prefix = prefix * 10 + static_cast<unsigned>(c - '0');
    }
    return prefix <= static_cast<unsigned>(net_bits) && same_prefix(host_bytes, net, prefix);
  }
  // ":port" suffix: "host:8443", "[::1]:8443"; a bare IPv6 address has colons but no port.
  std::array<unsigned char, 16> entry_bytes{};
  int entry_bits = 0;
  if (!parse_address(entry, entry_bytes, entry_bits)) {
    const std::size_t colon = entry.rfind(':');
    if (colon != std::string_view::npos && (entry.find(':') == colon || entry[colon - 1] == ']')) {
      const std::string_view port_text = entry.substr(colon + 1);
      unsigned long wanted = 0;
      for (char c : port_text) {
        wanted = c >= '0' && c <= '9' && wanted < 65536 ? wanted * 10 + static_cast<unsigned long>(c - '0') : 70000;
      }
      if (port_text.empty() || wanted != port) return false;
      entry = entry.substr(0, colon);
    }
  }
  if (parse_address(entry, entry_bytes, entry_bits)) {
    return host_is_address && entry_bits == host_bits && same_prefix(host_bytes, entry_bytes, static_cast<unsigned>(host_bits));
  }
  if (entry.substr(0, 2) == "*.") entry.remove_prefix(2);
  else if (!entry.empty() && entry.front() == '.') entry.remove_prefix(1);
  const std::string domain = lower_name(entry);
  const std::string name = lower_name(host);
  if (domain.empty() || host_is_address) return false;
  return name == domain ||
         (name.size() > domain.size() && name.compare(name.size() - domain.size(), domain.size(), domain) == 0 &&
          name[name.size() - domain.size() - 1] == '.');
}

class ProxyRouter final : public HttpTransport {
 public:
  explicit ProxyRouter(const TransportOptions& options) : no_proxy_(options.no_proxy) {
    TransportOptions direct = options;
    direct.proxy.clear();
    direct_ = make_default_transport(direct);
    const auto through = [&](const std::string& proxy) -> std::shared_ptr<HttpTransport> {
      if (proxy.empty()) return direct_;
      TransportOptions proxied = options;
      proxied.proxy = proxy;
      return make_default_transport(proxied);
    };
    https_ = through(!options.proxy.empty() ? options.proxy : options.https_proxy);
    http_ = through(!options.proxy.empty() ? options.proxy : options.http_proxy);
  }

  TransportResult send(const HttpRequest& request) override {
    if (listed_in_no_proxy(request.host, request.port, no_proxy_)) return direct_->send(request);
    return (request.scheme == "http" ? http_ : https_)->send(request);
  }

 private:
  std::string no_proxy_;
  std::shared_ptr<HttpTransport> direct_;
  std::shared_ptr<HttpTransport> https_;
  std::shared_ptr<HttpTransport> http_;
};

}  // namespace

bool listed_in_no_proxy(std::string_view host, std::uint16_t port, std::string_view no_proxy) {
  std::size_t at = 0;
  while (at < no_proxy.size()) {
    const std::size_t end = no_proxy.find_first_of(", \t", at);
    const std::string_view entry = no_proxy.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
    if (!entry.empty() && entry_lists(entry, host, port)) return true;
    if (end == std::string_view::npos) break;
    at = end + 1;
  }
  return false;
}

std::shared_ptr<HttpTransport> make_session_transport(const TransportOptions& options) {
  if (options.proxy.empty() && options.https_proxy.empty() && options.http_proxy.empty()) {
    return make_default_transport(options);
  }
  return std::make_shared<ProxyRouter>(options);
}

}  // namespace modelarts::detail
