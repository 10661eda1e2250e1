// SPDX-License-Identifier: Apache-2.0
// A Session wired to a FakeTransport and FakeClock for the resource-class unit tests, plus readers for
// what the SDK sent (path, decoded query, JSON body).
#pragma once

#include <map>
#include <memory>
#include <string>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <modelarts/session.hpp>
#include <modelarts/signer.hpp>

#include "support/fake_transport.hpp"

namespace modelarts::test {

inline constexpr const char* kProject = "0123456789abcdef0123456789abcdef";

struct ApiTestSession {
  std::shared_ptr<FakeTransport> transport = std::make_shared<FakeTransport>();
  std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>();
  Session session{fake_session_options(transport, clock)};

  ApiTestSession() = default;
  explicit ApiTestSession(const RetryOptions& retry) : session{fake_session_options(transport, clock).retry(retry)} {}

  HttpRequest only_request() const {
    auto all = transport->requests();
    if (all.size() != 1) throw std::runtime_error("expected one request, got " + std::to_string(all.size()));
    return all.front();
  }
  HttpRequest request(std::size_t i) const { return transport->requests().at(i); }
};

/// "/v1/<project>/" + rest.
inline std::string v1(const std::string& rest) { return std::string("/v1/") + kProject + "/" + rest; }

inline std::string path_of(const HttpRequest& r) { return r.target.substr(0, r.target.find('?')); }

/// The decoded query of what the SDK sent, by key (the last value of a repeated key).
inline std::map<std::string, std::string> query_of(const HttpRequest& r) {
  std::map<std::string, std::string> out;
  const auto q = r.target.find('?');
  if (q == std::string::npos) return out;
  for (auto& [key, value] : parse_query(std::string_view(r.target).substr(q + 1))) out[key] = std::move(value);
  return out;
}

inline boost::json::value body_of(const HttpRequest& r) {
  return r.body.empty() ? boost::json::value() : boost::json::parse(r.body);
}

}  // namespace modelarts::test
