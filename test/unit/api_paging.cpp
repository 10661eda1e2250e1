// SPDX-License-Identifier: Apache-2.0
// Pager laziness: page N+1 is requested only when iteration reaches it; iteration stops at the total count
// or at an empty page.
#include <boost/test/unit_test.hpp>

#include <boost/json/serialize.hpp>

#include <modelarts/modelarts.hpp>

#include "support/api_test_session.hpp"

using namespace modelarts;
using namespace modelarts::test;
namespace json = boost::json;

namespace {

/// Serves `total` training jobs (or visualization/label rows) page by page from the query it is asked.
std::function<TransportResult(const HttpRequest&)> job_pages(int total, bool report_total, const char* rows_key,
                                                             const char* id_key, const char* page_key,
                                                             const char* size_key) {
  return [=](const HttpRequest& r) -> TransportResult {
    auto q = query_of(r);
    int page = std::stoi(q[page_key]);
    int size = std::stoi(q[size_key]);
    json::array rows;
    for (int i = (page - 1) * size; i < std::min(total, page * size); ++i) {
      rows.push_back(json::object{{id_key, i + 1}, {"version_id", 1}, {"job_name", "j" + std::to_string(i + 1)}});
    }
    json::object body{{"is_success", true}, {rows_key, rows}};
    if (report_total) body["job_total_count"] = total;
    return HttpResponse{200, {{"Content-Type", "application/json"}}, json::serialize(body)};
  };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(api_paging)

BOOST_AUTO_TEST_CASE(training_jobs_are_fetched_one_page_at_a_time) {
  ApiTestSession t;
  t.transport->set_fallback(job_pages(25, true, "jobs", "job_id", "page", "per_page"));
  Pager<TrainingJob> pager = TrainingJob::list(t.session, ListOptions{}.per_page(10));
  BOOST_TEST(t.transport->request_count() == 0u);  // nothing until iteration starts
  std::vector<std::string> ids;
  std::vector<std::size_t> requests_seen;
  for (const TrainingJob& job : pager) {
    ids.push_back(job.job_id());
    requests_seen.push_back(t.transport->request_count());
  }
  BOOST_REQUIRE(ids.size() == 25u);
  BOOST_TEST(ids.front() == "1");
  BOOST_TEST(ids.back() == "25");
  BOOST_TEST(requests_seen[0] == 1u);
  BOOST_TEST(requests_seen[9] == 1u);   // the whole first page from one request
  BOOST_TEST(requests_seen[10] == 2u);  // the second page only when item 11 is reached
  BOOST_TEST(requests_seen[24] == 3u);
  BOOST_TEST(t.transport->request_count() == 3u);  // the total was reached: no fourth request
  BOOST_TEST(pager.pages_fetched() == 3u);
  BOOST_TEST(query_of(t.request(2))["page"] == "3");
  BOOST_TEST(query_of(t.request(2))["per_page"] == "10");
}

BOOST_AUTO_TEST_CASE(stopping_early_fetches_no_further_page) {
  ApiTestSession t;
  t.transport->set_fallback(job_pages(1000, true, "jobs", "job_id", "page", "per_page"));
  int seen = 0;
  for (const TrainingJob& job : TrainingJob::list(t.session, ListOptions{}.per_page(100))) {
    (void)job;
    if (++seen == 150) break;
  }
  BOOST_TEST(t.transport->request_count() == 2u);
}

BOOST_AUTO_TEST_CASE(without_a_total_an_empty_page_ends_iteration) {
  ApiTestSession t;
  t.transport->set_fallback(job_pages(7, false, "jobs", "job_id", "page", "per_page"));
  std::size_t count = 0;
  for (const TrainingJob& job : TrainingJob::list(t.session, ListOptions{}.per_page(5))) {
    (void)job;
    ++count;
  }
  BOOST_TEST(count == 7u);
  BOOST_TEST(t.transport->request_count() == 3u);  // 5, 2, then the empty page
}

BOOST_AUTO_TEST_CASE(an_empty_list_yields_nothing) {
  ApiTestSession t;
  t.transport->set_fallback(job_pages(0, true, "jobs", "job_id", "page", "per_page"));
  Pager<VisualizationJob> pager = VisualizationJob::list(t.session);
  BOOST_TEST((pager.begin() == pager.end()));
  BOOST_TEST(t.transport->request_count() == 1u);
}

BOOST_AUTO_TEST_CASE(visualization_jobs_and_configs_page_with_page_numbers) {
  ApiTestSession t;
  t.transport->set_fallback(job_pages(12, true, "jobs", "job_id", "page", "per_page"));
  std::size_t count = 0;
  for (const VisualizationJob& job : VisualizationJob::list(t.session, ListOptions{}.per_page(5).page(2))) {
    BOOST_TEST(job.has_info());
    ++count;
  }
  BOOST_TEST(count == 7u);  // pages 2 and 3 of 5: rows 6..12 (the total counts from page 1 on, so the
                            // pager stops at the empty page 4)
  BOOST_TEST(query_of(t.request(0))["page"] == "2");
}

BOOST_AUTO_TEST_CASE(label_jobs_page_with_offset_as_page_number) {
  ApiTestSession t;
  t.transport->set_fallback(job_pages(23, true, "jobs", "id", "offset", "limit"));
  std::vector<std::string> ids;
  for (const LabelJob& job : LabelJob::list(t.session, LabelJobQuery{}.limit(10))) ids.push_back(job.job_id());
  BOOST_REQUIRE(ids.size() == 23u);
  BOOST_TEST(ids[22] == "23");
  BOOST_TEST(t.transport->request_count() == 3u);
  BOOST_TEST(query_of(t.request(0))["offset"] == "1");
  BOOST_TEST(query_of(t.request(2))["offset"] == "3");
  BOOST_TEST(query_of(t.request(2))["limit"] == "10");
}

BOOST_AUTO_TEST_CASE(a_failing_page_throws_from_the_iteration_step) {
  ApiTestSession t;
  t.transport->reply(200, R"({"is_success":true,"job_total_count":4,"jobs":[{"job_id":1},{"job_id":2}]})");
  t.transport->reply(400, R"({"is_success":false,"error_code":"ModelArts.0104","error_message":"bad page"})");
  Pager<TrainingJob> pager = TrainingJob::list(t.session, ListOptions{}.per_page(2));
  auto it = pager.begin();
  ++it;
  BOOST_CHECK_THROW(++it, ApiError);
}

BOOST_AUTO_TEST_SUITE_END()
