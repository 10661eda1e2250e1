// SPDX-License-Identifier: Apache-2.0
// LabelApi and LabelJob against a fake transport: legacy call shapes, plain envelope (no is_success), paging
// by offset = page number (legacy ModelArts SDK Reference, "Data Labeling Jobs").
#include <boost/test/unit_test.hpp>

#include <modelarts/modelarts.hpp>

#include "support/api_test_session.hpp"

using namespace modelarts;
using namespace modelarts::test;
namespace json = boost::json;

namespace {
const char* kUuid = "062ef90a-da4d-4af4-82ba-1523da57e78e";
}

BOOST_AUTO_TEST_SUITE(api_label)

BOOST_AUTO_TEST_CASE(mod_label_job_puts_name_and_description) {
  ApiTestSession t;
  t.transport->reply(200, std::string(R"({"job_id":")") + kUuid + "\"}");
  LabelApi labels(t.session);
  std::string echoed = labels.mod_label_job(kProject, kUuid, {"label_name", "label_description"});
  HttpRequest r = t.only_request();
  BOOST_TEST(r.method == "PUT");
  BOOST_TEST(path_of(r) == v1(std::string("annotation-jobs/") + kUuid));
  BOOST_TEST(body_of(r) == json::parse(R"({"name":"label_name","description":"label_description"})"));
  BOOST_TEST(echoed == kUuid);
}

BOOST_AUTO_TEST_CASE(create_query_delete_and_validation) {
  ApiTestSession t;
  t.transport->reply(200, std::string(R"({"job_id":")") + kUuid + R"(","dls_prj_id":"42"})");
  t.transport->reply(200, R"({"job_total_count":1,"manual_annotation_count_limit":50,"jobs":[{"id":"u1","name":"n",
      "description":"d","data_type":"OBS","path":"/b/p/","type":"Manual Image classify","create_time":"2019-08-01 10:00:00",
      "dls_prj_id":"7","progress":"50%","progress_detail":{"total_count":10,"has_tag_count":"5","not_tag_count":5}}]})");
  t.transport->reply(200, R"({"job_id":"u1"})");
  t.transport->reply(200, R"({"image_count":1,"images":[{"image_id":"i1","url":"https://x/i1.jpg","tags":["cat"]}],
                               "last_pass_rate":"85.5","last_validation_time":"2019-08-01"})");
  t.transport->reply(200, R"({"job_id":"u1"})");
  LabelApi labels(t.session);

  CreatedLabelJob created = labels.create_label_job(kProject, CreateLabelRequest{"n", "d", "OBS", "/b/p/", "", "Manual Image classify"});
  BOOST_TEST(t.request(0).method == "POST");
  BOOST_TEST(path_of(t.request(0)) == v1("annotation-jobs"));
  BOOST_TEST(body_of(t.request(0)) == json::parse(R"({"name":"n","description":"d","data_type":"OBS","path":"/b/p/",
                                                       "type":"Manual Image classify"})"));
  BOOST_TEST(created.job_id == kUuid);
  BOOST_TEST(created.dls_prj_id == 42);

  LabelJobList list = labels.query_label_jobs(kProject, LabelJobQuery{}.offset(2).limit(5).sort_by("create_time").order("desc").search_content("n"));
  auto q = query_of(t.request(1));
  BOOST_TEST(q["offset"] == "2");
  BOOST_TEST(q["limit"] == "5");
  BOOST_TEST(q["sort_by"] == "create_time");  // snake_case for label jobs
  BOOST_TEST(q["order"] == "desc");
  BOOST_TEST(q["search_content"] == "n");
  BOOST_TEST(list.count_limit == 50);
  BOOST_REQUIRE(list.items.size() == 1u);
  BOOST_TEST(list.items[0].id == "u1");
  BOOST_TEST(list.items[0].dls_prj_id == 7);
  BOOST_TEST(list.items[0].progress_detail.has_tag_count == 5);

  BOOST_TEST(labels.delete_label_job(kProject, "u1") == "u1");
  BOOST_TEST(t.request(2).method == "DELETE");
  BOOST_TEST(path_of(t.request(2)) == v1("annotation-jobs/u1"));

  ValidationInfo validation = labels.query_validation(kProject, "u1");
  BOOST_TEST(path_of(t.request(3)) == v1("annotation-jobs/u1/validation"));
  BOOST_TEST(validation.image_count == 1);
  BOOST_TEST(validation.last_pass_rate == 85.5);
  BOOST_REQUIRE(validation.images.size() == 1u);
  BOOST_TEST(validation.images[0].tags == std::vector<std::string>{"cat"});

  labels.save_validation(kProject, "u1", SaveValidationRequest{87.456});
  BOOST_TEST(t.request(4).method == "POST");
  BOOST_TEST(path_of(t.request(4)) == v1("annotation-jobs/u1/validation"));
  BOOST_TEST(body_of(t.request(4)).at("pass_rate").as_double() == 87.46);
}

