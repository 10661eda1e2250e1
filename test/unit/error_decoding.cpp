// SPDX-License-Identifier: Apache-2.0
// Error decoding table: every error body family, is_success false, request ids, non-JSON pages.
#include <string>

#include <boost/test/unit_test.hpp>

#include <modelarts/error.hpp>

#include "detail/error_decoding.hpp"
#include "detail/retry_policy.hpp"
#include "support/fake_transport.hpp"

using namespace modelarts;
using modelarts::test::FakeTransport;

namespace {

detail::Result<detail::ApiResponse> decode(int status, std::string body, HttpHeaders headers = {},
                                           detail::Envelope envelope = detail::Envelope::v1) {
  return detail::decode_response("DELETE", "/v1/p/visualization-jobs/10",
                                 HttpResponse{status, std::move(headers), std::move(body)}, envelope, {});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(error_decoding)

// Error::kind(), retryable() and attempts() on every class, from the status and code of the answer.
BOOST_AUTO_TEST_CASE(every_error_has_a_kind_retryability_and_attempt_count) {
  struct KindRow {
    int status;
    const char* code;
    ErrorKind kind;
    bool retryable;
  };
  const KindRow rows[] = {
      {401, "APIGW.0301", ErrorKind::auth, false},          {403, "ModelArts.0210", ErrorKind::auth, false},
      {404, "ModelArts.0015", ErrorKind::not_found, false}, {400, "ModelArts.0102", ErrorKind::not_found, false},
      {400, "ModelArts.0103", ErrorKind::conflict, false},  {400, "ModelArts.0105", ErrorKind::conflict, false},
      {409, "X.1", ErrorKind::conflict, false},             {429, "APIGW.0308", ErrorKind::throttled, true},
      {400, "ModelArts.0101", ErrorKind::rejected, false},  {408, "APIGW.0408", ErrorKind::timeout, true},
      {500, "ModelArts.0010", ErrorKind::service, true},    {503, "APIGW.0203", ErrorKind::service, true},
      {501, "X.2", ErrorKind::service, false},
  };
  for (const KindRow& row : rows) {
    BOOST_TEST_CONTEXT(row.status << ' ' << row.code) {
      ApiErrorDetails details;
      details.http_status = row.status;
      details.error_code = row.code;
      const ApiError error(details, 3);
      BOOST_TEST(std::string(to_string(error.kind())) == std::string(to_string(row.kind)));
      BOOST_TEST(error.retryable() == row.retryable);
      BOOST_TEST(error.attempts() == 3);
    }
  }
  const TransportError timeout(TransportErrorKind::timeout, "t", 2);
  BOOST_TEST((timeout.kind() == ErrorKind::timeout));
  BOOST_TEST(timeout.retryable());
  const TransportError tls(TransportErrorKind::tls, "certificate verify failed", 1);
  BOOST_TEST((tls.kind() == ErrorKind::transport));
  BOOST_TEST(!tls.retryable());
  BOOST_TEST((TransportError(TransportErrorKind::connect, "c").kind() == ErrorKind::transport));
  BOOST_TEST(TransportError(TransportErrorKind::connect, "c").retryable());
  const InvalidReplyError invalid("not JSON");
  BOOST_TEST((invalid.kind() == ErrorKind::invalid_reply));
  BOOST_TEST((invalid.transport_kind() == TransportErrorKind::invalid_reply));
  BOOST_TEST(!invalid.retryable());
  BOOST_TEST((InvalidArgumentError("x").kind() == ErrorKind::invalid_argument));
  BOOST_TEST(InvalidArgumentError("x").attempts() == 0);
  BOOST_TEST((ConfigurationError("x").kind() == ErrorKind::configuration));
  BOOST_TEST((WaitTimeoutError("x", 2).kind() == ErrorKind::timeout));
}

// v2 answers "not found" and "name taken" with a 400 and refuses tokens with 400/404 codes; the code
// decides the kind, from the decoded v2 body (error_code/error_msg/error_solution), and retryable() agrees.
BOOST_AUTO_TEST_CASE(v2_error_codes_map_onto_the_taxonomy) {
  struct Row {
    int status;
    const char* code;
    ErrorKind kind;
    bool retryable;
  };
  const Row rows[] = {
      {400, "ModelArts.2775", ErrorKind::not_found, false}, {400, "ModelArts.2751", ErrorKind::conflict, false},
      {409, "ModelArts.2796", ErrorKind::conflict, false},  {400, "ModelArts.2796", ErrorKind::conflict, false},
      {409, "ModelArts.2813", ErrorKind::conflict, false},  {400, "ModelArts.2813", ErrorKind::conflict, false},
      {429, "ModelArts.2799", ErrorKind::throttled, true},  {400, "ModelArts.2799", ErrorKind::throttled, true},
      {429, "", ErrorKind::throttled, true},                {400, "ModelArts.0204", ErrorKind::auth, false},
      {400, "ModelArts.0210", ErrorKind::auth, false},      {403, "ModelArts.2784", ErrorKind::auth, false},
      {403, "ModelArts.2785", ErrorKind::auth, false},      {404, "ModelArts.2786", ErrorKind::auth, false},
      {400, "ModelArts.2837", ErrorKind::auth, false},      {400, "ModelArts.2838", ErrorKind::auth, false},
      {400, "ModelArts.2755", ErrorKind::rejected, false},  {404, "ModelArts.2890", ErrorKind::not_found, false},
      {500, "ModelArts.2950", ErrorKind::service, true},
  };
  for (const Row& row : rows) {
    BOOST_TEST_CONTEXT(row.status << ' ' << row.code) {
      const std::string body = std::string(R"({"error_code":")") + row.code +
                               R"(","error_msg":"m","error_solution":"s"})";
      auto result = detail::decode_response("GET", "/v2/p/training-jobs/j", HttpResponse{row.status, {}, body},
                                            detail::Envelope::plain, {});
      BOOST_REQUIRE(!result.ok());
      BOOST_TEST(detail::is_transient(result.error()) == row.retryable);
      try {
        detail::throw_error(result.error());
        BOOST_FAIL("no exception");
      } catch (const ApiError& e) {
        BOOST_TEST(std::string(to_string(e.kind())) == std::string(to_string(row.kind)));
        BOOST_TEST(e.retryable() == row.retryable);
        BOOST_TEST(e.error_solution() == "s");
      }
    }
  }
}

