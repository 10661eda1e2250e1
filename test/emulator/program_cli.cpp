// SPDX-License-Identifier: Apache-2.0
// The modelarts-emulator program: its flags, first line, serving, signals and state file.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <modelarts/testing/emulator.hpp>

#include "support/http_client.hpp"

extern char** environ;

namespace {

namespace http = boost::beast::http;
namespace json = boost::json;
namespace mt = modelarts::testing;

const std::string kProgram = std::string(MODELARTS_BINARY_DIR) + "/bin/modelarts-emulator";

/// A child process with its stdout and stderr on pipes.
class Child {
 public:
  explicit Child(std::vector<std::string> args) {
    int out[2];
    int err[2];
    BOOST_REQUIRE(pipe(out) == 0 && pipe(err) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addclose(&actions, err[0]);
    args.insert(args.begin(), kProgram);
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    BOOST_REQUIRE(posix_spawn(&pid_, kProgram.c_str(), &actions, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    close(err[1]);
    out_ = out[0];
    err_ = err[0];
  }
  ~Child() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      wait_exit();
    }
    close(out_);
    close(err_);
  }

  /// Reads stdout up to the first newline (or EOF).
  std::string first_line() {
    std::string line;
    char c = 0;
    while (read(out_, &c, 1) == 1 && c != '\n') line.push_back(c);
    return line;
  }
  std::string rest_of(bool from_stderr) {
    std::string text;
    char buffer[4096];
    ssize_t n = 0;
    while ((n = read(from_stderr ? err_ : out_, buffer, sizeof(buffer))) > 0) text.append(buffer, static_cast<std::size_t>(n));
    return text;
  }
  void signal(int number) { kill(pid_, number); }
  /// Exit status, or 128 + signal.
  int wait_exit() {
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  int err_ = -1;
};

std::uint16_t port_of(const std::string& line, const std::string& scheme) {
  const std::string prefix = "listening on " + scheme + "://127.0.0.1:";
  BOOST_REQUIRE_MESSAGE(line.rfind(prefix, 0) == 0, line);
  return static_cast<std::uint16_t>(std::stoi(line.substr(prefix.size())));
}

std::string issue_token(modelarts::test::HttpClient& client, const std::string& account, const std::string& user,
                        const std::string& password) {
  const auto result = client.request(
      http::verb::post, "/v3/auth/tokens",
      R"({"auth":{"identity":{"methods":["password"],"password":{"user":{"name":")" + user + R"(","password":")" +
          password + R"(","domain":{"name":")" + account + R"("}}}},"scope":{"project":{"name":"cn-north-4"}}}})",
      {{"Content-Type", "application/json"}});
  BOOST_REQUIRE_EQUAL(result.status(), 201);
  return result.header("X-Subject-Token");
}