BOOST_AUTO_TEST_CASE(error_bodies_use_error_msg_even_on_http_200) {
  ApiTestSession t;
  t.transport->reply(400, R"({"error_code":"ModelArts.4101","error_msg":"duplicate prefix"})");
  t.transport->reply(200, R"({"error_code":"ModelArts.0102","error_msg":"no such job"})");
  LabelApi labels(t.session);
  try {
    labels.mod_label_job(kProject, "u1", {"n", ""});
    BOOST_FAIL("expected ApiError");
  } catch (const ApiError& e) {
    BOOST_TEST(e.error_code() == "ModelArts.4101");
    BOOST_TEST(e.error_msg() == "duplicate prefix");
  }
  try {
    labels.mod_label_job(kProject, "u1", {"n", ""});
    BOOST_FAIL("expected ApiError");
  } catch (const ApiError& e) {
    BOOST_TEST(e.error_code() == "ModelArts.0102");
    BOOST_TEST(e.error_msg() == "no such job");
    BOOST_TEST(e.http_status() == 200);
  }
}

BOOST_AUTO_TEST_CASE(a_reply_without_job_id_is_invalid) {
  ApiTestSession t;
  t.transport->reply(200, R"({"something":"else"})");
  BOOST_CHECK_THROW(LabelApi(t.session).delete_label_job(kProject, "u1"), TransportError);
}

BOOST_AUTO_TEST_CASE(arguments_are_checked_before_sending) {
  ApiTestSession t;
  LabelApi labels(t.session);
  BOOST_CHECK_THROW(labels.create_label_job(kProject, CreateLabelRequest{"", "", "OBS", "/p/", "", "Manual Image classify"}),
                    InvalidArgumentError);
  BOOST_CHECK_THROW(labels.create_label_job(kProject, CreateLabelRequest{"n", "", "S3", "/p/", "", "Manual Image classify"}),
                    InvalidArgumentError);
  BOOST_CHECK_THROW(labels.create_label_job(kProject, CreateLabelRequest{"n", "", "OBS", "", "", "Manual Image classify"}),
                    InvalidArgumentError);
  BOOST_CHECK_THROW(labels.save_validation(kProject, "u1", SaveValidationRequest{100.5}), InvalidArgumentError);
  BOOST_CHECK_THROW(labels.query_label_jobs(kProject, LabelJobQuery{}.limit(0)), InvalidArgumentError);
  BOOST_CHECK_THROW(labels.mod_label_job("", "u1", {"n", ""}), InvalidArgumentError);
  BOOST_CHECK_THROW(labels.mod_label_job(kProject, "u1", {"", ""}), InvalidArgumentError);
  BOOST_TEST(t.transport->request_count() == 0u);
}

BOOST_AUTO_TEST_CASE(label_job_objects_from_id_create_and_list) {
  ApiTestSession t;
  t.transport->reply(200, R"({"job_id":"new-uuid","dls_prj_id":3})");
  t.transport->reply(200, R"({"job_total_count":1,"jobs":[{"id":"u9","name":"listed"}]})");
  t.transport->reply(200, R"({"job_id":"u9"})");
  t.transport->reply(200, R"({"job_id":"u9"})");
  LabelJob created = LabelJob::create(t.session, CreateLabelRequest{"made", "", "OBS", "/p/", "", "Manual Object detection"});
  BOOST_TEST(created.job_id() == "new-uuid");
  BOOST_TEST(created.info().name == "made");
  BOOST_TEST(created.info().dls_prj_id == 3);
  auto listed = LabelJob::get_label_job_object_list(t.session);
  BOOST_REQUIRE(listed.size() == 1u);
  BOOST_TEST(listed[0].info().name == "listed");
  listed[0].update_label_job({"renamed", "desc"});
  BOOST_TEST(path_of(t.request(2)) == v1("annotation-jobs/u9"));
  LabelJob from_id(t.session, "u9");
  BOOST_CHECK_THROW(from_id.info(), InvalidArgumentError);
  from_id.delete_label_job();
  BOOST_TEST(t.request(3).method == "DELETE");
  BOOST_TEST(path_of(t.request(3)) == v1("annotation-jobs/u9"));
}

BOOST_AUTO_TEST_SUITE_END()
