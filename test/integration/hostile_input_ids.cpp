// SPDX-License-Identifier: Apache-2.0
// Hostile IDs and query values, table-driven, through the public API: each call either refuses with
// InvalidArgumentError before sending anything, or sends exactly the path the caller meant (the ID as one
// percent-encoded segment) and reports the service's answer as ApiError. Checked twice: on the wire with a
// recording fake transport, and end to end against the emulator, whose jobs must survive every attempt.
#include <boost/test/unit_test.hpp>

#include <functional>
#include <string>
#include <vector>

#include <modelarts/modelarts.hpp>
#include <modelarts/testing/emulator.hpp>

#include "support/api_test_session.hpp"

using namespace modelarts;
using namespace modelarts::test;

namespace {

struct HostileId {
  const char* label;
  std::string value;
};

std::vector<HostileId> hostile_ids() {
  return {
      {"empty", ""},
      {"dot", "."},
      {"dot-dot", ".."},
      {"parent path", "../x"},
      {"deep parent path", "../../../v3/auth/tokens"},
      {"parent then encoded slash", "..%2Fx"},
      {"slash", "a/b"},
      {"lone slash", "/"},
      {"encoded slash", "%2F"},
      {"encoded dot-dot", "%2e%2e"},
      {"double-encoded slash", "%252F"},
      {"question mark", "?"},
      {"query injection", "1?per_page=1000&x=y"},
      {"hash", "#"},
      {"fragment", "1#frag"},
      {"ampersand", "a&b=c"},
      {"space", " "},
      {"inner space", "a b"},
      {"plus", "a+b"},
      {"percent", "%"},
      {"bad escape", "%zz"},
      {"tab", "\t"},
      {"newline", "1\n"},
      {"CRLF header injection", "1 HTTP/1.1\r\nX-Evil: 1\r\n\r\n"},
      {"control bytes", std::string("\x01\x02\x1f\x7f", 4)},
      {"embedded NUL", std::string("a\0b", 3)},
      {"invalid UTF-8", "\xff\xfe"},
      {"truncated UTF-8", "\xC3"},
      {"overlong slash", "\xC0\xAF"},
      {"unicode", "\xC3\xBC\xE4\xB8\xAD"},
      {"backslash dot-dot", "..\\..\\x"},
      {"semicolon", "1;x=y"},
      {"10 KB", std::string(10 * 1024, 'k')},
      {"10 KB of slashes", std::string(10 * 1024, '/')},
  };
}

/// One operation that puts an ID into a path: the call, and the path (after /v1/) it must reach.
struct IdOperation {
  const char* name;
  std::function<void(const Session&, const std::string&)> call;
  std::function<std::vector<std::string>(const std::string&)> segments;  ///< decoded segments after /v1/{project}
  bool id_is_project = false;
};

std::vector<IdOperation> id_operations() {
  return {
      {"get visualization job", [](const Session& s, const std::string& id) { VisualizationJob(s, id).get_visualization_job_info(); },
       [](const std::string& id) { return std::vector<std::string>{"visualization-jobs", id}; }},
      {"delete visualization job", [](const Session& s, const std::string& id) { VisualizationJob(s, id).delete_visualization_job(); },
       [](const std::string& id) { return std::vector<std::string>{"visualization-jobs", id}; }},
      {"restart visualization job", [](const Session& s, const std::string& id) { VisualizationJob(s, id).restart_visualization_job(); },
       [](const std::string& id) { return std::vector<std::string>{"visualization-jobs", id, "restart"}; }},
      {"update training job", [](const Session& s, const std::string& id) { TrainingJob(s, id).update_job_description("x"); },
       [](const std::string& id) { return std::vector<std::string>{"training-jobs", id}; }},
      {"delete training job by id", [](const Session& s, const std::string& id) { Estimator::delete_job_by_id(s, id); },
       [](const std::string& id) { return std::vector<std::string>{"training-jobs", id}; }},
      {"stop training version", [](const Session& s, const std::string& id) { TrainingJob(s, "1", id).stop_job_version(); },
       [](const std::string& id) { return std::vector<std::string>{"training-jobs", "1", "versions", id, "stop"}; }},
      {"training log files", [](const Session& s, const std::string& id) { TrainingJob(s, id, "2").get_job_log_file_list(); },
       [](const std::string& id) { return std::vector<std::string>{"training-jobs", id, "versions", "2", "log", "file-names"}; }},
      {"training log", [](const Session& s, const std::string& id) { TrainingJob(s, "1", "2").get_job_log(id); },
       [](const std::string&) { return std::vector<std::string>{"training-jobs", "1", "versions", "2", "log"}; }},
      {"get job config", [](const Session& s, const std::string& id) { TrainingJobConfig(s, id).get_job_configs_info(); },
       [](const std::string& id) { return std::vector<std::string>{"training-job-configs", id}; }},
      {"mod label job", [](const Session& s, const std::string& id) { LabelApi(s).mod_label_job(kProject, id, {"n", ""}); },
       [](const std::string& id) { return std::vector<std::string>{"annotation-jobs", id}; }},
      {"label validation in a hostile project", [](const Session& s, const std::string& id) { LabelApi(s).query_validation(id, "u1"); },
       [](const std::string&) { return std::vector<std::string>{"annotation-jobs", "u1", "validation"}; }, true},
  };
}

/// The request path split at '/' and each segment decoded: what a server routes on.
std::vector<std::string> decoded_segments(const std::string& target) {
  std::vector<std::string> segments;
  const std::string path = target.substr(0, target.find('?'));
  std::size_t start = 1;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    segments.push_back(percent_decode(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start)));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return segments;
}

