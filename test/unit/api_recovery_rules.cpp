// SPDX-License-Identifier: Apache-2.0
// The recovery rules as a whole: every rule (create by name for each create, delete, stop/restart,
// label-job and config variants) against {429, 503 that never reached the service, reply cut after the service
// applied it, connection closed after the whole request was written} on the first, a middle and the last attempt,
// with a target that makes the rule matter (the name free or someone else's; the resource there or never there;
// the job running or already stopped). A small stateful v1 service behind the fake transport applies or refuses
// each request, so every check is on what really happened:
//   - a call never reports success for something that did not happen;
//   - a create never returns a resource it did not create, and never makes two;
//   - a fault on an attempt before the last is absorbed (the call succeeds when the target allows it).
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <ctime>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include <modelarts/modelarts.hpp>

#include "support/api_test_session.hpp"

using namespace modelarts;
using namespace modelarts::test;
namespace json = boost::json;

namespace {

enum class Fault { throttled, unavailable, cut_after_apply, closed_after_write };
const char* name_of(Fault f) {
  switch (f) {
    case Fault::throttled: return "429";
    case Fault::unavailable: return "503 that never reached the service";
    case Fault::cut_after_apply: return "reply cut after the service applied it";
    case Fault::closed_after_write: return "connection closed after the request was written";
  }
  return "?";
}

struct Resource {
  std::string id;
  std::string name;
  std::string desc;
  std::int64_t create_ms = 0;
  bool stopped = false;
  bool ours = false;  // created by a request of the call under test
};

// The v1 service, in memory: collections "training-jobs", "visualization-jobs", "training-job-configs",
// "annotation-jobs". Mutating requests (POST, DELETE) are numbered; `faults` says what happens to which.
class FakeService {
 public:
  explicit FakeService(std::shared_ptr<FakeClock> clock) : clock_(std::move(clock)) {}

  std::map<int, Fault> faults;  // mutating request number (1-based) -> fault
  std::map<std::string, std::vector<Resource>> store;
  int mutating_requests = 0;

  Resource& add(const std::string& collection, const std::string& name, std::int64_t create_ms, bool ours) {
    Resource r{std::to_string(next_id_++), name, "", create_ms, false, ours};
    if (collection == "annotation-jobs") r.id = "uuid-" + r.id;
    store[collection].push_back(r);
    return store[collection].back();
  }
  int count_named(const std::string& collection, const std::string& name) {
    int n = 0;
    for (const Resource& r : store[collection]) n += r.name == name ? 1 : 0;
    return n;
  }
  Resource* find_id(const std::string& collection, const std::string& id) {
    for (Resource& r : store[collection]) {
      if (r.id == id || (collection == "training-job-configs" && r.name == id)) return &r;
    }
    return nullptr;
  }

  TransportResult handle(const HttpRequest& request) {
    std::string path = path_of(request);
    const std::string prefix = v1("");
    BOOST_REQUIRE(path.rfind(prefix, 0) == 0);
    path = path.substr(prefix.size());
    std::vector<std::string> parts;
    for (std::size_t start = 0; start <= path.size();) {
      const std::size_t slash = path.find('/', start);
      parts.push_back(percent_decode(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start)));
      if (slash == std::string::npos) break;
      start = slash + 1;
    }
    if (request.method == "GET") return answer(request, parts);
    const int number = ++mutating_requests;
    const auto fault = faults.find(number);
    if (fault != faults.end()) {
      switch (fault->second) {
        case Fault::throttled:
          return HttpResponse{429, {{"Retry-After", "0"}}, R"({"error_code":"APIGW.0308","error_msg":"throttled"})"};
        case Fault::unavailable:
          return HttpResponse{503, {}, R"({"error_code":"APIGW.0203","error_msg":"Backend unavailable"})"};
        case Fault::closed_after_write:
          return TransportFailure{TransportErrorKind::io, BytesWritten::all, "connection closed before a response"};
        case Fault::cut_after_apply:
          answer(request, parts);  // the service applies it; its reply is lost
          return TransportFailure{TransportErrorKind::io, BytesWritten::all, "reply cut"};
      }
    }
    return answer(request, parts);
  }

