// SPDX-License-Identifier: Apache-2.0
#include "bare_beast_client.hpp"

#include <stdexcept>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace bench {

namespace beast = boost::beast;
namespace http = beast::http;
namespace asio = boost::asio;

struct BareBeastClient::Impl {
  asio::io_context io;
  beast::tcp_stream stream{io};
  beast::flat_buffer buffer;
  http::request<http::empty_body> request;
};

BareBeastClient::BareBeastClient(const std::string& host, unsigned short port, const std::string& target,
                                 const std::vector<std::pair<std::string, std::string>>& headers)
    : impl_(std::make_unique<Impl>()) {
  impl_->stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address(host), port));
  impl_->stream.socket().set_option(asio::ip::tcp::no_delay(true));
  impl_->request.method(http::verb::get);
  impl_->request.target(target);
  impl_->request.version(11);
  impl_->request.keep_alive(true);
  for (const auto& [name, value] : headers) impl_->request.set(name, value);
}

BareBeastClient::~BareBeastClient() = default;

std::size_t BareBeastClient::get() {
  http::write(impl_->stream, impl_->request);
  http::response<http::string_body> response;
  http::read(impl_->stream, impl_->buffer, response);
  if (response.result_int() != 200)
    throw std::runtime_error("bare GET answered " + std::to_string(response.result_int()) + ": " + response.body());
  return response.body().size();
}

}  // namespace bench
