// SPDX-License-Identifier: Apache-2.0
// Proxies from the environment: SessionOptions::from_environment reads HTTPS_PROXY /
// HTTP_PROXY / NO_PROXY (either case), ignores HTTP_PROXY under CGI (httpoxy), and a Session sends each endpoint
// direct or through the proxy for its scheme; the proxy password is never shown.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <modelarts/error.hpp>
#include <modelarts/session.hpp>

#include "detail/proxy_routing.hpp"
#include "support/loopback_server.hpp"
#include "support/reliability_support.hpp"

using namespace modelarts;
using namespace modelarts::test;

namespace {

const char* const kProxyVariables[] = {"HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy",
                                       "NO_PROXY",    "no_proxy",    "REQUEST_METHOD"};
const std::string kProxyPassword = "PXsecret-proxy-pass-WIBBLE";

/// Sets proxy variables for one test and restores every one afterwards.
class ProxyEnvironment {
 public:
  ProxyEnvironment() {
    for (const char* name : kProxyVariables) {
      const char* value = std::getenv(name);
      saved_[name] = value ? std::optional<std::string>(value) : std::nullopt;
      unsetenv(name);
    }
  }
  ~ProxyEnvironment() {
    for (const auto& [name, value] : saved_) {
      if (value) setenv(name.c_str(), value->c_str(), 1);
      else unsetenv(name.c_str());
    }
  }
  void set(const char* name, const std::string& value) { setenv(name, value.c_str(), 1); }

