// SPDX-License-Identifier: Apache-2.0
// ResponseParser: Beast's HTTP/1 response parser writing straight into a modelarts::HttpResponse. The stock
// response_parser<string_body> builds a basic_fields (a tree of heap nodes, field-name look-ups) that the
// transport then copied pair by pair; this one appends each name/value pair and the body where they end up.
// Framing, limits (header_limit/body_limit), chunked and EOF-delimited bodies, skip() for HEAD and keep_alive()
// are the base class's. One parser per message: a 1xx interim reply needs a fresh one for the real reply.
#pragma once

#include <cstdint>
#include <utility>

#include <boost/beast/http/basic_parser.hpp>

#include <modelarts/http.hpp>

namespace modelarts::transport {

class ResponseParser final : public boost::beast::http::basic_parser<false> {
 public:
  ResponseParser() = default;

  /// The status line's code (0 until the status line was parsed).
  int status() const { return response_.status; }
  /// The parsed reply; call once is_done().
  HttpResponse release() { return std::move(response_); }

 private:
  using string_view = boost::beast::string_view;
  using error_code = boost::beast::error_code;

  void on_request_impl(boost::beast::http::verb, string_view, string_view, int, error_code&) override;
  void on_response_impl(int code, string_view reason, int version, error_code& ec) override;
  void on_field_impl(boost::beast::http::field, string_view name, string_view value, error_code& ec) override;
  void on_header_impl(error_code& ec) override;
  void on_body_init_impl(const boost::optional<std::uint64_t>& content_length, error_code& ec) override;
  std::size_t on_body_impl(string_view body, error_code& ec) override;
  void on_chunk_header_impl(std::uint64_t size, string_view extensions, error_code& ec) override;
  std::size_t on_chunk_body_impl(std::uint64_t remain, string_view body, error_code& ec) override;
  void on_finish_impl(error_code& ec) override;

  HttpResponse response_;
};

}  // namespace modelarts::transport
