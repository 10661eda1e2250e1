// SPDX-License-Identifier: Apache-2.0
#include "transport/connection_pool.hpp"

namespace modelarts::transport {

ConnectionPool::~ConnectionPool() {
  for (auto& [origin, idle] : idle_) {
    for (auto& connection : idle) {
      if (!connection->opened_in_this_process() && !connection->forget_after_fork()) (void)connection.release();
    }
  }
}

std::unique_ptr<Connection> ConnectionPool::take(const Origin& key) {
  std::vector<std::unique_ptr<Connection>> closed;  // destroyed after the lock is released
  std::unique_ptr<Connection> found;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = idle_.find(key);
    if (it == idle_.end()) return nullptr;
    auto& idle = it->second;
    while (!idle.empty() && !found) {
      std::unique_ptr<Connection> candidate = std::move(idle.back());
      idle.pop_back();
      if (!candidate->opened_in_this_process()) {
        // After fork(): the parent's connection. Reusing it would mix the two processes' replies.
        if (candidate->forget_after_fork()) closed.push_back(std::move(candidate));
        else (void)candidate.release();
      } else if (candidate->closed_while_idle()) {
        closed.push_back(std::move(candidate));
      } else {
        found = std::move(candidate);
      }
    }
  }
  return found;
}

void ConnectionPool::give_back(const Origin& key, std::unique_ptr<Connection> connection) {
  connection->mark_reused();
  std::lock_guard<std::mutex> lock(mutex_);
  auto& idle = idle_[key];
  if (idle.size() >= max_idle_per_origin_) return;  // `connection` closes as it goes out of scope
  idle.push_back(std::move(connection));
}

}  // namespace modelarts::transport
