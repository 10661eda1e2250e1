// SPDX-License-Identifier: Apache-2.0
// ResponseParser on its own: status, fields in order as received, bodies framed by Content-Length, chunked
// encoding or EOF, HEAD replies, limits, keep-alive, and input split at every byte.
#include <boost/test/unit_test.hpp>

#include <string>

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>

#include "transport/response_parser.hpp"

using modelarts::transport::ResponseParser;
namespace http = boost::beast::http;

namespace {

/// Feeds `bytes` to `parser` in pieces of at most `piece` bytes (the parser keeps what it could not use yet).
boost::beast::error_code feed(ResponseParser& parser, const std::string& bytes, std::size_t piece = 1 << 20) {
  parser.eager(true);
  std::string pending;
  boost::beast::error_code ec;
  for (std::size_t at = 0; at < bytes.size() && !parser.is_done(); at += piece) {
    pending += bytes.substr(at, piece);
    for (;;) {
      const std::size_t used = parser.put(boost::asio::buffer(pending), ec);
      pending.erase(0, used);
      if (ec == http::make_error_code(http::error::need_more)) {
        ec = {};
        break;
      }
      if (ec || parser.is_done() || used == 0) break;
    }
    if (ec) return ec;
  }
  return ec;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(response_parser)

BOOST_AUTO_TEST_CASE(status_fields_and_sized_body) {
  const std::string reply =
      "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nX-Request-Id: abc\r\nX-Request-Id: def\r\n"
      "Content-Length: 11\r\n\r\n{\"id\":\"j1\"}";
  for (const std::size_t piece : {std::size_t{1}, std::size_t{7}, reply.size()}) {
    ResponseParser parser;
    BOOST_TEST(!feed(parser, reply, piece));
    BOOST_TEST(parser.is_done());
    BOOST_TEST(parser.keep_alive());
    BOOST_TEST(!parser.need_eof());
    const auto response = parser.release();
    BOOST_TEST(response.status == 201);
    BOOST_TEST(response.body == "{\"id\":\"j1\"}");
    BOOST_TEST_REQUIRE(response.headers.size() == 4u);
    BOOST_TEST(response.headers[0].first == "Content-Type");
    BOOST_TEST(response.headers[0].second == "application/json");
    BOOST_TEST(response.headers[1].second == "abc");  // repeated fields kept, in order
    BOOST_TEST(response.headers[2].second == "def");
    BOOST_TEST(response.header("content-length") == "11");
  }
}

BOOST_AUTO_TEST_CASE(chunked_body_is_joined) {
  const std::string reply =
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n";
  for (const std::size_t piece : {std::size_t{1}, std::size_t{3}, reply.size()}) {
    ResponseParser parser;
    BOOST_TEST(!feed(parser, reply, piece));
    BOOST_TEST(parser.is_done());
    BOOST_TEST(parser.keep_alive());
    BOOST_TEST(parser.release().body == "hello world");
  }
}

BOOST_AUTO_TEST_CASE(body_without_length_ends_at_eof) {
  ResponseParser parser;
  BOOST_TEST(!feed(parser, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the"));
  BOOST_TEST(!parser.is_done());
  BOOST_TEST(parser.need_eof());
  BOOST_TEST(!feed(parser, " end"));
  boost::beast::error_code ec;
  parser.put_eof(ec);
  BOOST_TEST(!ec);
  BOOST_TEST(parser.is_done());
  BOOST_TEST(parser.release().body == "until the end");
}

BOOST_AUTO_TEST_CASE(eof_in_the_middle_of_a_sized_body_is_an_error) {
  ResponseParser parser;
  BOOST_TEST(!feed(parser, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort"));
  boost::beast::error_code ec;
  parser.put_eof(ec);
  BOOST_TEST(ec == http::make_error_code(http::error::partial_message));
}

BOOST_AUTO_TEST_CASE(head_reply_has_no_body_even_with_a_length) {
  ResponseParser parser;
  parser.skip(true);
  BOOST_TEST(!feed(parser, "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n"));
  BOOST_TEST(parser.is_done());
  const auto response = parser.release();
  BOOST_TEST(response.header("content-length") == "1234");
  BOOST_TEST(response.body.empty());
}

BOOST_AUTO_TEST_CASE(interim_reply_is_a_message_of_its_own) {
  const std::string replies = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
  ResponseParser interim;
  interim.eager(true);
  boost::beast::error_code ec;
  const std::size_t used = interim.put(boost::asio::buffer(replies), ec);
  BOOST_TEST(!ec);
  BOOST_TEST(interim.is_done());
  BOOST_TEST(interim.status() == 100);
  ResponseParser final_reply;
  BOOST_TEST(!feed(final_reply, replies.substr(used)));
  BOOST_TEST(final_reply.status() == 200);
  BOOST_TEST(final_reply.release().body == "ok");
}

BOOST_AUTO_TEST_CASE(connection_close_and_http_1_0_are_not_kept_alive) {
  ResponseParser closing;
  BOOST_TEST(!feed(closing, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"));
  BOOST_TEST(closing.is_done());
  BOOST_TEST(!closing.keep_alive());
  ResponseParser old;
  BOOST_TEST(!feed(old, "HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n"));
  BOOST_TEST(old.is_done());
  BOOST_TEST(!old.keep_alive());
}

BOOST_AUTO_TEST_CASE(header_over_the_limit_is_refused) {
  ResponseParser parser;
  parser.header_limit(64);
  const auto ec = feed(parser, "HTTP/1.1 200 OK\r\nX-Padding: " + std::string(100, 'p') + "\r\n\r\n");
  BOOST_TEST(ec == http::make_error_code(http::error::header_limit));
}

BOOST_AUTO_TEST_CASE(body_over_the_limit_is_refused_sized_chunked_or_to_eof) {
  {
    ResponseParser parser;
    parser.body_limit(8);
    BOOST_TEST(feed(parser, "HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n123456789") == http::make_error_code(http::error::body_limit));
  }
  {
    ResponseParser parser;
    parser.body_limit(8);
    BOOST_TEST(feed(parser, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n12345\r\n5\r\n67890\r\n0\r\n\r\n") ==
               http::make_error_code(http::error::body_limit));
  }
  {
    ResponseParser parser;
    parser.body_limit(8);
    BOOST_TEST(feed(parser, "HTTP/1.1 200 OK\r\n\r\n123456789") == http::make_error_code(http::error::body_limit));
  }
}

BOOST_AUTO_TEST_CASE(malformed_status_line_is_an_error) {
  ResponseParser parser;
  const auto ec = feed(parser, "SSH-2.0-OpenSSH_9.0\r\n\r\n");
  BOOST_TEST(static_cast<bool>(ec));
  BOOST_TEST(!parser.is_done());
}

BOOST_AUTO_TEST_SUITE_END()
