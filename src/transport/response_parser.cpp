// SPDX-License-Identifier: Apache-2.0
#include "transport/response_parser.hpp"

#include <tuple>

namespace modelarts::transport {
namespace {

constexpr std::size_t typical_field_count = 8;

}  // namespace

// Never called: basic_parser<false> parses responses only.
void ResponseParser::on_request_impl(boost::beast::http::verb, string_view, string_view, int, error_code&) {}

void ResponseParser::on_response_impl(int code, string_view, int, error_code&) {
  response_.status = code;
  response_.headers.reserve(typical_field_count);  // one allocation instead of growing 1, 2, 4, 8
}

void ResponseParser::on_field_impl(boost::beast::http::field, string_view name, string_view value, error_code&) {
  response_.headers.emplace_back(std::piecewise_construct, std::forward_as_tuple(name.data(), name.size()),
                                 std::forward_as_tuple(value.data(), value.size()));
}

void ResponseParser::on_header_impl(error_code&) {}

void ResponseParser::on_body_init_impl(const boost::optional<std::uint64_t>& content_length, error_code&) {
  // The base class has already refused a Content-Length over body_limit(); reserve what is announced.
  if (content_length) response_.body.reserve(static_cast<std::size_t>(*content_length));
}

std::size_t ResponseParser::on_body_impl(string_view body, error_code&) {
  response_.body.append(body.data(), body.size());
  return body.size();
}

void ResponseParser::on_chunk_header_impl(std::uint64_t, string_view, error_code&) {}

std::size_t ResponseParser::on_chunk_body_impl(std::uint64_t, string_view body, error_code&) {
  response_.body.append(body.data(), body.size());
  return body.size();
}

void ResponseParser::on_finish_impl(error_code&) {}

}  // namespace modelarts::transport
