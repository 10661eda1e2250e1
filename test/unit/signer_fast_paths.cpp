// SPDX-License-Identifier: Apache-2.0
// The signer's shortcuts agree with the slow definitions they replace: the constant hash of an empty body, the
// hand-written date formatter (against gmtime_r + strftime), the one-pass path canonicalisation (against
// segment-wise decode-then-encode), the header value check, and state reused between calls.
#include <chrono>
#include <cstdint>
#include <ctime>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include <modelarts/error.hpp>
#include <modelarts/signer.hpp>

#include "support/signer_fixture.hpp"

using namespace modelarts;

namespace {

const SigningCredentials& kCredentials = test::kSignerCredentials;
const char* const kDate = test::kSignerDate;
using test::last_line;

SignableRequest base_request() {
  SignableRequest request = test::plain_get_request();
  request.headers = {{"Content-Type", "application/json"}, {"X-Project-Id", "0123456789abcdef"}};
  return request;
}

std::string strftime_sdk_date(std::chrono::system_clock::time_point time) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[64];
  const std::size_t length = std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &utc);
  return std::string(buffer, length);
}

std::chrono::system_clock::time_point at_seconds(std::int64_t seconds) {
  return std::chrono::system_clock::time_point(std::chrono::seconds(seconds));
}

// The documented definition of wire_path: each '/'-separated segment decoded, then encoded.
std::string segment_wise_wire_path(std::string path) {
  if (!path.empty() && path.front() == '/') path.erase(0, 1);
  std::string out = "/";
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = path.find('/', start);
    out += percent_encode(percent_decode(path.substr(start, slash - start)));
    if (slash == std::string::npos) break;
    out += '/';
    start = slash + 1;
  }
  return out;
}

/// The documented canonical URI, step by step: decode the whole path, split it on '/', encode each segment,
/// end with '/' (Python's signer: unquote, split, quote(segment, safe='~')).
std::string documented_canonical_uri(const std::string& path) {
  std::string decoded = percent_decode(path);
  if (!decoded.empty() && decoded.front() == '/') decoded.erase(0, 1);
  std::string out = "/";
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = decoded.find('/', start);
    out += percent_encode(decoded.substr(start, slash - start));
    if (slash == std::string::npos) break;
    out += '/';
    start = slash + 1;
  }
  if (out.back() != '/') out += '/';
  return out;
}

