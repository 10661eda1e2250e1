// SPDX-License-Identifier: Apache-2.0
// The baseline of measurement 1: the least a client can do for the same call. One keep-alive Boost.Beast
// connection, a request built once with headers signed once, and only the status checked in the reply.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace bench {

class BareBeastClient {
 public:
  BareBeastClient(const std::string& host, unsigned short port, const std::string& target,
                  const std::vector<std::pair<std::string, std::string>>& headers);
  ~BareBeastClient();
  BareBeastClient(const BareBeastClient&) = delete;
  BareBeastClient& operator=(const BareBeastClient&) = delete;

  /// Sends the prepared GET and reads the whole reply; returns the body size. Throws on a non-200 status.
  std::size_t get();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bench
