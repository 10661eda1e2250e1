// SPDX-License-Identifier: Apache-2.0
// What every measurement needs to reach the emulator: its endpoint and the credentials it accepts.
#pragma once

#include <cstdint>
#include <string>

#include <modelarts/session.hpp>

namespace bench {

struct BenchTarget {
  std::string endpoint;  ///< "http://127.0.0.1:PORT"
  std::string host;      ///< "127.0.0.1"
  std::uint16_t port = 0;
  std::string access_key;
  std::string secret_key;
  std::string project_id;
  std::string region;

  /// An AK/SK session on the emulator (keep-alive pool, default retry policy).
  modelarts::Session session() const;
};

/// Parses "http://HOST:PORT" (plain HTTP only: the benchmarks measure the SDK, not TLS).
BenchTarget make_target(const std::string& endpoint);

}  // namespace bench
