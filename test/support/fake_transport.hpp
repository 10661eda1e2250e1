// FakeTransport and FakeClock: scripted HTTP replies and virtual time for unit tests (no sockets, no sleeps).
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <modelarts/http.hpp>
#include <modelarts/session.hpp>

namespace modelarts::test {

/// Replies from a script, in order; records every request it was given. When the script is empty it asks
/// `fallback` (if set) or answers 599 so a test notices.
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
  void set_fallback(std::function<TransportResult(const HttpRequest&)> fallback) {
    std::lock_guard<std::mutex> lock(mutex_);
    fallback_ = std::move(fallback);
  }
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

/// Virtual time: sleep_for advances now() at once and records the delay.
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

/// AK/SK session options wired to a fake transport and clock, with project and region set (no discovery).
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

}  // namespace modelarts::test
