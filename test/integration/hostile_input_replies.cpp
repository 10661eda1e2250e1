// SPDX-License-Identifier: Apache-2.0
// Hostile replies, table-driven: malformed, truncated, wrongly typed and gigantic bodies, wrong content types,
// HTML error pages (through a fake transport, so every byte is chosen), and broken HTTP from a loopback server
// (endless headers, bodies over body_limit, cut-off replies, garbage status lines) through the real transport.
// Each ends in a modelarts::Error with a one-line what(), or in a lenient decode; never a crash or a hang.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <modelarts/modelarts.hpp>

#include "support/api_test_session.hpp"
#include "support/reliability_support.hpp"

using namespace modelarts;
using namespace modelarts::test;
using namespace std::chrono_literals;

namespace {

enum class Expect {
  error,        ///< must throw a modelarts::Error
  any,          ///< a lenient decode may succeed; anything thrown must be a modelarts::Error
};

struct HostileReply {
  const char* label;
  int status;
  std::string body;
  std::string content_type;
  Expect expect;
};

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::vector<HostileReply> hostile_replies() {
  const std::string ok = R"({"is_success":true,"job_id":10,"job_name":"v","status":8,"create_time":1})";
  return {
      {"empty body", 200, "", "application/json", Expect::error},
      {"malformed JSON", 200, "{", "application/json", Expect::error},
      {"truncated JSON", 200, ok.substr(0, ok.size() / 2), "application/json", Expect::error},
      {"trailing garbage", 200, ok + "garbage", "application/json", Expect::error},
      {"JSON array", 200, "[]", "application/json", Expect::error},
      {"JSON string", 200, "\"hello\"", "application/json", Expect::error},
      {"JSON null", 200, "null", "application/json", Expect::error},
      {"JSON number", 200, "42", "application/json", Expect::error},
      {"deeply nested", 200, nested(100000), "application/json", Expect::error},
      {"deeply nested field", 200, R"({"is_success":true,"job_id":)" + nested(5000) + "}", "application/json", Expect::any},
      {"NUL bytes", 200, std::string("{\"is_success\":true,\0\"job_id\":1}", 31), "application/json", Expect::error},
      {"invalid UTF-8 string", 200, "{\"is_success\":true,\"job_id\":10,\"job_name\":\"\xff\xfe\"}", "application/json", Expect::any},
      {"job_id as array", 200, R"({"is_success":true,"job_id":[1,2]})", "application/json", Expect::any},
      {"job_id as object", 200, R"({"is_success":true,"job_id":{"a":1}})", "application/json", Expect::any},
      {"status as text", 200, R"({"is_success":true,"job_id":10,"status":"running"})", "application/json", Expect::any},
      {"status huge", 200, R"({"is_success":true,"job_id":10,"status":1e400})", "application/json", Expect::any},
      {"status out of int range", 200, R"({"is_success":true,"job_id":10,"status":99999999999999999999})", "application/json", Expect::any},
      {"create_time negative float", 200, R"({"is_success":true,"job_id":10,"create_time":-1.5e300})", "application/json", Expect::any},
      {"schedule wrong type", 200, R"({"is_success":true,"job_id":10,"schedule":"daily"})", "application/json", Expect::any},
      {"is_success as text", 200, R"({"is_success":"false","job_id":10})", "application/json", Expect::any},
      {"is_success false without code", 200, R"({"is_success":false})", "application/json", Expect::error},
      {"is_success false with wrong types", 200, R"({"is_success":false,"error_code":5,"error_message":[1]})", "application/json", Expect::error},
      {"duplicate keys", 200, R"({"is_success":true,"job_id":1,"job_id":"2"})", "application/json", Expect::any},
      {"HTML 200", 200, "<html><body>Welcome to nginx!</body></html>", "text/html", Expect::error},
      {"HTML 502 page", 502, "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<h1>502</h1>\n</body>\n</html>\n", "text/html", Expect::error},
      {"HTML 404 page", 404, "<!DOCTYPE html><html><body>Not Found</body></html>", "text/html", Expect::error},
      {"plain text 500", 500, "Internal Server Error\r\nsecond line", "text/plain", Expect::error},
      {"JSON as text/plain", 200, ok, "text/plain", Expect::any},
      {"XML error", 403, "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code></Error>", "application/xml", Expect::error},
      {"binary 200", 200, std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "image/png", Expect::error},
      {"no content type", 200, ok, "", Expect::any},
      {"status 204", 204, "", "", Expect::error},
      {"status 999", 999, ok, "application/json", Expect::error},
      {"status 0", 0, ok, "application/json", Expect::error},
      {"status 302", 302, "", "text/html", Expect::error},
      {"4 MB string field", 200, R"({"is_success":true,"job_id":10,"job_desc":")" + std::string(4 << 20, 'x') + "\"}", "application/json", Expect::any},
      {"100k-element array", 200, R"({"is_success":true,"job_id":10,"schedule":[)" + [] {
         std::string items;
         for (int i = 0; i < 100000; ++i) items += (i ? ",1" : "1");
         return items;
       }() + "]}", "application/json", Expect::any},
  };
}

