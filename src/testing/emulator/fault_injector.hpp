// SPDX-License-Identifier: Apache-2.0
// Decides, per ModelArts request, whether to inject a fault and which one. Deterministic: the same seed
// gives the same sequence of decisions (in the order requests arrive).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <random>

namespace modelarts::testing::detail {

enum class FaultKind {
  none,
  throttle,         ///< 429 with Retry-After; the request is not applied
  internal_error,   ///< 500; not applied
  unavailable,      ///< 503; not applied
  delay,            ///< the normal reply, late
  cut_off,          ///< applied, then the reply is cut off mid-body
};

struct Fault {
  FaultKind kind = FaultKind::none;
  std::chrono::milliseconds delay{0};  ///< FaultKind::delay only
};

class FaultInjector {
 public:
  FaultInjector(double rate, std::uint64_t seed);

  void set_rate(double rate);
  Fault next();
  std::uint64_t injected() const { return injected_.load(); }

 private:
  std::mutex mutex_;
  std::mt19937_64 engine_;
  std::atomic<double> rate_;
  std::atomic<std::uint64_t> injected_{0};
};

}  // namespace modelarts::testing::detail
