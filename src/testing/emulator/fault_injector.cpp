// SPDX-License-Identifier: Apache-2.0
#include "testing/emulator/fault_injector.hpp"

#include <algorithm>

namespace modelarts::testing::detail {
namespace {

constexpr FaultKind kKinds[] = {FaultKind::throttle, FaultKind::internal_error, FaultKind::unavailable,
                                FaultKind::delay, FaultKind::cut_off};
constexpr std::uint64_t kMinDelayMs = 20;
constexpr std::uint64_t kMaxDelayMs = 100;

double clamp_rate(double rate) { return std::clamp(rate, 0.0, 1.0); }

}  // namespace

FaultInjector::FaultInjector(double rate, std::uint64_t seed) : engine_(seed), rate_(clamp_rate(rate)) {}

void FaultInjector::set_rate(double rate) { rate_.store(clamp_rate(rate)); }

Fault FaultInjector::next() {
  const double rate = rate_.load();
  if (rate <= 0.0) return {};
  std::uint64_t draw = 0;
  std::uint64_t kind_draw = 0;
  std::uint64_t delay_draw = 0;
  {
    // Always three draws per request, so the sequence depends only on the seed and the request count.
    std::lock_guard<std::mutex> lock(mutex_);
    draw = engine_();
    kind_draw = engine_();
    delay_draw = engine_();
  }
  const double uniform = static_cast<double>(draw >> 11) * 0x1.0p-53;
  if (uniform >= rate) return {};
  ++injected_;
  Fault fault;
  fault.kind = kKinds[kind_draw % std::size(kKinds)];
  if (fault.kind == FaultKind::delay) {
    fault.delay = std::chrono::milliseconds(kMinDelayMs + delay_draw % (kMaxDelayMs - kMinDelayMs + 1));
  }
  return fault;
}

}  // namespace modelarts::testing::detail