struct DecodingCall {
  const char* name;
  std::function<void(const Session&)> call;
  bool decodes_body = true;  ///< false: a 2xx with any body may count as done
  bool v1_envelope = true;   ///< false: label replies carry no is_success, only the HTTP status counts
};

/// Calls that decode a reply, each a different decoder.
std::vector<DecodingCall> decoding_calls() {
  return {
      {"visualization info", [](const Session& s) { VisualizationJob(s, "10").get_visualization_job_info(); }},
      {"visualization list", [](const Session& s) { VisualizationJob::get_visualization_job_list(s); }},
      {"training version info", [](const Session& s) { TrainingJob(s, "10", "2").get_job_info(); }},
      {"training list", [](const Session& s) { Estimator::get_job_list(s); }},
      {"training pager", [](const Session& s) { for (const TrainingJob& j : TrainingJob::list(s)) (void)j; }},
      {"label list", [](const Session& s) { LabelApi(s).query_label_jobs(kProject); }, true, false},
      {"label validation", [](const Session& s) { LabelApi(s).query_validation(kProject, "u1"); }, true, false},
      {"job log", [](const Session& s) { TrainingJob(s, "10", "2").get_job_log("x.log"); }},
      {"delete", [](const Session& s) { VisualizationJob(s, "10").delete_visualization_job(); }, false},
      {"spec look-up", [](const Session& s) { Estimator::get_train_instance_types(s); }},
  };
}

bool is_one_line(const std::string& text) { return text.find_first_of("\r\n") == std::string::npos; }

SessionOptions loopback_session(std::uint16_t port, TransportOptions transport) {
  return SessionOptions{}
      .access_key("HOSTILETESTAK0000001")
      .secret_key("hostile-test-secret-key")
      .project_id(kProject)
      .region_name("cn-north-4")
      .modelarts_endpoint("http://127.0.0.1:" + std::to_string(port))
      .transport_options(std::move(transport))
      .retry(RetryOptions{}.max_attempts(1));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_input_replies)

BOOST_AUTO_TEST_CASE(hostile_bodies_give_a_clear_error_or_a_lenient_decode) {
  int cases = 0;
  int errors = 0;
  for (const HostileReply& reply : hostile_replies()) {
    for (const DecodingCall& call : decoding_calls()) {
      ++cases;
      const bool success_status = reply.status >= 200 && reply.status < 300;
      const bool says_failure_in_body = std::string_view(reply.label).rfind("is_success false", 0) == 0;
      const bool must_fail = reply.expect == Expect::error && (call.decodes_body || !success_status) &&
                             (call.v1_envelope || !says_failure_in_body);
      BOOST_TEST_CONTEXT(call.name << " given " << reply.label) {
        ApiTestSession t;
        t.transport->set_fallback([&reply](const HttpRequest&) -> TransportResult {
          HttpHeaders headers;
          if (!reply.content_type.empty()) headers.emplace_back("Content-Type", reply.content_type);
          return HttpResponse{reply.status, headers, reply.body};
        });
        try {
          call.call(t.session);
          BOOST_TEST(!must_fail, "accepted a reply that cannot be a success");
        } catch (const Error& e) {
          ++errors;
          const std::string what = e.what();
          BOOST_TEST(is_one_line(what), what.substr(0, 300));
          BOOST_TEST(what.size() < 2048u, "what() of " << what.size() << " bytes");
          BOOST_TEST(!what.empty());
        } catch (const std::exception& e) {
          BOOST_FAIL("not a modelarts::Error: " << e.what());
        }
        // Server errors are retried by the SDK (4 attempts by default, on virtual time); nothing else is.
        BOOST_TEST(t.transport->request_count() <= 4u);
      }
    }
  }
  BOOST_TEST_MESSAGE("hostile replies: " << cases << " cases, " << errors << " errors");
}