 private:
  static HttpResponse ok(json::object body) {
    body["is_success"] = true;
    return HttpResponse{200, {{"Content-Type", "application/json"}}, json::serialize(body)};
  }
  static HttpResponse refuse(const char* code, const char* message) {
    return HttpResponse{400, {{"Content-Type", "application/json"}},
                        json::serialize(json::object{{"is_success", false}, {"error_code", code}, {"error_message", message}})};
  }
  static std::string datetime(std::int64_t ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &tm);
    return text;
  }
  std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(clock_->now().time_since_epoch()).count();
  }

  HttpResponse answer(const HttpRequest& request, const std::vector<std::string>& parts) {
    const std::string& collection = parts.at(0);
    auto& rows = store[collection];
    if (request.method == "POST" && parts.size() == 1) {
      const json::object body = body_of(request).as_object();
      const std::string name(body.at(collection == "training-jobs" || collection == "visualization-jobs" ? "job_name"
                                     : collection == "training-job-configs"                           ? "config_name"
                                                                                                      : "name")
                                 .as_string());
      if (count_named(collection, name) > 0) return refuse("ModelArts.0103", "name exists");
      Resource& made = add(collection, name, now_ms(), true);
      for (const char* key : {"job_desc", "config_desc", "description"}) {
        if (const auto* d = body.if_contains(key)) made.desc = std::string(d->as_string());
      }
      if (collection == "training-jobs") {
        return ok({{"job_id", std::stoll(made.id)}, {"job_name", name}, {"version_id", 1}, {"status", 1},
                   {"create_time", made.create_ms}});
      }
      if (collection == "visualization-jobs") {
        return ok({{"job_id", std::stoll(made.id)}, {"job_name", name}, {"status", 1}, {"create_time", made.create_ms}});
      }
      if (collection == "annotation-jobs") {
        return HttpResponse{200, {}, json::serialize(json::object{{"job_id", made.id}, {"dls_prj_id", 9}})};
      }
      return ok({});
    }
    if (request.method == "GET" && parts.size() == 1) {
      const std::string search = query_of(request)["search_content"];
      json::array jobs;
      for (const Resource& r : rows) {
        if (r.name.find(search) == std::string::npos) continue;
        if (collection == "annotation-jobs") {
          jobs.push_back(json::object{{"id", r.id}, {"name", r.name}, {"description", r.desc}, {"data_type", "OBS"},
                                      {"path", "/p/"}, {"type", "Manual Image classify"},
                                      {"create_time", datetime(r.create_ms)}, {"dls_prj_id", 9}});
        } else {
          jobs.push_back(json::object{{"job_id", std::stoll(r.id)}, {"job_name", r.name}, {"job_desc", r.desc},
                                      {"version_id", 1}, {"status", r.stopped ? 10 : 2}, {"create_time", r.create_ms}});
        }
      }
      json::object list{{"job_total_count", jobs.size()}, {"jobs", std::move(jobs)}};
      if (collection == "annotation-jobs") {
        return HttpResponse{200, {}, json::serialize(list)};
      }
      return ok(std::move(list));
    }
    Resource* target = find_id(collection, parts.at(1));
    if (request.method == "GET") {  // a config by name
      if (target == nullptr) return refuse("ModelArts.0102", "config does not exist");
      return ok({{"config_name", target->name}, {"config_desc", target->desc}, {"create_time", target->create_ms},
                 {"worker_server_num", 1}, {"spec_id", 1}, {"train_url", "/o/"}, {"data_url", "/d/"}});
    }
    if (target == nullptr) {
      if (collection == "annotation-jobs") {
        return HttpResponse{404, {}, R"({"error_code":"ModelArts.0102","error_msg":"no such label job"})"};
      }
      return refuse("ModelArts.0102", "job does not exist");
    }
    const std::string& action = parts.back();
    if (request.method == "POST" && (action == "stop" || action == "restart")) {
      if (target->stopped == (action == "stop")) return refuse("ModelArts.0105", "This job can't be changed in its status");
      target->stopped = action == "stop";
      return ok({});
    }
    if (request.method == "DELETE") {
      const std::string id = target->id;
      rows.erase(rows.begin() + (target - rows.data()));
      if (collection == "annotation-jobs") return HttpResponse{200, {}, json::serialize(json::object{{"job_id", id}})};
      return ok({});
    }
    return HttpResponse{599, {}, "unexpected request"};
  }

  std::shared_ptr<FakeClock> clock_;
  int next_id_ = 100;
};

constexpr int kMaxAttempts = 4;

// What is faulted: attempt `position` gets `fault`; the attempts before it get a 503 (which never reaches the
// service), so the fault sits on the first, a middle or the last attempt of the call.
struct Plan {
  Fault fault;
  int position;
};

struct Case {
  ApiTestSession t{RetryOptions{}.max_attempts(kMaxAttempts).initial_backoff(std::chrono::milliseconds(1))};
  FakeService service{t.clock};

  explicit Case(const Plan& plan) {
    for (int i = 1; i < plan.position; ++i) service.faults[i] = Fault::unavailable;
    service.faults[plan.position] = plan.fault;
    t.transport->set_fallback([this](const HttpRequest& r) { return service.handle(r); });
  }
  bool last(const Plan& plan) const { return plan.position == kMaxAttempts; }
};