 private:
  std::map<std::string, std::optional<std::string>> saved_;
};

/// A server that records request targets (a proxy sees absolute-form targets) and answers 200 "{}".
struct Recorder {
  std::mutex mutex;
  std::vector<std::string> targets;
  std::vector<std::string> proxy_authorization;
  LoopbackServer server{LoopbackServer::serve_http([this](const ServerRequest& request) {
    std::lock_guard<std::mutex> lock(mutex);
    targets.emplace_back(request.target());
    proxy_authorization.emplace_back(request[boost::beast::http::field::proxy_authorization]);
    return make_server_response(200, "{}");
  })};
  std::string url() const { return "http://127.0.0.1:" + std::to_string(server.port()); }
  std::size_t count() {
    std::lock_guard<std::mutex> lock(mutex);
    return targets.size();
  }
};

Session session_for(const std::string& endpoint, const TransportOptions& transport) {
  return Session(SessionOptions{}
                     .access_key("AK")
                     .secret_key("SK-proxy-test-0123456789")
                     .project_id("0123456789abcdef0123456789abcdef")
                     .region_name("cn-north-4")
                     .modelarts_endpoint(endpoint)
                     .transport_options(transport));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(proxy_environment)

BOOST_AUTO_TEST_CASE(no_proxy_lists_names_suffixes_addresses_and_ranges) {
  using detail::listed_in_no_proxy;
  struct Case {
    const char* host;
    std::uint16_t port;
    const char* no_proxy;
    bool listed;
  };
  const Case cases[] = {
      {"example.com", 443, "*", true},
      {"example.com", 443, "", false},
      {"example.com", 443, "example.com", true},
      {"api.example.com", 443, "example.com", true},
      {"api.example.com", 443, ".example.com", true},
      {"api.example.com", 443, "*.example.com", true},
      {"example.com", 443, ".example.com", true},
      {"badexample.com", 443, "example.com", false},
      {"badexample.com", 443, ".example.com", false},
      {"API.Example.COM.", 443, "example.com", true},
      {"example.com", 443, "other.org, example.com", true},
      {"example.com", 443, "other.org example.com", true},
      {"example.com", 443, " other.org ,, ", false},
      {"example.com", 8443, "example.com:8443", true},
      {"example.com", 443, "example.com:8443", false},
      {"10.1.2.3", 443, "10.1.2.3", true},
      {"10.1.2.4", 443, "10.1.2.3", false},
      {"10.1.2.3", 443, "10.0.0.0/8", true},
      {"11.1.2.3", 443, "10.0.0.0/8", false},
      {"192.168.7.9", 443, "192.168.4.0/22", true},
      {"192.168.8.1", 443, "192.168.4.0/22", false},
      {"10.1.2.3", 443, "0.0.0.0/0", true},
      {"::1", 443, "::1", true},
      {"::1", 443, "[::1]", true},
      {"::1", 8443, "[::1]:8443", true},
      {"fd00::5", 443, "fd00::/8", true},
      {"fe80::5", 443, "fd00::/8", false},
      {"10.1.2.3", 443, "example.com", false},
      {"example.com", 443, "10.0.0.0/8", false},
      {"10.1.2.3", 443, "10.0.0.0/33", false},
  };
  for (const Case& c : cases) {
    BOOST_TEST(listed_in_no_proxy(c.host, c.port, c.no_proxy) == c.listed,
               c.host << ':' << c.port << " in \"" << c.no_proxy << '"');
  }
}

BOOST_AUTO_TEST_CASE(from_environment_reads_the_proxy_variables) {
  ProxyEnvironment environment;
  environment.set("https_proxy", "http://lower-https:3128");
  environment.set("http_proxy", "http://lower-http:3128");
  environment.set("no_proxy", ".internal");
  TransportOptions transport = SessionOptions::from_environment().transport_options();
  BOOST_TEST(transport.https_proxy == "http://lower-https:3128");
  BOOST_TEST(transport.http_proxy == "http://lower-http:3128");
  BOOST_TEST(transport.no_proxy == ".internal");
  BOOST_TEST(transport.proxy.empty());

  environment.set("HTTPS_PROXY", "http://upper-https:3128");
  environment.set("HTTP_PROXY", "http://upper-http:3128");
  environment.set("NO_PROXY", "10.0.0.0/8");
  transport = SessionOptions::from_environment().transport_options();
  BOOST_TEST(transport.https_proxy == "http://upper-https:3128");
  BOOST_TEST(transport.http_proxy == "http://upper-http:3128");
  BOOST_TEST(transport.no_proxy == "10.0.0.0/8");

  // httpoxy: under CGI a request's "Proxy:" header arrives as HTTP_PROXY; no http proxy is taken at all.
  environment.set("REQUEST_METHOD", "GET");
  transport = SessionOptions::from_environment().transport_options();
  BOOST_TEST(transport.http_proxy.empty());
  BOOST_TEST(transport.https_proxy == "http://upper-https:3128");
}

BOOST_AUTO_TEST_CASE(each_endpoint_goes_through_the_proxy_for_its_scheme_unless_listed) {
  Recorder proxy;
  Recorder origin;
  const std::string proxy_url = "http://proxyuser:" + kProxyPassword + "@127.0.0.1:" + std::to_string(proxy.server.port());
  TransportOptions transport;
  transport.http_proxy = proxy_url;
  session_for(origin.url(), transport).request("GET", "/v1/x");
  BOOST_TEST(proxy.count() == 1u);
  BOOST_TEST(origin.count() == 0u);
  BOOST_TEST(proxy.targets.back() == origin.url() + "/v1/x");  // absolute form: sent to the proxy
  BOOST_TEST(proxy.proxy_authorization.back().rfind("Basic ", 0) == 0);

  for (const std::string& listed : {std::string("127.0.0.1"), std::string("127.0.0.0/8"), std::string("*"),
                                    "127.0.0.1:" + std::to_string(origin.server.port())}) {
    transport.no_proxy = listed;
    session_for(origin.url(), transport).request("GET", "/v1/x");
  }
  BOOST_TEST(origin.count() == 4u);
  transport.no_proxy = "127.0.0.1:1, other.example.com";  // another port, another host: still proxied
  session_for(origin.url(), transport).request("GET", "/v1/x");
  BOOST_TEST(proxy.count() == 2u);

  // Only an https proxy configured: an http endpoint goes direct, as curl does.
  TransportOptions https_only;
  https_only.https_proxy = proxy_url;
  session_for(origin.url(), https_only).request("GET", "/v1/x");
  BOOST_TEST(origin.count() == 5u);
  // The explicit `proxy` (the CLI's --proxy) applies to every scheme.
  TransportOptions explicit_proxy;
  explicit_proxy.proxy = proxy_url;
  session_for(origin.url(), explicit_proxy).request("GET", "/v1/x");
  BOOST_TEST(proxy.count() == 3u);
}

BOOST_AUTO_TEST_CASE(a_session_from_the_environment_uses_its_proxy) {
  ProxyEnvironment environment;
  Recorder proxy;
  Recorder origin;
  environment.set("HTTP_PROXY", proxy.url());
  SessionOptions options = SessionOptions::from_environment()
                               .access_key("AK")
                               .secret_key("SK-proxy-test-0123456789")
                               .project_id("0123456789abcdef0123456789abcdef")
                               .region_name("cn-north-4")
                               .modelarts_endpoint(origin.url());
  Session(options).request("GET", "/v1/x");
  BOOST_TEST(proxy.count() == 1u);
  environment.set("REQUEST_METHOD", "POST");  // httpoxy
  Session(SessionOptions::from_environment()
              .access_key("AK")
              .secret_key("SK-proxy-test-0123456789")
              .project_id("0123456789abcdef0123456789abcdef")
              .region_name("cn-north-4")
              .modelarts_endpoint(origin.url()))
      .request("GET", "/v1/x");
  BOOST_TEST(proxy.count() == 1u);
  BOOST_TEST(origin.count() == 1u);
}

BOOST_AUTO_TEST_CASE(a_proxy_echoing_its_credentials_shows_no_password) {
  // The proxy answers 407 quoting the Proxy-Authorization it got and the URL it was configured with.
  const LoopbackServer proxy(LoopbackServer::serve_http([](const ServerRequest& request) {
    const std::string header(request[boost::beast::http::field::proxy_authorization]);
    return make_server_response(502, "{\"error_msg\":\"upstream refused; you sent " + header +
                                         " for http:\\/\\/proxyuser:" + kProxyPassword.substr(0, 12) + "\"}");
  }));
  TransportOptions transport;
  transport.proxy = "http://proxyuser:" + kProxyPassword + "@127.0.0.1:" + std::to_string(proxy.port());
  LogCapture log;
  Session session(SessionOptions{}
                      .access_key("AK")
                      .secret_key("SK-proxy-test-0123456789")
                      .project_id("0123456789abcdef0123456789abcdef")
                      .region_name("cn-north-4")
                      .modelarts_endpoint("http://127.0.0.1:9")
                      .transport_options(transport)
                      .retry(RetryOptions{}.max_attempts(1))
                      .log_level(LogLevel::debug)
                      .log_handler(log.handler()));
  const RawResponse response = session.request("GET", "/v1/x");
  BOOST_TEST(response.status == 502);
  BOOST_TEST(response.body.find("upstream refused; you sent Basic *** for") != std::string::npos, response.body);
  BOOST_TEST(leaked_secret(response.body, {kProxyPassword}).empty(), response.body);
  for (const auto& [level, line] : log.lines()) BOOST_TEST(leaked_secret(line, {kProxyPassword}).empty(), line);
}

BOOST_AUTO_TEST_SUITE_END()
