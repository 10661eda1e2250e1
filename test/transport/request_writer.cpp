// SPDX-License-Identifier: Apache-2.0
// validate_request refuses what cannot go on the wire as is (with the same messages, never a header value), and
// serialize_request_head writes the request line and fields exactly, with Host and Content-Length handled.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "transport/request_writer.hpp"
#include "transport/transport_test_helpers.hpp"

using namespace modelarts;
using namespace modelarts::test;
using modelarts::transport::Origin;
using modelarts::transport::RequestForm;
using modelarts::transport::serialize_request_head;
using modelarts::transport::validate_request;

namespace {

std::string refusal(const HttpRequest& request) { return validate_request(request).value_or("(accepted)"); }

}  // namespace

BOOST_AUTO_TEST_SUITE(request_writer)

BOOST_AUTO_TEST_CASE(ordinary_request_is_accepted) {
  HttpRequest request = loopback_request(8080, "/v1/p/training-jobs?limit=5&sort_by=create_time");
  request.headers.emplace_back("X-Sdk-Date", "20260101T000000Z");
  request.headers.emplace_back("Authorization", "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=ab");
  request.headers.emplace_back("X-Empty", "");
  BOOST_TEST(!validate_request(request).has_value());
  request.method = "PATCH";
  BOOST_TEST(!validate_request(request).has_value());
}

BOOST_AUTO_TEST_CASE(bad_method_target_scheme_or_host_is_refused) {
  HttpRequest request = loopback_request(8080);
  request.method = "GE T";
  BOOST_TEST(refusal(request) == "invalid HTTP method 'GE T'");
  request.method = "";
  BOOST_TEST(refusal(request) == "invalid HTTP method ''");
  request.method = "GET/";
  BOOST_TEST(refusal(request) == "invalid HTTP method 'GET/'");
  request.method = "GET";
  const std::string bad_target = "invalid request target (must start with '/', no spaces or control characters)";
  for (const std::string& target : std::vector<std::string>{"", "v1/jobs", "/a b", "/a\tb", std::string("/a\x7f"), std::string("/a\r\nX: y")}) {
    request.target = target;
    BOOST_TEST(refusal(request) == bad_target, "target " << target);
  }
  request.target = "/%E4%B8%AD?q=\xe4\xb8\xad";  // bytes above 127 are left to the caller's encoding
  BOOST_TEST(!validate_request(request).has_value());
  request.scheme = "ftp";
  BOOST_TEST(refusal(request) == "unsupported scheme 'ftp'");
  request.scheme = "https";
  request.host = "";
  BOOST_TEST(refusal(request) == "invalid host");
  request.host = "example.com\r\nX-Injected: 1";
  BOOST_TEST(refusal(request) == "invalid host");
}

BOOST_AUTO_TEST_CASE(bad_header_name_or_value_is_refused_without_showing_the_value) {
  for (const std::string& name : std::vector<std::string>{"", "X Space", "X:Colon", "X(paren)", "X\"quote", std::string("X\x01")}) {
    HttpRequest request = loopback_request(8080);
    request.headers.emplace_back(name, "v");
    BOOST_TEST(refusal(request) == "invalid header name '" + name + "'");
  }
  for (const std::string& value : std::vector<std::string>{"secret\r\nX-Injected: 1", "secret\n", std::string("secret\0x", 8)}) {
    HttpRequest request = loopback_request(8080);
    request.headers.emplace_back("X-Auth-Token", value);
    const std::string message = refusal(request);
    BOOST_TEST(message == "header 'X-Auth-Token' contains CR, LF or NUL");
    BOOST_TEST(message.find("secret") == std::string::npos);
  }
  HttpRequest request = loopback_request(8080);
  request.headers.emplace_back("X-Token-Chars_!#$%&'*+-.^`|~09azAZ", "tab\tand \x80 bytes are fine");
  BOOST_TEST(!validate_request(request).has_value());
}

BOOST_AUTO_TEST_CASE(head_keeps_the_callers_fields_in_order_and_sets_content_length) {
  HttpRequest request = loopback_request(8080, "/v1/p/jobs");
  request.method = "POST";
  request.headers.emplace_back("content-length", "999");  // replaced by ours
  request.headers.emplace_back("X-A", "1");
  request.body = "{\"a\":1}";
  const Origin origin{"http", "127.0.0.1", 8080};
  BOOST_TEST(serialize_request_head(request, origin, {}) ==
             "POST /v1/p/jobs HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nX-A: 1\r\nAccept-Encoding: identity\r\n"
             "Content-Length: 7\r\n\r\n");
  request.body.clear();
  BOOST_TEST(serialize_request_head(request, origin, {}) ==
             "POST /v1/p/jobs HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nX-A: 1\r\nAccept-Encoding: identity\r\n"
             "Content-Length: 0\r\n\r\n");
  request.method = "GET";
  BOOST_TEST(serialize_request_head(request, origin, {}) ==
             "GET /v1/p/jobs HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nX-A: 1\r\nAccept-Encoding: identity\r\n\r\n");
  // A caller's own Accept-Encoding is kept, and ours not added.
  request.headers.emplace_back("Accept-Encoding", "gzip");
  BOOST_TEST(serialize_request_head(request, origin, {}) ==
             "GET /v1/p/jobs HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nX-A: 1\r\nAccept-Encoding: gzip\r\n\r\n");
}

BOOST_AUTO_TEST_CASE(host_is_added_when_missing_and_absolute_form_carries_proxy_credentials) {
  HttpRequest request;
  request.method = "DELETE";
  request.scheme = "http";
  request.host = "::1";
  request.port = 9000;
  request.target = "/v1/p/jobs/7";
  const Origin origin{"http", "::1", 9000};
  BOOST_TEST(serialize_request_head(request, origin, {}) ==
             "DELETE /v1/p/jobs/7 HTTP/1.1\r\nHost: [::1]:9000\r\nAccept-Encoding: identity\r\n\r\n");
  RequestForm form;
  form.absolute_target = true;
  form.proxy_authorization = "Basic dTpw";
  BOOST_TEST(serialize_request_head(request, origin, form) ==
             "DELETE http://[::1]:9000/v1/p/jobs/7 HTTP/1.1\r\nHost: [::1]:9000\r\n"
             "Accept-Encoding: identity\r\nProxy-Authorization: Basic dTpw\r\n\r\n");
}

BOOST_AUTO_TEST_SUITE_END()
