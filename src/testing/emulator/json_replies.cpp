// SPDX-License-Identifier: Apache-2.0
#include "testing/emulator/json_replies.hpp"

#include <cstdint>
#include <random>

#include <boost/beast/http/field.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace modelarts::testing::detail {

namespace http = boost::beast::http;

std::string new_request_id() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(32, '0');
  std::uint64_t bits = 0;
  for (std::size_t i = 0; i < id.size(); ++i) {
    if (i % 16 == 0) bits = engine();
    id[i] = kHex[bits & 0xFU];
    bits >>= 4;
  }
  return id;
}

HttpResponseMessage json_reply(int status, std::string body, std::string_view request_id) {
  HttpResponseMessage response{static_cast<http::status>(status), 11};
  response.set(http::field::content_type, kJsonContentType);
  response.set("X-Request-Id", request_id);
  response.body() = std::move(body);
  return response;
}

HttpResponseMessage modelarts_error(int status, std::string_view code, std::string_view message,
                                    std::string_view request_id) {
  boost::json::object body{{"is_success", false}, {"error_code", code}, {"error_message", message}};
  return json_reply(status, boost::json::serialize(body), request_id);
}

HttpResponseMessage gateway_error(int status, std::string_view code, std::string_view message,
                                  std::string_view request_id) {
  boost::json::object body{{"error_msg", message}, {"error_code", code}, {"request_id", request_id}};
  return json_reply(status, boost::json::serialize(body), request_id);
}

HttpResponseMessage keystone_error(int status, std::string_view title, std::string_view message,
                                   std::string_view request_id) {
  boost::json::object error{{"code", status}, {"title", title}, {"message", message}};
  return json_reply(status, boost::json::serialize(boost::json::object{{"error", std::move(error)}}),
                    request_id);
}

}  // namespace modelarts::testing::detail
