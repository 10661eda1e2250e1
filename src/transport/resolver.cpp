// SPDX-License-Identifier: Apache-2.0
#include "transport/resolver.hpp"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include <boost/asio/io_context.hpp>

namespace modelarts::transport {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

struct Lookup {
  std::mutex mutex;
  std::condition_variable finished;
  std::optional<std::variant<std::vector<tcp::endpoint>, boost::system::error_code>> result;
};

}  // namespace

ResolveResult resolve_before(const std::string& host, std::uint16_t port, const Deadline& deadline) {
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(host, ec);
  if (!ec) return std::vector<tcp::endpoint>{tcp::endpoint(address, port)};

  auto lookup = std::make_shared<Lookup>();
  std::thread([lookup, host, port] {
    asio::io_context io;
    tcp::resolver resolver(io);
    boost::system::error_code error;
    const auto results = resolver.resolve(host, std::to_string(port), error);
    std::vector<tcp::endpoint> endpoints;
    for (const auto& entry : results) endpoints.push_back(entry.endpoint());
    std::lock_guard<std::mutex> lock(lookup->mutex);
    if (error) {
      lookup->result.emplace(error);
    } else {
      lookup->result.emplace(std::move(endpoints));
    }
    lookup->finished.notify_all();
  }).detach();

  std::unique_lock<std::mutex> lock(lookup->mutex);
  if (!lookup->finished.wait_until(lock, deadline.at, [&] { return lookup->result.has_value(); })) {
    return ResolveTimedOut{};
  }
  if (auto* error = std::get_if<boost::system::error_code>(&*lookup->result)) return *error;
  return std::get<std::vector<tcp::endpoint>>(std::move(*lookup->result));
}

}  // namespace modelarts::transport
