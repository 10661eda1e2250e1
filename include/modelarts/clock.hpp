// SPDX-License-Identifier: Apache-2.0
// The SDK's notion of time (now and sleeping), replaceable so tests of retries and waits take no real time.
#pragma once

#include <chrono>
#include <memory>

namespace modelarts {

/// Time as the SDK sees it; replace it in tests so that retries and waits take no real time.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() = 0;
  virtual void sleep_for(std::chrono::milliseconds duration) = 0;
};
std::shared_ptr<Clock> system_clock();

}  // namespace modelarts