// An invalid reply is thrown as InvalidReplyError (kind invalid_reply), not as a plain transport failure.
BOOST_AUTO_TEST_CASE(a_reply_that_cannot_be_decoded_is_an_invalid_reply) {
  auto result = decode(200, "<html>maintenance</html>");
  BOOST_REQUIRE(!result.ok());
  try {
    detail::throw_error(result.error());
  } catch (const InvalidReplyError& e) {
    BOOST_TEST((e.kind() == ErrorKind::invalid_reply));
  }
}

// A compressed body (a server ignoring "Accept-Encoding: identity") is named, not quoted: the
// message is valid UTF-8 and says which encoding.
BOOST_AUTO_TEST_CASE(a_compressed_reply_is_named_and_messages_are_valid_utf8) {
  const std::string gzip_bytes("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xab\x56\xca\xff\xfe\x80", 16);
  for (int status : {200, 502}) {
    BOOST_TEST_CONTEXT("status " << status) {
      auto result = decode(status, gzip_bytes, {{"Content-Encoding", "gzip"}});
      BOOST_REQUIRE(!result.ok());
      const std::string message = result.error().message;
      BOOST_TEST(message.find("Content-Encoding: gzip") != std::string::npos, message);
      BOOST_TEST(message.find('\x8b') == std::string::npos);
    }
  }
  // Any other body's excerpt: invalid UTF-8 becomes U+FFFD, valid multi-byte text stays.
  const std::string excerpt = detail::body_excerpt("caf\xc3\xa9 \xff\xc3 \xed\xa0\x80 ok");
  BOOST_TEST(excerpt == "caf\xc3\xa9 \xef\xbf\xbd\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd ok");
}

struct Row {
  const char* name;
  int status;
  const char* body;
  const char* code;
  const char* message;
  const char* request_id;
};