const char* kNotFound = R"({"is_success":false,"error_code":"ModelArts.0102","error_message":"job does not exist"})";

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_input_ids)

BOOST_AUTO_TEST_CASE(every_hostile_id_is_refused_or_sent_as_exactly_one_segment) {
  int cases = 0;
  int refused = 0;
  for (const IdOperation& op : id_operations()) {
    for (const HostileId& id : hostile_ids()) {
      ++cases;
      BOOST_TEST_CONTEXT(op.name << " with " << id.label) {
        ApiTestSession t;
        t.transport->set_fallback([](const HttpRequest&) -> TransportResult {
          return HttpResponse{404, {{"Content-Type", "application/json"}}, kNotFound};
        });
        try {
          op.call(t.session, id.value);
          BOOST_FAIL("a 404 reply must not be a success");
        } catch (const InvalidArgumentError&) {
          ++refused;
          BOOST_TEST(t.transport->request_count() == 0u);
        } catch (const ApiError& e) {
          BOOST_TEST(e.http_status() == 404);
          const auto requests = t.transport->requests();
          BOOST_TEST(requests.size() == 1u);
          for (const HttpRequest& request : requests) {
            std::vector<std::string> expected{"v1", op.id_is_project ? id.value : std::string(kProject)};
            for (std::string& segment : op.segments(id.value)) expected.push_back(std::move(segment));
            const std::vector<std::string> actual = decoded_segments(request.target);
            BOOST_TEST(actual == expected, request.target);
            // Nothing a server splits on survives unencoded, and the request line stays one line.
            const std::string path = path_of(request);
            BOOST_TEST(path.find_first_of("?# \r\n\t") == std::string::npos, path);
            BOOST_TEST(request.target.find_first_of(" \r\n") == std::string::npos);
          }
        } catch (const std::exception& e) {
          BOOST_FAIL("unexpected exception type: " << e.what());
        }
      }
    }
  }
  // "", "." and ".." must be refused wherever they would be a path segment.
  BOOST_TEST(refused >= 3 * 10);
  BOOST_TEST_MESSAGE("hostile IDs: " << cases << " cases, " << refused << " refused before sending");
}

