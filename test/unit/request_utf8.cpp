// SPDX-License-Identifier: Apache-2.0
// Invalid UTF-8 in any string the SDK puts into a JSON body is an InvalidArgumentError naming the field,
// before anything is sent: checked once, where every request leaves (the pipeline).
#include <boost/test/unit_test.hpp>

#include <string>

#include <modelarts/error.hpp>
#include <modelarts/visualization_job.hpp>

#include "detail/utf8.hpp"
#include "support/api_test_session.hpp"

using namespace modelarts;
using namespace modelarts::test;

BOOST_AUTO_TEST_SUITE(request_utf8)

BOOST_AUTO_TEST_CASE(finds_the_key_path_of_the_bad_string) {
  using detail::invalid_utf8_field;
  BOOST_TEST(!invalid_utf8_field(R"({"job_desc":"caf\u00e9 ok","n":[1,"\u20ac"]})").has_value());
  BOOST_TEST(!invalid_utf8_field("{\"job_desc\":\"caf\xC3\xA9\"}").has_value());
  BOOST_TEST(invalid_utf8_field("{\"job_name\":\"ok\",\"job_desc\":\"bad\xff\xfe\"}").value() == "job_desc");
  BOOST_TEST(invalid_utf8_field("{\"config\":{\"parameter\":[{\"label\":\"a\",\"value\":\"\xC0\xAF\"}]}}").value() ==
             "config.parameter[0].value");
  BOOST_TEST(invalid_utf8_field("{\"bad\xff\":1}").value() == "(a key)");
  BOOST_TEST(invalid_utf8_field("{\"s\":\"\xED\xA0\x80\"}").value() == "s");  // a surrogate is not UTF-8
  BOOST_TEST(invalid_utf8_field("not json \xff").value() == "request body");
  BOOST_TEST(!invalid_utf8_field("").has_value());
}

BOOST_AUTO_TEST_CASE(a_job_description_with_invalid_utf8_is_refused_before_sending) {
  ApiTestSession api;
  try {
    VisualizationJob(api.session).create_visualization_job("/bucket/out/", "name", "bad\xff\xfe");
    BOOST_ERROR("accepted");
  } catch (const InvalidArgumentError& e) {
    const std::string message = e.what();
    BOOST_TEST(message.find("job_desc") != std::string::npos, message);
    BOOST_TEST(message.find("UTF-8") != std::string::npos, message);
    BOOST_TEST(message.find('\xff') == std::string::npos);
  }
  BOOST_TEST(api.transport->request_count() == 0u);
}

BOOST_AUTO_TEST_CASE(an_invalid_password_is_refused_without_being_shown_or_sent) {
  auto transport = std::make_shared<FakeTransport>();
  Session session(SessionOptions{}
                      .account("acct")
                      .username("user")
                      .password("PWsecret-\xff-do-not-show")
                      .region_name("cn-north-4")
                      .transport(transport)
                      .clock(std::make_shared<FakeClock>()));
  try {
    session.project_id();
    BOOST_ERROR("accepted");
  } catch (const InvalidArgumentError& e) {
    const std::string message = e.what();
    BOOST_TEST(message.find("auth.identity.password.user.password") != std::string::npos, message);
    BOOST_TEST(message.find("PWsecret") == std::string::npos, message);
  }
  BOOST_TEST(transport->request_count() == 0u);
}

BOOST_AUTO_TEST_CASE(raw_requests_are_checked_too) {
  ApiTestSession api;
  BOOST_CHECK_THROW(api.session.request("POST", "/v1/p/x", {}, "{\"k\":\"\xfe\"}"), InvalidArgumentError);
  BOOST_TEST(api.transport->request_count() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
