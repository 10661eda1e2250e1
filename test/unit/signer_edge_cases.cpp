// SPDX-License-Identifier: Apache-2.0
// Signer edge cases beyond the published vectors: encoding, ordering, header rules, unsigned payloads.
#include <algorithm>
#include <chrono>
#include <string>

#include <boost/test/unit_test.hpp>

#include <modelarts/error.hpp>
#include <modelarts/signer.hpp>

#include "support/signer_fixture.hpp"

using namespace modelarts;

namespace {

const SigningCredentials& kCredentials = test::kSignerCredentials;
const char* const kDate = test::kSignerDate;
const char* const kEmptyHash = test::kEmptyBodyHash;
using test::last_line;

SignableRequest base_request() { return test::plain_get_request(); }

std::string line(const std::string& text, std::size_t index) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < index; ++i) start = text.find('\n', start) + 1;
  return text.substr(start, text.find('\n', start) - start);
}

std::string sent(const SignedRequest& signed_request, const std::string& name) {
  for (const auto& [key, value] : signed_request.headers) {
    if (key == name) return value;
  }
  return "<absent>";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(signer_edge_cases)

BOOST_AUTO_TEST_CASE(repeated_keys_sort_by_raw_value) {
  auto request = base_request();
  request.query = {{"b", "2"}, {"a", "z"}, {"a", "y"}, {"B", "1"}};
  const auto result = sign_request(request, kCredentials, kDate);
  BOOST_TEST(line(result.canonical_request, 2) == "B=1&a=y&a=z&b=2");
  BOOST_TEST(result.target == "/v1/p/jobs?B=1&a=y&a=z&b=2");
}

BOOST_AUTO_TEST_CASE(empty_values_keep_equals_sign) {
  auto request = base_request();
  request.query = {{"marker", ""}, {"limit", "10"}};
  const auto result = sign_request(request, kCredentials, kDate);
  BOOST_TEST(line(result.canonical_request, 2) == "limit=10&marker=");
  BOOST_TEST(result.target == "/v1/p/jobs?limit=10&marker=");
}

BOOST_AUTO_TEST_CASE(unicode_path_and_query_are_utf8_percent_encoded) {
  auto request = base_request();
  request.path = "/v1/p/数据集";
  request.query = {{"name", "é x"}};
  const auto result = sign_request(request, kCredentials, kDate);
  BOOST_TEST(line(result.canonical_request, 1) == "/v1/p/%E6%95%B0%E6%8D%AE%E9%9B%86/");
  BOOST_TEST(line(result.canonical_request, 2) == "name=%C3%A9%20x");
  BOOST_TEST(result.target == "/v1/p/%E6%95%B0%E6%8D%AE%E9%9B%86?name=%C3%A9%20x");
}

BOOST_AUTO_TEST_CASE(every_reserved_character_is_encoded_upper_case) {
  BOOST_TEST(percent_encode("!#$&'()*+,/:;=?@[]% \"<>\\^`{|}") ==
             "%21%23%24%26%27%28%29%2A%2B%2C%2F%3A%3B%3D%3F%40%5B%5D%25%20%22%3C%3E%5C%5E%60%7B%7C%7D");
  BOOST_TEST(percent_encode("AZaz09-_.~") == "AZaz09-_.~");
  BOOST_TEST(percent_encode(std::string("\x00\x7f\xff", 3)) == "%00%7F%FF");
  auto request = base_request();
  request.query = {{"q", "a+b=c&d"}};
  BOOST_TEST(line(sign_request(request, kCredentials, kDate).canonical_request, 2) == "q=a%2Bb%3Dc%26d");
}

BOOST_AUTO_TEST_CASE(values_sort_raw_not_encoded) {
  // '%' (0x25) sorts below '.', so sorting after encoding (the C++ SDK's bug) would give a%2Fb first.
  QueryParams query{{"path", "a/b"}, {"path", "a.b"}};
  BOOST_TEST(canonical_query_string(query) == "path=a.b&path=a%2Fb");
}

BOOST_AUTO_TEST_CASE(host_with_port_is_signed_as_sent) {
  auto request = base_request();
  request.host = "127.0.0.1:8443";
  const auto result = sign_request(request, kCredentials, kDate);
  BOOST_TEST(line(result.canonical_request, 3) == "host:127.0.0.1:8443");
  BOOST_TEST(sent(result, "Host") == "127.0.0.1:8443");
}

BOOST_AUTO_TEST_CASE(security_token_is_added_and_signed) {
  auto request = base_request();
  const auto result = sign_request(request, {"AK", "SK", "temporary-token"}, kDate);
  BOOST_TEST(result.signed_headers == "host;x-sdk-date;x-security-token");
  BOOST_TEST(sent(result, "X-Security-Token") == "temporary-token");
  BOOST_TEST(result.canonical_request.find("x-security-token:temporary-token\n") != std::string::npos);
  // a different token gives a different signature
  BOOST_TEST(sign_request(request, {"AK", "SK", "other"}, kDate).signature != result.signature);
}

BOOST_AUTO_TEST_CASE(non_json_body_uses_unsigned_payload) {
  auto request = base_request();
  request.method = "PUT";
  request.headers = {{"Content-Type", "application/octet-stream"}};
  request.body = "binary\x01";
  const auto result = sign_request(request, kCredentials, kDate);
  BOOST_TEST(last_line(result.canonical_request) == "UNSIGNED-PAYLOAD");
  BOOST_TEST(result.signed_headers == "content-type;host;x-sdk-content-sha256;x-sdk-date");
  BOOST_TEST(sent(result, "X-Sdk-Content-Sha256") == "UNSIGNED-PAYLOAD");
  // explicit flag without a content type
  auto flagged = base_request();
  flagged.unsigned_payload = true;
  flagged.body = "x";
  BOOST_TEST(sign_request(flagged, kCredentials, kDate).canonical_request.find("\nUNSIGNED-PAYLOAD") !=
             std::string::npos);
  // the caller's own header is honoured (and sent once)
  auto by_header = base_request();
  by_header.headers = {{"x-sdk-content-sha256", "UNSIGNED-PAYLOAD"}};
  by_header.body = "y";
  const auto honoured = sign_request(by_header, kCredentials, kDate);
  BOOST_TEST(last_line(honoured.canonical_request) == "UNSIGNED-PAYLOAD");
  BOOST_TEST(std::count_if(honoured.headers.begin(), honoured.headers.end(),
                           [](const auto& h) { return h.first == "x-sdk-content-sha256"; }) == 1);
}

BOOST_AUTO_TEST_CASE(json_with_charset_hashes_the_body) {
  auto request = base_request();
  request.method = "POST";
  request.headers = {{"Content-Type", "application/json;charset=UTF-8"}};
  request.body = "{\"a\":1}";
  const auto result = sign_request(request, kCredentials, kDate);
  BOOST_TEST(last_line(result.canonical_request) == sha256_hex("{\"a\":1}"));
  BOOST_TEST(sent(result, "X-Sdk-Content-Sha256") == "<absent>");
  BOOST_TEST(result.signed_headers == "content-type;host;x-sdk-date");
}

BOOST_AUTO_TEST_CASE(header_values_are_trimmed) {
  auto request = base_request();
  request.headers = {{"X-Project-Id", "  \tp1 \t "}};
  const auto result = sign_request(request, kCredentials, kDate);
  BOOST_TEST(result.canonical_request.find("\nx-project-id:p1\n") != std::string::npos);
  BOOST_TEST(sent(result, "X-Project-Id") == "p1");
}

BOOST_AUTO_TEST_CASE(underscore_header_is_sent_not_signed) {
  auto request = base_request();
  request.headers = {{"X_Custom_Header", "v"}, {"X-Custom", "w"}};
  const auto result = sign_request(request, kCredentials, kDate);
  BOOST_TEST(result.signed_headers == "host;x-custom;x-sdk-date");
  BOOST_TEST(sent(result, "X_Custom_Header") == "v");
}

BOOST_AUTO_TEST_CASE(hop_by_hop_headers_are_not_signed) {
  auto request = base_request();
  request.headers = {{"User-Agent", "modelarts-cpp/1"}, {"Connection", "keep-alive"}, {"Content-Length", "0"},
                     {"Transfer-Encoding", "chunked"}};
  const auto result = sign_request(request, kCredentials, kDate);
  BOOST_TEST(result.signed_headers == "host;x-sdk-date");
  BOOST_TEST(sent(result, "User-Agent") == "modelarts-cpp/1");
}

BOOST_AUTO_TEST_CASE(signed_headers_sort_by_lower_case_bytes) {
  auto request = base_request();
  request.headers = {{"X-b", "2"}, {"x-A", "1"}, {"Content-Type", "application/json"}, {"Accept", "*/*"}};
  const auto result = sign_request(request, kCredentials, kDate);
  BOOST_TEST(result.signed_headers == "accept;content-type;host;x-a;x-b;x-sdk-date");
  BOOST_TEST(line(result.canonical_request, 3) == "accept:*/*");
}

BOOST_AUTO_TEST_CASE(already_encoded_path_signs_like_raw_path) {
  auto raw = base_request();
  raw.path = "/v1/p/a b/urn:fss";
  auto encoded = base_request();
  encoded.path = "/v1/p/a%20b/urn%3afss";
  const auto a = sign_request(raw, kCredentials, kDate);
  const auto b = sign_request(encoded, kCredentials, kDate);
  BOOST_TEST(a.target == "/v1/p/a%20b/urn%3Afss");
  BOOST_TEST(b.target == a.target);
  BOOST_TEST(b.signature == a.signature);
}

BOOST_AUTO_TEST_CASE(encoded_slash_is_sent_encoded_and_signed_as_a_separator) {
  // The documented algorithm and the official signers decode the whole path, then split it on '/': the ID
  // "a/b" sent as ".../training-jobs/a%2Fb" signs as ".../training-jobs/a/b/".
  BOOST_TEST(canonical_uri("/v1/a%2Fb/c") == "/v1/a/b/c/");
  BOOST_TEST(canonical_uri("/v1/a%2fb") == "/v1/a/b/");
  BOOST_TEST(canonical_uri("/v1/a%252Fb") == "/v1/a%252Fb/");  // decoded once: "%2F" is a literal segment
  BOOST_TEST(wire_path("/v1/a%2Fb/c") == "/v1/a%2Fb/c");
  BOOST_TEST(wire_path("/v1/a%2fb") == "/v1/a%2Fb");
  BOOST_TEST(wire_path("/v1/100%25") == "/v1/100%25");

  auto encoded = base_request();
  encoded.path = "/v1/p/training-jobs/a%2Fb";
  auto split = base_request();
  split.path = "/v1/p/training-jobs/a/b";
  const auto a = sign_request(encoded, kCredentials, kDate);
  const auto b = sign_request(split, kCredentials, kDate);
  BOOST_TEST(a.target == "/v1/p/training-jobs/a%2Fb");
  BOOST_TEST(line(a.canonical_request, 1) == "/v1/p/training-jobs/a/b/");
  BOOST_TEST(a.canonical_request == b.canonical_request);
  BOOST_TEST(a.signature == b.signature);
  BOOST_TEST(b.target == "/v1/p/training-jobs/a/b");

  auto with_query = encoded;
  with_query.query = {{"x", "a/b"}};
  const auto c = sign_request(with_query, kCredentials, kDate);
  BOOST_TEST(c.target == "/v1/p/training-jobs/a%2Fb?x=a%2Fb");
  BOOST_TEST(line(c.canonical_request, 2) == "x=a%2Fb");
}

BOOST_AUTO_TEST_CASE(empty_and_trailing_slash_paths) {
  auto request = base_request();
  request.path = "";
  const auto result = sign_request(request, kCredentials, kDate);
  BOOST_TEST(line(result.canonical_request, 1) == "/");
  BOOST_TEST(result.target == "/");
  BOOST_TEST(canonical_uri("/") == "/");
  BOOST_TEST(canonical_uri("/v1/") == "/v1/");
  BOOST_TEST(wire_path("/v1/") == "/v1/");
  BOOST_TEST(wire_path("v1/x") == "/v1/x");
  BOOST_TEST(last_line(result.canonical_request) == kEmptyHash);
}

BOOST_AUTO_TEST_CASE(duplicate_or_malformed_headers_are_refused) {
  auto request = base_request();
  request.headers = {{"X-Project-Id", "a"}, {"x-project-id", "b"}};
  BOOST_CHECK_THROW(sign_request(request, kCredentials, kDate), InvalidArgumentError);
  request.headers = {{"X-Bad", "a\r\nInjected: 1"}};
  BOOST_CHECK_THROW(sign_request(request, kCredentials, kDate), InvalidArgumentError);
  request.headers = {{"Bad Name", "a"}};
  BOOST_CHECK_THROW(sign_request(request, kCredentials, kDate), InvalidArgumentError);
  request.headers = {{"Host", "other.example.com"}};
  BOOST_CHECK_THROW(sign_request(request, kCredentials, kDate), InvalidArgumentError);
  request.headers = {{"Authorization", "x"}};
  BOOST_CHECK_THROW(sign_request(request, kCredentials, kDate), InvalidArgumentError);
}

BOOST_AUTO_TEST_CASE(method_is_upper_cased_and_caller_date_reused) {
  auto request = base_request();
  request.method = "delete";
  request.headers = {{"X-Sdk-Date", "20200101T000000Z"}};
  const auto result = sign_request(request, kCredentials, kDate);
  BOOST_TEST(line(result.canonical_request, 0) == "DELETE");
  BOOST_TEST(line(result.string_to_sign, 1) == "20200101T000000Z");
  BOOST_TEST(std::count_if(result.headers.begin(), result.headers.end(),
                           [](const auto& h) { return h.first == "X-Sdk-Date"; }) == 1);
}

BOOST_AUTO_TEST_CASE(multipart_content_type_is_not_signed) {
  auto request = base_request();
  request.method = "POST";
  request.headers = {{"Content-Type", "multipart/form-data; boundary=x"}};
  const auto result = sign_request(request, kCredentials, kDate);
  BOOST_TEST(result.signed_headers == "host;x-sdk-content-sha256;x-sdk-date");
}

BOOST_AUTO_TEST_CASE(percent_decode_keeps_malformed_escapes) {
  BOOST_TEST(percent_decode("%zz%4") == "%zz%4");
  BOOST_TEST(percent_decode("a+b%2fc%2F") == "a+b/c/");
  BOOST_TEST(percent_decode(percent_encode("数 /%")) == "数 /%");
}

BOOST_AUTO_TEST_CASE(hash_primitives_and_date_format) {
  BOOST_TEST(sha256_hex("") == kEmptyHash);
  // RFC 4231 test case 2
  BOOST_TEST(hmac_sha256_hex("Jefe", "what do ya want for nothing?") ==
             "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  BOOST_TEST(format_sdk_date(std::chrono::system_clock::time_point(std::chrono::seconds(1705311000))) ==
             "20240115T093000Z");
}

BOOST_AUTO_TEST_CASE(authorization_header_format) {
  const auto result = sign_request(base_request(), kCredentials, kDate);
  BOOST_TEST(sent(result, "Authorization") ==
             "SDK-HMAC-SHA256 Access=AK0000EXAMPLE, SignedHeaders=host;x-sdk-date, Signature=" + result.signature);
  BOOST_TEST(result.signature == hmac_sha256_hex(kCredentials.secret_key, result.string_to_sign));
  BOOST_TEST(result.canonical_request.find(kCredentials.secret_key) == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
