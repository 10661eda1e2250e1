// SPDX-License-Identifier: Apache-2.0
// Out of file descriptors, the emulator backs off instead of spinning on accept(): run with
// RLIMIT_NOFILE 64 and held by more half-sent requests than it has descriptors, it uses little CPU, and it serves
// again once those connections close.
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <arpa/inet.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

/// The emulator program in a child with a low descriptor limit; its port read from "listening on ...".
class LimitedEmulator {
 public:
  LimitedEmulator(const std::string& program, rlim_t descriptors) {
    int out[2];
    if (::pipe(out) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], STDOUT_FILENO);
      ::close(out[0]);
      ::close(out[1]);
      const rlimit limit{descriptors, descriptors};
      ::setrlimit(RLIMIT_NOFILE, &limit);
      ::execl(program.c_str(), program.c_str(), "--port", "0", "--threads", "1", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(out[1]);
    std::string line;
    char c = 0;
    while (::read(out[0], &c, 1) == 1 && c != '\n') line.push_back(c);
    output_ = out[0];
    const std::size_t colon = line.rfind(':');
    if (line.rfind("listening on http://", 0) == 0 && colon != std::string::npos) {
      port_ = static_cast<std::uint16_t>(std::stoi(line.substr(colon + 1)));
    }
  }
  ~LimitedEmulator() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
    if (output_ >= 0) ::close(output_);
  }

  std::uint16_t port() const { return port_; }

  /// User plus system CPU time the child has used so far (/proc/PID/stat fields 14 and 15).
  double cpu_seconds() const {
    std::ifstream in("/proc/" + std::to_string(pid_) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::istringstream fields(text.substr(text.rfind(')') + 2));  // after "pid (comm) "
    std::string skip;
    for (int i = 3; i < 14; ++i) fields >> skip;
    unsigned long user = 0, system = 0;
    fields >> user >> system;
    return static_cast<double>(user + system) / static_cast<double>(::sysconf(_SC_CLK_TCK));
  }

 private:
  pid_t pid_ = -1;
  int output_ = -1;
  std::uint16_t port_ = 0;
};

int connect_to(std::uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

/// Status line of GET /health on a fresh connection, or "" when none arrives within `patience`.
std::string health(std::uint16_t port, std::chrono::milliseconds patience) {
  const int fd = connect_to(port);
  if (fd < 0) return {};
  const timeval timeout{static_cast<time_t>(patience.count() / 1000), static_cast<suseconds_t>(patience.count() % 1000 * 1000)};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  const std::string request = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  std::string reply;
  if (::write(fd, request.data(), request.size()) == static_cast<ssize_t>(request.size())) {
    char buffer[256];
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) reply.assign(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return reply.substr(0, reply.find('\r'));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(server_descriptor_exhaustion)

BOOST_AUTO_TEST_CASE(backs_off_without_descriptors_and_serves_again) {
  const std::filesystem::path program = std::filesystem::path(MODELARTS_BINARY_DIR) / "bin" / "modelarts-emulator";
  if (!std::filesystem::exists(program)) {
    BOOST_TEST_MESSAGE("no emulator program at " << program << "; skipped");
    return;
  }
  LimitedEmulator emulator(program.string(), 64);
  BOOST_TEST_REQUIRE(emulator.port() != 0);
  BOOST_TEST(health(emulator.port(), std::chrono::seconds(5)) == "HTTP/1.1 200 OK");

  // More connections than it has descriptors, each holding half a request (the idle timeout is 60 s).
  std::vector<int> held;
  for (int i = 0; i < 100; ++i) {
    const int fd = connect_to(emulator.port());  // the kernel completes the handshake from the listen backlog
    if (fd < 0) continue;
    const std::string half = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    BOOST_TEST(::write(fd, half.data(), half.size()) == static_cast<ssize_t>(half.size()));
    held.push_back(fd);
  }
  BOOST_TEST(held.size() > 64u);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // let it reach the limit

  const double cpu_before = emulator.cpu_seconds();
  std::this_thread::sleep_for(std::chrono::seconds(2));
  const double cpu_used = emulator.cpu_seconds() - cpu_before;
  BOOST_TEST(cpu_used < 0.2, "CPU seconds used in 2 s without descriptors: " << cpu_used);  // 0.5 s per 5 s

  for (int fd : held) ::close(fd);
  BOOST_TEST(health(emulator.port(), std::chrono::seconds(5)) == "HTTP/1.1 200 OK");
}

BOOST_AUTO_TEST_SUITE_END()
