// SPDX-License-Identifier: Apache-2.0
// Hostile IDs never change the request path: each ID is one percent-encoded segment, and empty, ".", ".."
// and IDs containing '/' are refused before anything is sent.
#include <boost/test/unit_test.hpp>

#include <modelarts/modelarts.hpp>

#include "support/api_test_session.hpp"

using namespace modelarts;
using namespace modelarts::test;

BOOST_AUTO_TEST_SUITE(api_hostile_ids)

BOOST_AUTO_TEST_CASE(odd_ids_stay_one_encoded_segment) {
  for (const std::string& id : std::vector<std::string>{"..x", "a\\b", "%2F", "a b", "x?y=1", "#frag", "\xC3\xBC",
                                                        std::string(10000, 'k')}) {
    ApiTestSession t;
    t.transport->set_fallback([](const HttpRequest&) -> TransportResult {
      return HttpResponse{200, {}, R"({"is_success":true,"job_id":"u"})"};
    });
    VisualizationJob(t.session, id).delete_visualization_job();
    TrainingJob(t.session, id, id).stop_job_version();
    LabelApi(t.session).delete_label_job(kProject, id);
    auto requests = t.transport->requests();
    BOOST_REQUIRE(requests.size() == 3u);
    BOOST_TEST(path_of(requests[0]) == v1("visualization-jobs/" + percent_encode(id)));
    BOOST_TEST(path_of(requests[1]) ==
               v1("training-jobs/" + percent_encode(id) + "/versions/" + percent_encode(id) + "/stop"));
    BOOST_TEST(path_of(requests[2]) == v1("annotation-jobs/" + percent_encode(id)));
    for (const HttpRequest& r : requests) BOOST_TEST(r.target.find('?') == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(empty_dot_dot_dot_and_slashes_are_refused_without_a_request) {
  // No ModelArts ID contains '/': "a/b" would be sent as a%2Fb, which the gateway reads as two segments
  // and signs it as two, so it is refused as clearly as "..".
  for (std::string id : {"", ".", "..", "a/b", "/", "../x", "x/"}) {
    ApiTestSession t;
    BOOST_CHECK_THROW(VisualizationJob(t.session, id).delete_visualization_job(), InvalidArgumentError);
    BOOST_CHECK_THROW(TrainingJob(t.session, id).delete_job(), InvalidArgumentError);
    BOOST_CHECK_THROW(TrainingJob(t.session, "1", id).get_job_info(), InvalidArgumentError);
    BOOST_CHECK_THROW(TrainingJobConfig(t.session, id).get_job_configs_info(), InvalidArgumentError);
    BOOST_CHECK_THROW(LabelApi(t.session).mod_label_job(kProject, id, {"n", ""}), InvalidArgumentError);
    BOOST_CHECK_THROW(LabelApi(t.session).query_validation(id, "u1"), InvalidArgumentError);
    BOOST_TEST(t.transport->request_count() == 0u);
  }
}

BOOST_AUTO_TEST_SUITE_END()
