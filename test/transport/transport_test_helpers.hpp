// SPDX-License-Identifier: Apache-2.0
// Small helpers shared by the transport tests: request builders, result unpacking, a stopwatch, temp files.
#pragma once

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <variant>

#include <modelarts/http.hpp>

namespace modelarts::test {

inline HttpRequest loopback_request(std::uint16_t port, std::string target = "/", std::string scheme = "http",
                                    std::string host = "127.0.0.1") {
  HttpRequest request;
  request.method = "GET";
  request.scheme = std::move(scheme);
  request.host = std::move(host);
  request.port = port;
  request.target = std::move(target);
  request.headers.emplace_back("Host", request.host + ":" + std::to_string(port));
  return request;
}

/// The response (by value: callers often pass a temporary result).
inline HttpResponse require_response(const TransportResult& result) {
  if (const auto* failure = std::get_if<TransportFailure>(&result)) {
    BOOST_FAIL("expected a response, got transport failure: " << failure->message);
  }
  return std::get<HttpResponse>(result);
}

inline TransportFailure require_failure(const TransportResult& result) {
  if (const auto* response = std::get_if<HttpResponse>(&result)) {
    BOOST_FAIL("expected a transport failure, got HTTP " << response->status);
  }
  return std::get<TransportFailure>(result);
}

class Stopwatch {
 public:
  /// Milliseconds since construction (a plain number, so Boost.Test can print it).
  long long elapsed_ms() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

/// A file in the temp directory holding `content`, removed when the object goes away.
class TempFile {
 public:
  explicit TempFile(const std::string& content) {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() / ("modelarts-transport-test-" + std::to_string(random()) + ".pem");
    std::ofstream(path_) << content;
  }
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace modelarts::test