BOOST_AUTO_TEST_CASE(error_body_table) {
  const Row rows[] = {
      {"v1 error_message", 400,
       R"({"is_success":false,"error_code":"ModelArts.0105","error_message":"This job can't be delete. job status: 9"})",
       "ModelArts.0105", "This job can't be delete. job status: 9", ""},
      {"error_msg", 404, R"({"error_code":"ModelArts.0104","error_msg":"Job not found","request_id":"rq-1"})",
       "ModelArts.0104", "Job not found", "rq-1"},
      {"APIGW gateway", 401,
       R"({"error_msg":"Incorrect IAM authentication information: verify aksk signature fail","error_code":"APIGW.0301","request_id":"a1b2"})",
       "APIGW.0301", "Incorrect IAM authentication information: verify aksk signature fail", "a1b2"},
      {"camel case", 400, R"({"errorCode":"E.1","errorMsg":"camel"})", "E.1", "camel", ""},
      {"code and message", 403, R"({"code":"IAM.0001","message":"forbidden"})", "IAM.0001", "forbidden", ""},
      {"Keystone nested", 401, R"({"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}})",
       "401", "The request you have made requires authentication.", ""},
      {"JSON without code", 500, R"({"unexpected":true})", "500", R"({"unexpected":true})", ""},
  };
  for (const Row& row : rows) {
    BOOST_TEST_CONTEXT(row.name) {
      auto result = decode(row.status, row.body);
      BOOST_REQUIRE(!result.ok());
      const auto& error = result.error();
      BOOST_TEST(static_cast<int>(error.category) == static_cast<int>(detail::ErrorCategory::api));
      BOOST_TEST(error.api.http_status == row.status);
      BOOST_TEST(error.api.error_code == row.code);
      BOOST_TEST(error.api.error_msg == row.message);
      BOOST_TEST(error.api.request_id == row.request_id);
      BOOST_TEST(error.api.raw_body == row.body);
      BOOST_TEST(error.api.method == "DELETE");
    }
  }
}

BOOST_AUTO_TEST_CASE(is_success_false_with_http_200_is_a_failure) {
  auto result = decode(200, R"({"is_success":false,"error_code":"ModelArts.0103","error_message":"name exists"})");
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(result.error().api.http_status == 200);
  BOOST_TEST(result.error().api.error_code == "ModelArts.0103");
  // the plain envelope (label jobs, IAM) ignores the field
  BOOST_TEST(decode(200, R"({"is_success":false})", {}, detail::Envelope::plain).ok());
  BOOST_TEST(decode(200, R"({"is_success":true,"job_id":1})").ok());
}

BOOST_AUTO_TEST_CASE(request_id_from_header_or_body) {
  auto from_header = decode(400, R"({"error_code":"X","error_msg":"m"})", {{"x-request-id", "hdr-42"}});
  BOOST_TEST(from_header.error().api.request_id == "hdr-42");
  auto body_wins = decode(400, R"({"error_code":"X","error_msg":"m","request_id":"body-7"})",
                          {{"X-Request-Id", "hdr-42"}});
  BOOST_TEST(body_wins.error().api.request_id == "body-7");
}

BOOST_AUTO_TEST_CASE(html_error_page_gives_status_and_one_line_excerpt) {
  const std::string page =
      "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1>"
      "</center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
  auto result = decode(502, page, {{"Content-Type", "text/html"}, {"X-Request-Id", "gw-1"}});
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(result.error().api.error_code == "502");
  BOOST_TEST(result.error().api.error_msg == "502 Bad Gateway 502 Bad Gateway nginx");
  BOOST_TEST(result.error().api.request_id == "gw-1");
  BOOST_TEST(result.error().message.find('\n') == std::string::npos);
  const std::string long_text(5000, 'x');
  BOOST_TEST(detail::body_excerpt(long_text).size() <= 203u);
}

BOOST_AUTO_TEST_CASE(non_json_success_body_is_invalid_reply) {
  auto result = decode(200, "<html>maintenance</html>");
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(static_cast<int>(result.error().category) == static_cast<int>(detail::ErrorCategory::transport));
  BOOST_TEST(static_cast<int>(result.error().transport_kind) == static_cast<int>(TransportErrorKind::invalid_reply));
  auto truncated = decode(200, R"({"jobs":[{"job_id":1)");
  BOOST_TEST(!truncated.ok());
  BOOST_TEST(decode(204, "").ok());
  BOOST_TEST(decode(200, "").value().json.is_null());
}

BOOST_AUTO_TEST_CASE(what_reads_like_the_design) {
  auto result = decode(400, R"({"error_code":"ModelArts.0105","error_msg":"This job can't be delete. job status: 9"})",
                       {{"X-Request-Id", "r-9"}});
  BOOST_REQUIRE(!result.ok());
  try {
    detail::throw_error(result.error());
    BOOST_FAIL("no throw");
  } catch (const ApiError& e) {
    BOOST_TEST(std::string(e.what()) ==
               "DELETE /v1/p/visualization-jobs/10 -> 400 ModelArts.0105: This job can't be delete. job status: 9 "
               "(request id r-9)");
    BOOST_TEST(e.http_status() == 400);
  }
}

BOOST_AUTO_TEST_SUITE_END()
