// SPDX-License-Identifier: Apache-2.0
// The v1 list calls send the Python SDK's sort defaults when the caller leaves sort_by / order empty, send
// explicit values as given, and refuse values beyond the service's limits before sending.
#include <boost/test/unit_test.hpp>

#include <functional>

#include <modelarts/modelarts.hpp>

#include "support/api_test_session.hpp"

using namespace modelarts;
using namespace modelarts::test;

namespace {

struct Listing {
  const char* name;
  const char* path;
  const char* reply;
  std::function<void(const Session&, const ListOptions&)> call;
  const char* default_sort_by;  ///< "" : none sent
  const char* default_order;
};

std::vector<Listing> listings() {
  const char* jobs = R"({"is_success":true,"job_total_count":0,"jobs":[]})";
  const char* configs = R"({"is_success":true,"config_total_count":0,"configs":[]})";
  return {
      {"Estimator::get_job_list", "training-jobs", jobs,
       [](const Session& s, const ListOptions& o) { Estimator::get_job_list(s, o); }, "job_name", "desc"},
      {"TrainingJob::list", "training-jobs", jobs,
       [](const Session& s, const ListOptions& o) { for (const auto& j : TrainingJob::list(s, o)) (void)j; },
       "job_name", "desc"},
      {"Estimator::get_job_configs_list", "training-job-configs", configs,
       [](const Session& s, const ListOptions& o) { Estimator::get_job_configs_list(s, o); }, "", "asc"},
      {"TrainingJobConfig::list", "training-job-configs", configs,
       [](const Session& s, const ListOptions& o) { for (const auto& c : TrainingJobConfig::list(s, o)) (void)c; },
       "", "asc"},
      {"VisualizationJob::get_visualization_job_list", "visualization-jobs", jobs,
       [](const Session& s, const ListOptions& o) { VisualizationJob::get_visualization_job_list(s, o); },
       "job_name", "asc"},
      {"VisualizationJob::list", "visualization-jobs", jobs,
       [](const Session& s, const ListOptions& o) { for (const auto& v : VisualizationJob::list(s, o)) (void)v; },
       "job_name", "asc"},
  };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(api_list_defaults)

BOOST_AUTO_TEST_CASE(unset_sort_and_order_send_the_python_defaults) {
  for (const Listing& listing : listings()) {
    BOOST_TEST_CONTEXT(listing.name) {
      ApiTestSession t;
      t.transport->reply(200, listing.reply);
      listing.call(t.session, ListOptions{});
      const HttpRequest r = t.only_request();
      BOOST_TEST(path_of(r) == v1(listing.path));
      auto q = query_of(r);
      if (*listing.default_sort_by == '\0') {
        BOOST_TEST(q.count("sortBy") == 0u);
      } else {
        BOOST_TEST(q["sortBy"] == listing.default_sort_by);
      }
      BOOST_TEST(q["order"] == listing.default_order);
      BOOST_TEST(q.count("sort_by") == 0u);
    }
  }
}

BOOST_AUTO_TEST_CASE(explicit_sort_and_order_are_sent_as_given) {
  for (const Listing& listing : listings()) {
    BOOST_TEST_CONTEXT(listing.name) {
      ApiTestSession t;
      t.transport->reply(200, listing.reply);
      listing.call(t.session, ListOptions{}.sort_by("create_time").order(listing.default_order == std::string("asc") ? "desc" : "asc"));
      auto q = query_of(t.only_request());
      BOOST_TEST(q["sortBy"] == "create_time");
      BOOST_TEST(q["order"] == (listing.default_order == std::string("asc") ? "desc" : "asc"));
    }
  }
}

BOOST_AUTO_TEST_CASE(the_service_limits_are_enforced_before_sending) {
  // search_content: 64 (REST) rather than the Python doc's 100; per_page: 1000 (REST) for visualization jobs
  // too, where the Python doc says 100.
  for (const Listing& listing : listings()) {
    BOOST_TEST_CONTEXT(listing.name) {
      ApiTestSession t;
      BOOST_CHECK_THROW(listing.call(t.session, ListOptions{}.search_content(std::string(65, 'x'))),
                        InvalidArgumentError);
      BOOST_CHECK_THROW(listing.call(t.session, ListOptions{}.per_page(1001)), InvalidArgumentError);
      BOOST_TEST(t.transport->request_count() == 0u);
      t.transport->reply(200, listing.reply);
      listing.call(t.session, ListOptions{}.search_content(std::string(64, 'x')).per_page(1000));
      auto q = query_of(t.only_request());
      BOOST_TEST(q["search_content"] == std::string(64, 'x'));
      BOOST_TEST(q["per_page"] == "1000");
    }
  }
}

BOOST_AUTO_TEST_CASE(config_names_take_the_service_limit_of_64) {
  // The Python doc says 1-20 characters, the REST doc 1-64: the service's 64 is taken.
  ApiTestSession t;
  t.transport->reply(200, R"({"is_success":true})");
  Estimator estimator(t.session, EstimatorOptions{}.spec_id(1).engine_id(1).output_path("/b/o/").code_dir("/b/c/").boot_file("/b/c/t.py"));
  estimator.create_job_configs(Inputs::obs("/b/d/"), std::string(64, 'c'));
  BOOST_TEST(body_of(t.only_request()).at("config_name").as_string() == std::string(64, 'c'));
  BOOST_CHECK_THROW(estimator.create_job_configs(Inputs::obs("/b/d/"), std::string(65, 'c')), InvalidArgumentError);
  BOOST_TEST(t.transport->request_count() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