bool signs(const std::string& header_value) {
  auto request = base_request();
  request.headers.emplace_back("X-Extra", header_value);
  try {
    sign_request(request, kCredentials, kDate);
    return true;
  } catch (const InvalidArgumentError&) {
    return false;
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(signer_fast_paths)

BOOST_AUTO_TEST_CASE(empty_body_uses_the_sha256_of_the_empty_string) {
  const auto result = sign_request(base_request(), kCredentials, kDate);
  BOOST_TEST(last_line(result.canonical_request) == sha256_hex(""));
  BOOST_TEST(sha256_hex("") == test::kEmptyBodyHash);
}

BOOST_AUTO_TEST_CASE(non_empty_bodies_are_still_hashed) {
  auto request = base_request();
  for (const std::string& body : {std::string("{}"), std::string(1, '\0'), std::string(200, 'x')}) {
    request.body = body;
    const auto result = sign_request(request, kCredentials, kDate);
    BOOST_TEST(last_line(result.canonical_request) == sha256_hex(body));
  }
}

BOOST_AUTO_TEST_CASE(date_format_matches_strftime_over_years_and_boundaries) {
  constexpr std::int64_t kDay = 86400;
  // Every 7 hours 13 minutes 17 seconds from 1890 to 2110: every month, weekday and hour, leap and not.
  const std::int64_t from = -80 * 365 * kDay;
  const std::int64_t to = 140 * 365 * kDay;
  std::size_t mismatches = 0;
  for (std::int64_t t = from; t < to; t += 7 * 3600 + 13 * 60 + 17) {
    if (format_sdk_date(at_seconds(t)) != strftime_sdk_date(at_seconds(t))) ++mismatches;
  }
  BOOST_TEST(mismatches == 0u);
  // Each side of midnight on year ends, leap days and the days after them, and the epoch.
  const std::vector<std::int64_t> midnights = {
      0,           946684800 /* 2000-01-01 */, 951782400 /* 2000-02-29 */, 951868800 /* 2000-03-01 */,
      -2203891200 /* 1900-03-01 */, 4107456000 /* 2100-03-01 */, 1709164800 /* 2024-02-29 */,
      1704067200 /* 2024-01-01 */, 1735689600 /* 2025-01-01 */, 4102444800 /* 2100-01-01 */,
      -2208988800 /* 1900-01-01 */, -86400 /* 1969-12-31 */};
  for (const std::int64_t midnight : midnights) {
    for (const std::int64_t t : {midnight - 1, midnight, midnight + 1, midnight + kDay - 1}) {
      BOOST_TEST(format_sdk_date(at_seconds(t)) == strftime_sdk_date(at_seconds(t)), "t=" << t);
    }
  }
  BOOST_TEST(format_sdk_date(at_seconds(951782400 + 3723)) == "20000229T010203Z");
  // Fractions of a second are dropped the way to_time_t drops them, before and after the epoch.
  using std::chrono::milliseconds;
  for (const std::int64_t ms : {std::int64_t{-1500}, std::int64_t{-500}, std::int64_t{500}, std::int64_t{1'700'000'000'999}}) {
    const auto time = std::chrono::system_clock::time_point(milliseconds(ms));
    BOOST_TEST(format_sdk_date(time) == strftime_sdk_date(time), "ms=" << ms);
  }
}

BOOST_AUTO_TEST_CASE(one_pass_wire_path_matches_segment_wise_definition) {
  const std::vector<std::string> paths = {
      "",        "/",          "//",           "/a b/c",       "/a%20b/%2Fc", "/%zz/%4/%",  "a%2", "/%41%42%43/x%2",
      "/%e4%b8%ad", "/a%2/b", "/~-_./+!", "/%25%2525/", "/%%41", "/\xe4\xb8\xad/x", "no/leading/slash/",
      "/a%2Fb", "/a%2fb/", "/%2F%2F", "/x/%252F"};
  for (const auto& path : paths) {
    BOOST_TEST(wire_path(path) == segment_wise_wire_path(path), "path=" << path);
    BOOST_TEST(canonical_uri(path) == documented_canonical_uri(path), "path=" << path);
    // sign_request writes the same two forms in its one pass.
    auto request = base_request();
    request.path = path;
    const auto signed_request = sign_request(request, kCredentials, kDate);
    BOOST_TEST(signed_request.target == wire_path(path), "path=" << path);
    BOOST_TEST(signed_request.canonical_request.substr(4, canonical_uri(path).size() + 1) == canonical_uri(path) + "\n",
               "path=" << path);
  }
  const QueryParams query = {{"b", "x y"}, {"a", "%"}};
  BOOST_TEST(wire_target("/a%20b", query) == "/a%20b?a=%25&b=x%20y");
  BOOST_TEST(wire_target("/a%20b", {}) == "/a%20b");
}

BOOST_AUTO_TEST_CASE(header_values_refused_for_cr_lf_nul_at_any_position) {
  // Lengths across the eight-byte words the check reads, a forbidden byte at every position.
  for (std::size_t length = 1; length <= 19; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      for (const char forbidden : {'\0', '\n', '\r'}) {
        std::string value(length, 'v');
        value[at] = forbidden;
        BOOST_TEST(!signs(value), "length=" << length << " at=" << at << " byte=" << int(forbidden));
      }
    }
  }
  // Neighbouring and high bytes are accepted.
  BOOST_TEST(signs("a\x0b\x0c\x0e\x09\x01\x7f\x8a\x8d\x80\xffzzzzzzzz"));
  BOOST_TEST(signs("\x0b\x0c\x0e\x8a\x8d\x8a\x8d\x8a\x8d\x8a"));
}

BOOST_AUTO_TEST_CASE(state_reused_between_calls_does_not_leak) {
  const auto first = sign_request(base_request(), kCredentials, kDate);
  auto bigger = base_request();
  bigger.headers.emplace_back("X-A-Rather-Long-Header-Name-To-Grow-Buffers", std::string(300, 'v'));
  bigger.headers.emplace_back("Accept", "*/*");
  bigger.query = {{"z", "1"}, {"a", "2"}, {"m", "3"}};
  const auto grown = sign_request(bigger, kCredentials, kDate);
  BOOST_TEST(grown.signed_headers == "accept;content-type;host;x-a-rather-long-header-name-to-grow-buffers;"
                                     "x-project-id;x-sdk-date");
  auto refused = base_request();
  refused.headers.emplace_back("content-type", "application/json");
  BOOST_CHECK_THROW(sign_request(refused, kCredentials, kDate), InvalidArgumentError);
  const auto again = sign_request(base_request(), kCredentials, kDate);
  BOOST_TEST(again.canonical_request == first.canonical_request);
  BOOST_TEST(again.signature == first.signature);
  BOOST_TEST(again.headers == first.headers);
}

BOOST_AUTO_TEST_SUITE_END()
