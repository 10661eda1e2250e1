// SPDX-License-Identifier: Apache-2.0
// The Beast message types the emulator's server and its request handlers share, and the reply a handler
// gives back: a response plus how to deliver it (at once, after a delay, or cut off mid-body).
#pragma once

#include <chrono>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

namespace modelarts::testing::detail {

using HttpRequestMessage = boost::beast::http::request<boost::beast::http::string_body>;
using HttpResponseMessage = boost::beast::http::response<boost::beast::http::string_body>;

struct Reply {
  HttpResponseMessage response;
  std::chrono::milliseconds delay{0};  ///< wait this long (without holding a thread) before answering
  /// Send the head and about half of the body, then drop the connection: the client sees a broken reply.
  bool cut_off = false;
  /// A reply to HEAD: send the Content-Length the handler set (the object's size) and no body.
  bool keep_content_length = false;
};

}  // namespace modelarts::testing::detail