std::vector<Plan> all_plans() {
  std::vector<Plan> plans;
  for (Fault f : {Fault::throttled, Fault::unavailable, Fault::cut_after_apply, Fault::closed_after_write}) {
    for (int position : {1, 2, kMaxAttempts}) plans.push_back({f, position});
  }
  return plans;
}

// The outcome of one call: success, or the exception's kind and error code.
struct Outcome {
  bool ok = false;
  std::string returned_id;
  ErrorKind kind = ErrorKind::service;
  std::string code;
};

Outcome run(const std::function<std::string()>& call) {
  Outcome out;
  try {
    out.returned_id = call();
    out.ok = true;
  } catch (const ApiError& e) {
    out.kind = e.kind();
    out.code = e.error_code();
  } catch (const Error& e) {
    out.kind = e.kind();
  }
  return out;
}

// A fault on the last attempt may surface; it must surface as that fault (never as a false success).
void check_last_attempt_fault(const Outcome& out, const Plan& plan) {
  BOOST_TEST(!out.ok);
  switch (plan.fault) {
    case Fault::throttled: BOOST_TEST((out.kind == ErrorKind::throttled)); break;
    case Fault::unavailable: BOOST_TEST((out.kind == ErrorKind::service)); break;
    default: BOOST_TEST((out.kind == ErrorKind::transport)); break;
  }
}

struct CreateRule {
  const char* label;
  const char* collection;
  std::function<std::string(const Session&, const std::string& name)> create;  // returns the id
};