/// Job ids come as numbers in lists and as strings from create (docs/service-quirks.md, V3): compare their text.
std::string id_text(const json::value& id) {
  return id.is_string() ? std::string(id.get_string()) : json::serialize(id);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(program_cli)

BOOST_AUTO_TEST_CASE(port_zero_first_line_serves_and_exits_zero_on_sigterm) {
  Child child({"--port", "0", "--user", "acme/alice:s3cret", "--project-id", "abcdefabcdefabcdefabcdefabcdef12"});
  const std::uint16_t port = port_of(child.first_line(), "http");
  BOOST_TEST(port != 0);
  modelarts::test::HttpClient client(port);
  BOOST_TEST(client.request(http::verb::get, "/health").status() == 200);
  const std::string token = issue_token(client, "acme", "alice", "s3cret");
  const auto listed = client.request(http::verb::get, "/v1/abcdefabcdefabcdefabcdefabcdef12/visualization-jobs", {},
                                     {{"X-Auth-Token", token}});
  BOOST_TEST(listed.status() == 200, listed.response.body());
  child.signal(SIGTERM);
  BOOST_TEST(child.wait_exit() == 0);
}

BOOST_AUTO_TEST_CASE(tls_writes_the_certificate_and_sigint_exits_zero) {
  const auto cert = std::filesystem::temp_directory_path() / ("emulator-program-" + std::to_string(getpid()) + ".pem");
  Child child({"--tls", "--cert-out", cert.string()});
  const std::uint16_t port = port_of(child.first_line(), "https");
  std::ifstream in(cert);
  const std::string pem((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  BOOST_REQUIRE(!pem.empty());
  modelarts::test::HttpClient client(port, pem);
  BOOST_TEST(client.request(http::verb::get, "/health").status() == 200);
  child.signal(SIGINT);
  BOOST_TEST(child.wait_exit() == 0);
  std::filesystem::remove(cert);
}

BOOST_AUTO_TEST_CASE(help_lists_the_defaults) {
  Child child({"--help"});
  const std::string help = child.rest_of(false);
  BOOST_TEST(child.wait_exit() == 0);
  for (const std::string& expected :
       {std::string(mt::kDefaultAccessKey), std::string(mt::kDefaultSecretKey), std::string(mt::kDefaultProjectId),
        std::string(mt::kDefaultRegion),
        std::string(mt::kDefaultAccount) + "/" + mt::kDefaultUsername + ":" + mt::kDefaultPassword,
        std::string("--time-scale"), std::string("--fault-rate"), std::string("--state"), std::string("--cert-out")}) {
    BOOST_TEST(help.find(expected) != std::string::npos, expected);
  }
}

BOOST_AUTO_TEST_CASE(bad_flags_print_usage_and_exit_two) {
  for (const std::vector<std::string>& args : {std::vector<std::string>{"--no-such-flag"},
                                              std::vector<std::string>{"--port", "notaport"},
                                              std::vector<std::string>{"--user", "nouserpart"},
                                              std::vector<std::string>{"--ak", "ONLYAK"},
                                              std::vector<std::string>{"--fault-rate", "1.5"}}) {
    Child child(args);
    const std::string err = child.rest_of(true);
    BOOST_TEST_CONTEXT(args.front()) {
      BOOST_TEST(child.wait_exit() == 2);
      BOOST_TEST(err.find("Usage: modelarts-emulator") != std::string::npos, err);
    }
  }
}

BOOST_AUTO_TEST_CASE(state_file_survives_kill_nine) {
  const auto state = std::filesystem::temp_directory_path() / ("emulator-state-" + std::to_string(getpid()) + ".json");
  std::filesystem::remove(state);
  const std::string path = "/v1/" + std::string(mt::kDefaultProjectId) + "/visualization-jobs";
  std::string job_id;
  {
    Child child({"--state", state.string()});
    modelarts::test::HttpClient client(port_of(child.first_line(), "http"));
    const std::string token = issue_token(client, mt::kDefaultAccount, mt::kDefaultUsername, mt::kDefaultPassword);
    const auto created = client.request(http::verb::post, path, R"({"job_name":"survivor","train_url":"/bucket/out/"})",
                                        {{"Content-Type", "application/json"}, {"X-Auth-Token", token}});
    BOOST_REQUIRE_EQUAL(created.status(), 200);
    job_id = id_text(json::parse(created.response.body()).at("job_id"));
    child.signal(SIGKILL);
    BOOST_TEST(child.wait_exit() == 128 + SIGKILL);
  }
  Child restarted({"--state", state.string()});
  modelarts::test::HttpClient client(port_of(restarted.first_line(), "http"));
  const std::string token = issue_token(client, mt::kDefaultAccount, mt::kDefaultUsername, mt::kDefaultPassword);
  const auto listed = client.request(http::verb::get, path, {}, {{"X-Auth-Token", token}});
  BOOST_REQUIRE_EQUAL(listed.status(), 200);
  bool found = false;
  const json::value listing = json::parse(listed.response.body());
  for (const auto& job : listing.at("jobs").as_array()) {
    if (job.at("job_name").as_string() == "survivor" && id_text(job.at("job_id")) == job_id) found = true;
  }
  BOOST_TEST(found, listed.response.body());
  restarted.signal(SIGTERM);
  BOOST_TEST(restarted.wait_exit() == 0);
  std::filesystem::remove(state);
}

BOOST_AUTO_TEST_SUITE_END()
