// SPDX-License-Identifier: Apache-2.0
#include "waiting_note.hpp"

#include <condition_variable>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>
#include <utility>

#include "terminal_text.hpp"

namespace modelarts::cli {

namespace {

class WaitingNote final : public HttpTransport {
 public:
  WaitingNote(std::shared_ptr<HttpTransport> inner, std::ostream& err, std::chrono::milliseconds delay)
      : inner_(std::move(inner)), err_(err), delay_(delay) {}

  TransportResult send(const HttpRequest& request) override {
    std::mutex mutex;
    std::condition_variable answered;
    bool done = false;
    const std::string where = terminal_safe(request.host + ":" + std::to_string(request.port));
    std::thread watcher([&] {
      std::unique_lock<std::mutex> lock(mutex);
      if (!answered.wait_for(lock, delay_, [&] { return done; }))
        err_ << "modelarts: waiting for " << where << " ..." << std::endl;
    });
    TransportResult result = inner_->send(request);
    {
      std::lock_guard<std::mutex> lock(mutex);
      done = true;
    }
    answered.notify_one();
    watcher.join();
    return result;
  }

 private:
  std::shared_ptr<HttpTransport> inner_;
  std::ostream& err_;
  std::chrono::milliseconds delay_;
};

}  // namespace

std::shared_ptr<HttpTransport> with_waiting_note(std::shared_ptr<HttpTransport> inner, std::ostream& err,
                                                 std::chrono::milliseconds delay) {
  return std::make_shared<WaitingNote>(std::move(inner), err, delay);
}

}  // namespace modelarts::cli
