// SPDX-License-Identifier: Apache-2.0
// Connect, read and total timeouts proven through the public Session API (resource call -> retry -> Beast
// transport) against loopback servers that stall: each fails with TransportError{timeout} within 2x its
// setting; with retries, a GET tries again and a written plain POST does not.
#include <boost/test/unit_test.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>
#include <vector>

#include <modelarts/modelarts.hpp>

#include "support/reliability_support.hpp"

using namespace modelarts;
using namespace modelarts::test;
using namespace std::chrono_literals;

namespace {

/// A listener whose accept queue is full (backlog 0, never accepts): a further TCP connect gets no SYN-ACK
/// and hangs, which is what a black-holed host looks like.
class SaturatedListener {
 public:
  SaturatedListener() {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    BOOST_REQUIRE(::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    BOOST_REQUIRE(::listen(listener_, 0) == 0);
    socklen_t length = sizeof address;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    // Fill the queue until a connect no longer completes.
    for (int i = 0; i < 16 && !saturated_; ++i) {
      const int filler = ::socket(AF_INET, SOCK_STREAM, 0);
      ::fcntl(filler, F_SETFL, O_NONBLOCK);
      ::connect(filler, reinterpret_cast<sockaddr*>(&address), sizeof address);
      pollfd pending{filler, POLLOUT, 0};
      saturated_ = ::poll(&pending, 1, 200) == 0;
      fillers_.push_back(filler);
    }
  }
  ~SaturatedListener() {
    for (int fd : fillers_) ::close(fd);
    ::close(listener_);
  }
  SaturatedListener(const SaturatedListener&) = delete;
  SaturatedListener& operator=(const SaturatedListener&) = delete;

  std::uint16_t port() const { return port_; }
  bool saturated() const { return saturated_; }

 private:
  int listener_ = -1;
  std::uint16_t port_ = 0;
  bool saturated_ = false;
  std::vector<int> fillers_;
};

SessionOptions loopback_session(std::uint16_t port, const TransportOptions& transport, int max_attempts = 1) {
  return SessionOptions{}
      .access_key("TIMEOUTTESTAK0000001")
      .secret_key("timeout-test-secret-key")
      .project_id("0123456789abcdef0123456789abcdef")
      .region_name("cn-north-4")
      .modelarts_endpoint("http://127.0.0.1:" + std::to_string(port))
      .transport_options(transport)
      .retry(RetryOptions{}.max_attempts(max_attempts).initial_backoff(1ms).max_backoff(2ms));
}

long long elapsed_ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - since).count();
}

/// Runs `call`, which must throw TransportError{timeout}; returns how long it took.
template <class Call>
long long expect_timeout(Call call, std::string* message = nullptr) {
  const auto started = std::chrono::steady_clock::now();
  try {
    call();
    BOOST_FAIL("expected a TransportError");
  } catch (const TransportError& e) {
    BOOST_TEST(static_cast<int>(e.transport_kind()) == static_cast<int>(TransportErrorKind::timeout), e.what());
    if (message) *message = e.what();
  }
  return elapsed_ms(started);
}

/// Reads each request and never answers, counting requests.
LoopbackServer::RawHandler silent_server(std::atomic<int>& requests) {
  return [&requests](ServerConnection& connection) {
    if (connection.read_request()) {
      ++requests;
      connection.wait_for_close();
    }
  };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(timeouts_session)

BOOST_AUTO_TEST_CASE(connect_timeout_fires_on_a_black_holed_listener) {
  SaturatedListener listener;
  BOOST_REQUIRE_MESSAGE(listener.saturated(), "could not saturate a loopback accept queue");
  TransportOptions transport;
  transport.connect_timeout = 300ms;
  Session session(loopback_session(listener.port(), transport));
  std::string message;
  const auto ms = expect_timeout([&] { VisualizationJob(session, "1").get_visualization_job_info(); }, &message);
  BOOST_TEST(ms >= 300);
  BOOST_TEST(ms < 600);
  BOOST_TEST(message.find("visualization-jobs/1") != std::string::npos, message);
}

BOOST_AUTO_TEST_CASE(read_timeout_fires_on_a_server_that_never_answers) {
  std::atomic<int> requests{0};
  LoopbackServer server(silent_server(requests));
  TransportOptions transport;
  transport.read_timeout = 300ms;
  Session session(loopback_session(server.port(), transport));
  const auto ms = expect_timeout([&] { TrainingJob(session, "7").delete_job(); });
  BOOST_TEST(ms >= 300);
  BOOST_TEST(ms < 600);
  BOOST_TEST(requests.load() == 1);
}

BOOST_AUTO_TEST_CASE(total_timeout_fires_on_a_trickling_reply) {
  // A byte every 20 ms keeps the read timeout from firing; only the total timeout can end this.
  LoopbackServer server([](ServerConnection& connection) {
    if (!connection.read_request()) return;
    if (!connection.write_raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n")) return;
    for (int i = 0; i < 2000; ++i) {
      if (!connection.write_raw(" ")) return;
      std::this_thread::sleep_for(20ms);
    }
  });
  TransportOptions transport;
  transport.read_timeout = 200ms;
  transport.total_timeout = 400ms;
  Session session(loopback_session(server.port(), transport));
  const auto ms = expect_timeout([&] { Estimator::get_job_list(session); });
  BOOST_TEST(ms >= 400);
  BOOST_TEST(ms < 800);
}

BOOST_AUTO_TEST_CASE(a_timed_out_get_is_retried_and_a_written_post_is_not) {
  std::atomic<int> requests{0};
  LoopbackServer server(silent_server(requests));
  TransportOptions transport;
  transport.read_timeout = 150ms;
  Session session(loopback_session(server.port(), transport, 3));

  std::string message;
  const auto ms = expect_timeout([&] { VisualizationJob(session, "5").get_visualization_job_info(); }, &message);
  BOOST_TEST(requests.load() == 3);
  BOOST_TEST(ms >= 450);
  BOOST_TEST(ms < 900);
  BOOST_TEST(message.find("3 attempts") != std::string::npos, message);

  // A plain POST (here through the raw escape hatch) reached the server: sending it again could apply it twice.
  // (Creates and stops are resent on purpose: the duplicate-name and state rules make a repeat harmless.)
  requests = 0;
  expect_timeout([&] { session.request("POST", "/v1/0123456789abcdef0123456789abcdef/training-jobs/5/versions", {}, "{}"); });
  BOOST_TEST(requests.load() == 1);
}

BOOST_AUTO_TEST_SUITE_END()
