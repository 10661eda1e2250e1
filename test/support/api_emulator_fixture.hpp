// SPDX-License-Identifier: Apache-2.0
// An in-process Emulator plus a Session that reaches it: over HTTP or HTTPS (trusting the emulator's
// certificate), with AK/SK or account/password (IAM token). Job time runs fast (time_scale).
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include <modelarts/modelarts.hpp>
#include <modelarts/testing/emulator.hpp>

namespace modelarts::test {

enum class Auth { aksk, password };

struct ApiEmulator {
  modelarts::testing::Emulator emulator;
  Session session;

  ApiEmulator(bool tls, Auth auth, double time_scale = 1000.0)
      : emulator(modelarts::testing::EmulatorOptions{}.tls(tls).time_scale(time_scale)),
        session(auth == Auth::aksk ? emulator.session_options() : emulator.password_session_options()) {}
};

/// Polls `probe` every few milliseconds until it returns true or `limit` passes.
template <class Probe>
bool eventually(Probe probe, std::chrono::milliseconds limit = std::chrono::seconds(5)) {
  auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (probe()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return probe();
}

/// Waits that suit a time_scale of 1000: a version finishes in about 70 ms.
inline WaitOptions fast_wait() {
  return WaitOptions{}
      .initial_interval(std::chrono::milliseconds(5))
      .factor(1.5)
      .max_interval(std::chrono::milliseconds(40))
      .timeout(std::chrono::seconds(20));
}

/// A unique-enough job name per test run (names must be unique inside one emulator only).
inline std::string unique_name(const std::string& prefix, int n) { return prefix + std::to_string(n); }

}  // namespace modelarts::test
