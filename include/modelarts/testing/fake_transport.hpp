// SPDX-License-Identifier: Apache-2.0
// FakeTransport and FakeClock: the test seam for your own unit tests. Script the service's replies (or
// transport failures) in order, run the code under test against a Session built on them, and read back every
// request it sent; virtual time makes waits and retry backoff take no real time. No sockets, no threads.
//
//   auto transport = std::make_shared<modelarts::testing::FakeTransport>();
//   transport->reply(200, R"({"is_success":true,"job_id":10,"version_id":11,"job_name":"j"})");
//   modelarts::Session session(modelarts::testing::fake_session_options(transport));
//   ... call the SDK ...; transport->requests() holds what it sent (method, target, headers, body).
//
// samples/unit_test_with_fake_transport.cpp is a complete example. For a whole emulated service over
// HTTP(S) use <modelarts/testing/emulator.hpp> instead.
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <modelarts/http.hpp>
#include <modelarts/session.hpp>

namespace modelarts::testing {

/// An HttpTransport that replies from a script, in order, and records every request it was given (thread-safe).
/// When the script is empty it asks the fallback (if set) or answers 599 so a test notices. Each reply or
/// failure is consumed by one attempt: the SDK's retries (transient statuses, connection failures) take the
/// next entry, exactly as they would against the service.
class FakeTransport : public HttpTransport {
 public:
  TransportResult send(const HttpRequest& request) override {
    std::lock_guard<std::mutex> lock(mutex_);
    requests_.push_back(request);
    if (!script_.empty()) {
      TransportResult next = std::move(script_.front());
      script_.pop_front();
      return next;
    }
    if (fallback_) return fallback_(request);
    return HttpResponse{599, {}, "fake transport: script exhausted"};
  }

  /// Queues an HTTP answer; `headers` default to Content-Type: application/json.
  FakeTransport& reply(int status, std::string body, HttpHeaders headers = {}) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (headers.empty()) headers.emplace_back("Content-Type", "application/json");
    script_.emplace_back(HttpResponse{status, std::move(headers), std::move(body)});
    return *this;
  }
  /// A failure; `request_written` true means the whole request was written (see the BytesWritten overload).
  FakeTransport& fail(TransportErrorKind kind, bool request_written, std::string message = "fake failure") {
    return fail(kind, request_written ? BytesWritten::all : BytesWritten::none, std::move(message));
  }
  FakeTransport& fail(TransportErrorKind kind, BytesWritten written, std::string message = "fake failure") {
    std::lock_guard<std::mutex> lock(mutex_);
    script_.emplace_back(TransportFailure{kind, written, std::move(message)});
    return *this;
  }
  /// Answers for every request once the script is empty (e.g. a small in-memory service).
  void set_fallback(std::function<TransportResult(const HttpRequest&)> fallback) {
    std::lock_guard<std::mutex> lock(mutex_);
    fallback_ = std::move(fallback);
  }
  /// Every request sent so far, in order (signed headers included: these are the test's example keys).
  std::vector<HttpRequest> requests() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
  }
  std::size_t request_count() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_.size();
  }

 private:
  mutable std::mutex mutex_;
  std::deque<TransportResult> script_;
  std::vector<HttpRequest> requests_;
  std::function<TransportResult(const HttpRequest&)> fallback_;
};

/// Virtual time: sleep_for advances now() at once and records the delay (retry backoff, wait() pauses).
class FakeClock : public Clock {
 public:
  explicit FakeClock(std::chrono::system_clock::time_point start =
                         std::chrono::system_clock::time_point(std::chrono::seconds(1705311000)))  // 2024-01-15
      : now_(start) {}
  std::chrono::system_clock::time_point now() override {
    std::lock_guard<std::mutex> lock(mutex_);
    return now_;
  }
  void sleep_for(std::chrono::milliseconds d) override {
    std::lock_guard<std::mutex> lock(mutex_);
    sleeps_.push_back(d);
    now_ += d;
  }
  void advance(std::chrono::milliseconds d) {
    std::lock_guard<std::mutex> lock(mutex_);
    now_ += d;
  }
  std::vector<std::chrono::milliseconds> sleeps() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return sleeps_;
  }

 private:
  mutable std::mutex mutex_;
  std::chrono::system_clock::time_point now_;
  std::vector<std::chrono::milliseconds> sleeps_;
};

/// AK/SK session options wired to a fake transport and clock, with project, region (cn-north-4) and the
/// ModelArts endpoint set, so no project discovery request is made. The keys are examples, not credentials.
inline SessionOptions fake_session_options(std::shared_ptr<FakeTransport> transport,
                                           std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>()) {
  return SessionOptions{}
      .access_key("HPUAEXAMPLEAK0000001")
      .secret_key("Wq3tExampleSecretKey0123456789abcdefGHIJ")
      .project_id("0123456789abcdef0123456789abcdef")
      .region_name("cn-north-4")
      .modelarts_endpoint("https://modelarts.cn-north-4.myhuaweicloud.com")
      .transport(std::move(transport))
      .clock(std::move(clock));
}

}  // namespace modelarts::testing