BOOST_AUTO_TEST_CASE(html_error_page_keeps_status_and_a_readable_message) {
  ApiTestSession t;
  t.transport->set_fallback([](const HttpRequest&) -> TransportResult {
    return HttpResponse{502, {{"Content-Type", "text/html"}}, "<html>\n<body>\n<h1>502 Bad Gateway</h1>\n</body>\n</html>"};
  });
  try {
    VisualizationJob(t.session, "10").get_visualization_job_info();
    BOOST_FAIL("expected ApiError");
  } catch (const ApiError& e) {
    BOOST_TEST(e.http_status() == 502);
    BOOST_TEST(e.error_code() == "502");
    BOOST_TEST(std::string(e.what()).find("502") != std::string::npos, e.what());
    BOOST_TEST(is_one_line(e.what()), e.what());
  }
}

struct BrokenServerCase {
  const char* label;
  LoopbackServer::RawHandler handler;
  TransportErrorKind kind;
};

BOOST_AUTO_TEST_CASE(broken_http_from_a_server_fails_fast_with_a_transport_error) {
  const auto after_request = [](std::function<void(ServerConnection&)> misbehave) -> LoopbackServer::RawHandler {
    return [misbehave](ServerConnection& c) {
      if (c.read_request()) misbehave(c);
    };
  };
  std::vector<BrokenServerCase> cases = {
      {"endless headers", after_request([](ServerConnection& c) {
         if (!c.write_raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n")) return;
         const std::string header = "X-Endless: " + std::string(1000, 'h') + "\r\n";
         for (int i = 0; i < 100000; ++i) {
           if (!c.write_raw(header)) return;
         }
       }),
       TransportErrorKind::protocol},
      {"one endless header line", after_request([](ServerConnection& c) {
         if (!c.write_raw("HTTP/1.1 200 OK\r\nX-Long: ")) return;
         const std::string chunk(64 * 1024, 'a');
         for (int i = 0; i < 1000; ++i) {
           if (!c.write_raw(chunk)) return;
         }
       }),
       TransportErrorKind::protocol},
      {"body over body_limit", after_request([](ServerConnection& c) {
         c.write(make_server_response(200, "{\"x\":\"" + std::string(4 << 20, 'b') + "\"}"));
       }),
       TransportErrorKind::protocol},
      {"chunked body over body_limit", after_request([](ServerConnection& c) {
         if (!c.write_raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")) return;
         const std::string chunk = "10000\r\n" + std::string(0x10000, 'c') + "\r\n";
         for (int i = 0; i < 200; ++i) {
           if (!c.write_raw(chunk)) return;
         }
       }),
       TransportErrorKind::protocol},
      {"garbage status line", after_request([](ServerConnection& c) { c.write_raw("HELLO THERE\r\n\r\n"); }),
       TransportErrorKind::protocol},
      {"binary garbage", after_request([](ServerConnection& c) { c.write_raw(std::string("\x16\x03\x01\x00\xff\x00\x00", 7)); }),
       TransportErrorKind::protocol},
      {"bad chunk size", after_request([](ServerConnection& c) {
         c.write_raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzzzz\r\nabc\r\n0\r\n\r\n");
       }),
       TransportErrorKind::protocol},
      {"negative content length", after_request([](ServerConnection& c) {
         c.write_raw("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\nabc");
       }),
       TransportErrorKind::protocol},
      {"body cut short", after_request([](ServerConnection& c) {
         c.write_raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"is_succ");
       }),
       TransportErrorKind::io},
      {"headers cut short", after_request([](ServerConnection& c) { c.write_raw("HTTP/1.1 200 OK\r\nContent-Ty"); }),
       TransportErrorKind::io},
      {"closed without a reply", after_request([](ServerConnection&) {}), TransportErrorKind::io},
  };
  for (BrokenServerCase& broken : cases) {
    BOOST_TEST_CONTEXT(broken.label) {
      LoopbackServer server(broken.handler);
      TransportOptions transport;
      transport.header_limit = 16 * 1024;
      transport.body_limit = 1024 * 1024;
      transport.read_timeout = 3s;
      transport.total_timeout = 5s;
      Session session(loopback_session(server.port(), transport));
      const auto started = std::chrono::steady_clock::now();
      try {
        VisualizationJob(session, "10").get_visualization_job_info();
        BOOST_FAIL("expected a TransportError");
      } catch (const TransportError& e) {
        // io and protocol both say "the reply was broken"; which one depends on where the bytes stop.
        const auto kind = e.transport_kind();
        BOOST_TEST((kind == broken.kind || kind == TransportErrorKind::io || kind == TransportErrorKind::protocol),
                   to_string(kind) << ": " << e.what());
        BOOST_TEST(is_one_line(e.what()), e.what());
      } catch (const std::exception& e) {
        BOOST_FAIL("unexpected exception: " << e.what());
      }
      const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
      BOOST_TEST(ms.count() < 2500, "took " << ms.count() << " ms: a limit should stop it, not a timeout");
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
