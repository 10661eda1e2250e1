// SPDX-License-Identifier: Apache-2.0
// ConnectionPool: idle keep-alive connections per origin, handed out exclusively and thread-safely.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "transport/connection.hpp"
#include "transport/origin.hpp"

namespace modelarts::transport {

class ConnectionPool {
 public:
  explicit ConnectionPool(std::size_t max_idle_per_origin) : max_idle_per_origin_(max_idle_per_origin) {}
  /// Closes the idle connections; in a child after fork(), only its own descriptors of the parent's.
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  /// The most recently returned idle connection for `key` not seen closed by the peer and opened by this
  /// process (never one a parent opened before fork()); null when none.
  std::unique_ptr<Connection> take(const Origin& key);
  /// Keeps `connection` for reuse unless `key` already has max_idle_per_origin idle ones (then it is closed).
  void give_back(const Origin& key, std::unique_ptr<Connection> connection);

 private:
  const std::size_t max_idle_per_origin_;
  std::mutex mutex_;
  std::unordered_map<Origin, std::vector<std::unique_ptr<Connection>>, OriginHash> idle_;
};

}  // namespace modelarts::transport