std::vector<CreateRule> create_rules() {
  auto estimator = [](const Session& s) { return Estimator(s, EstimatorOptions{}.spec_id(1).output_path("/o/")); };
  return {
      {"Estimator::fit", "training-jobs",
       [=](const Session& s, const std::string& name) {
         return estimator(s).fit(Inputs::obs("/d/"), false, name).job_id();
       }},
      {"create_visualization_job", "visualization-jobs",
       [](const Session& s, const std::string& name) {
         return VisualizationJob(s).create_visualization_job("/o/", name).job_id();
       }},
      {"create_job_configs", "training-job-configs",
       [=](const Session& s, const std::string& name) {
         return estimator(s).create_job_configs(Inputs::obs("/d/"), name).config_name();
       }},
      {"LabelApi::create_label_job", "annotation-jobs",
       [](const Session& s, const std::string& name) {
         return LabelApi(s).create_label_job(kProject, CreateLabelRequest{name, "", "OBS", "/p/", "", "Manual Image classify"}).job_id;
       }},
      {"LabelJob::create", "annotation-jobs",
       [](const Session& s, const std::string& name) {
         return LabelJob::create(s, CreateLabelRequest{name, "", "OBS", "/p/", "", "Manual Image classify"}).job_id();
       }},
  };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(api_recovery_rules)

BOOST_AUTO_TEST_CASE(a_create_returns_only_what_it_created_and_never_makes_two) {
  for (const CreateRule& rule : create_rules()) {
    for (const Plan& plan : all_plans()) {
      BOOST_TEST_CONTEXT(rule.label << ", " << name_of(plan.fault) << " on attempt " << plan.position) {
        // The name is free.
        {
          Case c(plan);
          const Outcome out = run([&] { return rule.create(c.t.session, "mine"); });
          BOOST_TEST(c.service.count_named(rule.collection, "mine") <= 1);
          if (c.last(plan) && plan.fault != Fault::cut_after_apply && plan.fault != Fault::closed_after_write) {
            check_last_attempt_fault(out, plan);
          } else if (c.last(plan)) {
            check_last_attempt_fault(out, plan);
          } else {
            BOOST_TEST(out.ok, "the fault was absorbed");
            BOOST_TEST(c.service.count_named(rule.collection, "mine") == 1);
          }
          if (out.ok) {
            Resource* made = c.service.find_id(rule.collection, out.returned_id);
            BOOST_TEST_REQUIRE(made != nullptr);
            BOOST_TEST(made->ours);
            BOOST_TEST(made->name == "mine");
          }
        }
        // The name is someone else's (created before this call): never returned as ours.
        {
          Case c(plan);
          c.t.clock->advance(std::chrono::hours(1));
          c.service.add(rule.collection, "shared-name", 1705311000000, false);
          const Outcome out = run([&] { return rule.create(c.t.session, "shared-name"); });
          BOOST_TEST(!out.ok, "returned someone else's " << out.returned_id);
          if (c.last(plan)) {
            check_last_attempt_fault(out, plan);
          } else {
            BOOST_TEST((out.kind == ErrorKind::conflict));
            BOOST_TEST(out.code == "ModelArts.0103");
          }
          BOOST_TEST(c.service.count_named(rule.collection, "shared-name") == 1);
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_delete_succeeds_only_when_the_resource_is_gone_and_never_for_one_that_never_was) {
  struct DeleteRule {
    const char* label;
    const char* collection;
    std::function<void(const Session&, const std::string& id)> remove;
  };
  const std::vector<DeleteRule> rules = {
      {"TrainingJob::delete_job", "training-jobs", [](const Session& s, const std::string& id) { TrainingJob(s, id).delete_job(); }},
      {"delete_visualization_job", "visualization-jobs",
       [](const Session& s, const std::string& id) { VisualizationJob(s, id).delete_visualization_job(); }},
      {"delete_job_configs", "training-job-configs",
       [](const Session& s, const std::string& id) { TrainingJobConfig(s, id).delete_job_configs(); }},
      {"LabelApi::delete_label_job", "annotation-jobs",
       [](const Session& s, const std::string& id) { LabelApi(s).delete_label_job(kProject, id); }},
      {"LabelJob::delete_label_job", "annotation-jobs",
       [](const Session& s, const std::string& id) { LabelJob(s, id).delete_label_job(); }},
  };
  for (const DeleteRule& rule : rules) {
    for (const Plan& plan : all_plans()) {
      BOOST_TEST_CONTEXT(rule.label << ", " << name_of(plan.fault) << " on attempt " << plan.position) {
        {  // it exists
          Case c(plan);
          const std::string id = c.service.add(rule.collection, "victim", 1, false).id;
          const std::string key = std::string(rule.collection) == "training-job-configs" ? "victim" : id;
          const Outcome out = run([&] { rule.remove(c.t.session, key); return std::string(); });
          if (c.last(plan)) check_last_attempt_fault(out, plan);
          else BOOST_TEST(out.ok, "the fault was absorbed");
          if (out.ok) BOOST_TEST(c.service.find_id(rule.collection, key) == nullptr);
        }
        {  // it never existed: success only when an earlier attempt may have deleted it (its answer was lost)
          Case c(plan);
          const Outcome out = run([&] { rule.remove(c.t.session, "4040"); return std::string(); });
          const bool answer_lost_earlier = !c.last(plan) && (plan.fault == Fault::cut_after_apply ||
                                                            plan.fault == Fault::closed_after_write);
          if (c.last(plan)) {
            check_last_attempt_fault(out, plan);
          } else if (!answer_lost_earlier) {
            BOOST_TEST(!out.ok, "phantom delete");
            BOOST_TEST((out.kind == ErrorKind::not_found));
          }
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_stop_or_restart_succeeds_only_when_the_job_is_in_the_state_asked_for) {
  struct StateRule {
    const char* label;
    const char* collection;
    bool stop;
    std::function<void(const Session&, const std::string& id)> act;
  };
  const std::vector<StateRule> rules = {
      {"stop_job_version", "training-jobs", true,
       [](const Session& s, const std::string& id) { TrainingJob(s, id, "1").stop_job_version(); }},
      {"stop_visualization_job", "visualization-jobs", true,
       [](const Session& s, const std::string& id) { VisualizationJob(s, id).stop_visualization_job(); }},
      {"restart_visualization_job", "visualization-jobs", false,
       [](const Session& s, const std::string& id) { VisualizationJob(s, id).restart_visualization_job(); }},
  };
  for (const StateRule& rule : rules) {
    for (const Plan& plan : all_plans()) {
      BOOST_TEST_CONTEXT(rule.label << ", " << name_of(plan.fault) << " on attempt " << plan.position) {
        {  // the action is allowed
          Case c(plan);
          Resource& job = c.service.add(rule.collection, "j", 1, false);
          job.stopped = !rule.stop;
          const std::string id = job.id;
          const Outcome out = run([&] { rule.act(c.t.session, id); return std::string(); });
          if (c.last(plan)) check_last_attempt_fault(out, plan);
          else BOOST_TEST(out.ok, "the fault was absorbed");
          if (out.ok) BOOST_TEST(c.service.find_id(rule.collection, id)->stopped == rule.stop);
        }
        {  // the job is already in that state: 0105 unless an earlier attempt's answer was lost
          Case c(plan);
          Resource& job = c.service.add(rule.collection, "j", 1, false);
          job.stopped = rule.stop;
          const std::string id = job.id;
          const Outcome out = run([&] { rule.act(c.t.session, id); return std::string(); });
          const bool answer_lost_earlier = !c.last(plan) && (plan.fault == Fault::cut_after_apply ||
                                                            plan.fault == Fault::closed_after_write);
          if (c.last(plan)) {
            check_last_attempt_fault(out, plan);
          } else if (!answer_lost_earlier) {
            BOOST_TEST(!out.ok, "reported a state change that did not happen");
            BOOST_TEST(out.code == "ModelArts.0105");
          }
        }
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