BOOST_AUTO_TEST_CASE(hostile_query_values_stay_inside_their_parameter) {
  const std::vector<std::string> values = {"&page=99", "a=b&per_page=1000", "#x", "?", "%26", "a+b", " ", "\r\nX: y",
                                           std::string("a\0b", 3), "\xff", std::string(10 * 1024, 'q')};
  for (const std::string& value : values) {
    BOOST_TEST_CONTEXT("search_content " << value.substr(0, 20)) {
      ApiTestSession t;
      t.transport->reply(200, R"({"is_success":true,"job_total_count":0,"jobs":[]})");
      if (value.size() > 64) {  // the service's limit of search_content
        BOOST_CHECK_THROW(Estimator::get_job_list(t.session, ListOptions{}.search_content(value)), InvalidArgumentError);
        BOOST_TEST(t.transport->request_count() == 0u);
        continue;
      }
      Estimator::get_job_list(t.session, ListOptions{}.search_content(value).page(2));
      const HttpRequest request = t.only_request();
      BOOST_TEST(path_of(request) == v1("training-jobs"));
      auto query = query_of(request);
      BOOST_TEST(query["search_content"] == value);
      BOOST_TEST(query["page"] == "2");
      BOOST_TEST(query["per_page"] == "10");
      BOOST_TEST(query["sortBy"] == "job_name");  // the Python defaults
      BOOST_TEST(query["order"] == "desc");
      BOOST_TEST(query.size() == 5u);
      BOOST_TEST(request.target.find_first_of(" \r\n#") == std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(hostile_ids_against_the_emulator_never_touch_another_job) {
  modelarts::testing::Emulator emulator;
  Session session(emulator.session_options().retry(RetryOptions{}.max_attempts(1)));
  const VisualizationJob sentinel = VisualizationJob(session).create_visualization_job("/bucket/out/", "sentinel", "keep");
  const std::string label_id =
      LabelJob::create(session, CreateLabelRequest{"sentinel-label", "keep", "OBS", "/bucket/data/", "", "Manual Image classify"})
          .job_id();
  int cases = 0;
  for (const HostileId& id : hostile_ids()) {
    const std::vector<std::pair<const char*, std::function<void()>>> calls = {
        {"delete visualization", [&] { VisualizationJob(session, id.value).delete_visualization_job(); }},
        {"delete visualization under the sentinel", [&] { VisualizationJob(session, sentinel.job_id() + "/" + id.value).delete_visualization_job(); }},
        {"stop visualization", [&] { VisualizationJob(session, id.value).stop_visualization_job(); }},
        {"delete training", [&] { Estimator::delete_job_by_id(session, id.value); }},
        {"delete label", [&] { LabelApi(session).delete_label_job(session.project_id(), id.value); }},
        {"update label", [&] { LabelApi(session).mod_label_job(session.project_id(), id.value, {"renamed", "x"}); }},
    };
    for (const auto& [name, call] : calls) {
      ++cases;
      BOOST_TEST_CONTEXT(name << " with " << id.label) {
        try {
          call();
          BOOST_FAIL("no job has this ID, so the call cannot succeed");
        } catch (const InvalidArgumentError&) {
        } catch (const ApiError& e) {
          BOOST_TEST(e.http_status() >= 400, e.what());
        } catch (const std::exception& e) {
          BOOST_FAIL("unexpected exception: " << e.what());
        }
      }
    }
  }
  // The sentinels are untouched.
  BOOST_TEST(VisualizationJob(session, sentinel.job_id()).get_visualization_job_info().job_desc == "keep");
  const LabelJobList labels = LabelApi(session).query_label_jobs(session.project_id());
  BOOST_REQUIRE(labels.items.size() == 1u);
  BOOST_TEST(labels.items[0].id == label_id);
  BOOST_TEST(labels.items[0].name == "sentinel-label");
  BOOST_TEST(labels.items[0].description == "keep");
  BOOST_TEST_MESSAGE("hostile IDs against the emulator: " << cases << " cases");
}

BOOST_AUTO_TEST_SUITE_END()
