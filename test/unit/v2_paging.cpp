// SPDX-License-Identifier: Apache-2.0
// v2 TrainingJob::list over training-job-searches: page-index offsets, a service that reads offset as a
// record offset (docs/service-quirks.md, Q1), the short-page stop (docs/service-quirks.md, Q2), and no job yielded
// twice.
#include <boost/test/unit_test.hpp>

#include <boost/json.hpp>

#include <modelarts/modelarts.hpp>

#include "support/v2_replies.hpp"

using namespace modelarts;
using namespace modelarts::test;
namespace v2 = modelarts::v2;

namespace {

/// A service holding jobs id-0 .. id-{n-1}; `records` chooses how it reads offset.
void serve(FakeTransport& transport, int n, bool records, int* calls = nullptr) {
  transport.set_fallback([=](const HttpRequest& r) -> TransportResult {
    if (calls) ++*calls;
    auto body = boost::json::parse(r.body).as_object();
    const std::int64_t offset = body.at("offset").as_int64(), limit = body.at("limit").as_int64();
    const std::int64_t skip = records ? offset : offset * limit;
    std::string items;
    for (std::int64_t i = skip; i < std::min<std::int64_t>(n, skip + limit); ++i)
      items += (items.empty() ? "" : ",") + v2_job("Running", "", "id-" + std::to_string(i));
    return HttpResponse{200, {}, R"({"total":)" + std::to_string(n) + R"(,"count":)" + std::to_string(n) +
                                     R"(,"items":[)" + items + "]}"};
  });
}

std::vector<std::string> ids(Pager<v2::TrainingJob> pager) {
  std::vector<std::string> out;
  for (const v2::TrainingJob& job : pager) out.push_back(job.job_id());
  return out;
}

std::vector<std::string> expected(int n) {
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) out.push_back("id-" + std::to_string(i));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(v2_paging)

BOOST_AUTO_TEST_CASE(pages_by_page_index_and_stops_at_a_short_page) {
  ApiTestSession t;
  int calls = 0;
  serve(*t.transport, 7, false, &calls);
  BOOST_TEST(ids(v2::TrainingJob::list(t.session, v2::SearchOptions{}.limit(3))) == expected(7));
  BOOST_TEST(calls == 3);  // 3 + 3 + 1: the short page ends it
}

BOOST_AUTO_TEST_CASE(follows_a_service_that_reads_record_offsets) {
  ApiTestSession t;
  serve(*t.transport, 7, true);
  BOOST_TEST(ids(v2::TrainingJob::list(t.session, v2::SearchOptions{}.limit(3))) == expected(7));
}

BOOST_AUTO_TEST_CASE(an_exact_multiple_ends_with_an_empty_page) {
  ApiTestSession t;
  serve(*t.transport, 6, false);
  BOOST_TEST(ids(v2::TrainingJob::list(t.session, v2::SearchOptions{}.limit(3))) == expected(6));
  ApiTestSession none;
  serve(*none.transport, 0, false);
  BOOST_TEST(ids(v2::TrainingJob::list(none.session)).empty());
}

BOOST_AUTO_TEST_CASE(a_job_shifted_onto_the_next_page_is_not_yielded_twice) {
  ApiTestSession t;
  // Page 0 answers 0,1,2; then a new job arrives at the top (desc order) so page 1 repeats job 2.
  t.transport->reply(200, R"({"items":[)" + v2_job("Running", "", "id-0") + "," + v2_job("Running", "", "id-1") + "," +
                              v2_job("Running", "", "id-2") + "]}")
      .reply(200, R"({"items":[)" + v2_job("Running", "", "id-2") + "," + v2_job("Running", "", "id-3") + "]}");
  BOOST_TEST(ids(v2::TrainingJob::list(t.session, v2::SearchOptions{}.limit(3))) ==
             (std::vector<std::string>{"id-0", "id-1", "id-2", "id-3"}));
}

BOOST_AUTO_TEST_SUITE_END()
