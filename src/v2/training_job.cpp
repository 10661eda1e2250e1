// SPDX-License-Identifier: Apache-2.0
// v2::TrainingJob: the calls on one job and the job-list statics (ModelArts API Reference, "Training Management").
#include <modelarts/v2/training_job.hpp>

#include <unordered_set>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "resources/request.hpp"
#include "resources/validate.hpp"
#include "v2/decode.hpp"
#include "v2/request.hpp"

namespace modelarts::v2 {
namespace json = boost::json;
using modelarts::detail::call_and_decode;
using modelarts::detail::check_max_length;
using modelarts::detail::describe;
using modelarts::detail::require_id;
using modelarts::detail::throw_error;
using modelarts::detail::throw_invalid_argument;
using modelarts::detail::try_call;
using namespace detail;

TrainingJob::TrainingJob(Session session, std::string job_id) : session_(std::move(session)), job_id_(std::move(job_id)) {}

TrainingJob::TrainingJob(Session session, TrainingJobInfo info)
    : session_(std::move(session)), job_id_(info.metadata.id), info_(std::move(info)) {}

const TrainingJobInfo& TrainingJob::info() const {
  if (!info_) throw_invalid_argument("v2 TrainingJob " + job_id_ + " was built from an ID: call get_job_info()");
  return *info_;
}

TrainingJobInfo TrainingJob::get_job_info() const {
  require_id("job_id", job_id_);
  return call_and_decode(session_, v2_call(session_, "GET", {"training-jobs", job_id_}), decode_job);
}

void TrainingJob::update_job_configs(const std::string& description) const {
  require_id("job_id", job_id_);
  check_max_length("description", description, 256);
  ApiCall call = v2_call(session_, "PUT", {"training-jobs", job_id_});
  call.body = json::serialize(json::object{{"description", description}});
  modelarts::detail::call(session_, call);  // 200 with `null`: nothing to read (docs/service-quirks.md, Q6)
}

TrainingJobInfo TrainingJob::control_job() const {
  require_id("job_id", job_id_);
  ApiCall call = v2_call(session_, "POST", {"training-jobs", job_id_, "actions"});
  call.body = R"({"action_type":"terminate"})";
  call.resendable = true;  // a resent terminate meets the rule below
  Result<ApiResponse> result = try_call(session_, call);
  if (result.ok()) return decode_job(result.value().json, result.value().context).value_or_throw();
  const ErrorInfo& error = result.error();
  if (error.attempts.earlier_may_have_applied() && has_code(error, kNotAllowedToTerminate)) {
    // An earlier attempt of ours may have been the one that terminated it: a re-read tells.
    TrainingJobInfo now = get_job_info();
    if (now.status.phase == Phase::terminating || now.status.phase == Phase::terminated) return now;
  }
  throw_error(error);
}

void TrainingJob::delete_job() const {
  require_id("job_id", job_id_);
  Result<ApiResponse> result = try_call(session_, v2_call(session_, "DELETE", {"training-jobs", job_id_}));
  if (result.ok()) return;
  // Not found after an earlier attempt that was written and went unanswered: that attempt deleted it.
  if (result.error().attempts.earlier_may_have_applied() && has_code(result.error(), kNotFound)) return;
  throw_error(result.error());
}

LogPreview TrainingJob::get_job_log(const std::string& task_id) const {
  require_id("job_id", job_id_);
  require_id("task_id", task_id);
  ApiResponse response = modelarts::detail::call(
      session_, v2_call(session_, "GET", {"training-jobs", job_id_, "tasks", task_id, "logs", "preview"}));
  return decode_log_preview(response.status, response.json, response.context).value_or_throw();
}

std::string TrainingJob::get_job_log_url(const std::string& task_id) const {
  require_id("job_id", job_id_);
  require_id("task_id", task_id);
  return call_and_decode(session_, v2_call(session_, "GET", {"training-jobs", job_id_, "tasks", task_id, "logs", "url"}),
                         decode_log_url);
}

Metrics TrainingJob::get_job_metrics(const std::string& task_id) const {
  require_id("job_id", job_id_);
  require_id("task_id", task_id);
  ApiResponse response =
      modelarts::detail::call(session_, v2_call(session_, "GET", {"training-jobs", job_id_, "metrics", task_id}));
  return decode_metrics(response.status, response.json, response.context).value_or_throw();
}

EventList TrainingJob::get_job_events(const EventQuery& query) const {
  require_id("job_id", job_id_);
  if (query.offset() < 0) throw_invalid_argument("events offset must be >= 0");
  if (query.limit() < 1 || query.limit() > 100) throw_invalid_argument("events limit must be in [1, 100]");
  if (query.start_time().has_value() != query.end_time().has_value())
    throw_invalid_argument("events start_time and end_time go together");
  if (!query.order().empty() && query.order() != "asc" && query.order() != "desc")
    throw_invalid_argument("events order must be \"asc\" or \"desc\"");
  check_max_length("events pattern", query.pattern(), 256);
  ApiCall call = v2_call(session_, "GET", {"training-jobs", job_id_, "events"});
  call.query.emplace_back("offset", std::to_string(query.offset()));
  call.query.emplace_back("limit", std::to_string(query.limit()));
  if (!query.order().empty()) call.query.emplace_back("order", query.order());
  if (query.start_time()) {
    call.query.emplace_back("start_time", std::to_string(*query.start_time()));
    call.query.emplace_back("end_time", std::to_string(*query.end_time()));
  }
  if (!query.level().empty()) call.query.emplace_back("level", query.level());
  if (!query.pattern().empty()) call.query.emplace_back("pattern", query.pattern());
  return call_and_decode(session_, call, decode_events);
}

void TrainingJob::delete_job_by_id(const Session& session, const std::string& job_id) {
  TrainingJob(session, job_id).delete_job();
}

TrainingJobInfo TrainingJob::control_job_by_id(const Session& session, const std::string& job_id) {
  return TrainingJob(session, job_id).control_job();
}

namespace {

void check_search(const SearchOptions& options) {
  if (options.offset() < 0) throw_invalid_argument("offset must be >= 0");
  if (options.limit() < 1 || options.limit() > 50)
    throw_invalid_argument("limit must be in [1, 50], got " + std::to_string(options.limit()));
  if (!options.order().empty() && options.order() != "asc" && options.order() != "desc")
    throw_invalid_argument("order must be \"asc\" or \"desc\"");
  for (const Filter& filter : options.filters()) {
    if (filter.key.empty() || filter.op.empty()) throw_invalid_argument("a search filter needs a key and an operator");
  }
}

TrainingJobList search(const Session& session, const SearchOptions& options, std::int64_t offset) {
  json::object body{{"offset", offset}, {"limit", options.limit()}};
  if (!options.sort_by().empty()) body["sort_by"] = options.sort_by();
  if (!options.order().empty()) body["order"] = options.order();
  if (!options.group_by().empty()) body["group_by"] = options.group_by();
  if (!options.filters().empty()) {
    json::array filters;
    for (const Filter& f : options.filters()) {
      json::array values;
      for (const std::string& v : f.value) values.emplace_back(v);
      filters.push_back(json::object{{"key", f.key}, {"operator", f.op}, {"value", std::move(values)}});
    }
    body["filters"] = std::move(filters);
  }
  ApiCall call = v2_call(session, "POST", {"training-job-searches"});
  call.body = json::serialize(body);
  call.resendable = true;  // a search changes nothing: resending it is safe
  return call_and_decode(session, call, decode_job_list);
}

}  // namespace

TrainingJobList TrainingJob::get_job_list(const Session& session, const SearchOptions& options) {
  check_search(options);
  return search(session, options, options.offset());
}

std::vector<TrainingJob> TrainingJob::get_job_object_list(const Session& session, const SearchOptions& options) {
  std::vector<TrainingJob> jobs;
  for (TrainingJobInfo& info : get_job_list(session, options).items) jobs.emplace_back(session, std::move(info));
  return jobs;
}

Pager<TrainingJob> TrainingJob::list(const Session& session, const SearchOptions& options) {
  check_search(options);
  // Offset as a page index unless the service shows it reads records (docs/service-quirks.md, Q1): then page 1 begins
  // with item 1 of page 0. Either way, jobs already yielded are skipped (new jobs shift pages).
  struct Walk {
    bool record_offsets = false;
    bool finished = false;
    std::int64_t page_index = 0;
    std::int64_t records = 0;
    int stale_pages = 0;
    std::string second_of_first_page;
    std::unordered_set<std::string> seen;
  };
  auto walk = std::make_shared<Walk>();
  walk->page_index = options.offset();
  walk->records = options.offset() * options.limit();
  return Pager<TrainingJob>(
      [session, options, walk](std::int64_t) {
        ListPage<TrainingJob> page;
        while (!walk->finished && page.items.empty()) {
          const bool first = walk->seen.empty() && walk->page_index == options.offset();
          TrainingJobList list = search(session, options, walk->record_offsets ? walk->records : walk->page_index);
          if (!first && !walk->record_offsets && !list.items.empty() &&
              list.items.front().metadata.id == walk->second_of_first_page) {
            walk->record_offsets = true;  // and read again from the next unseen record
            continue;
          }
          if (first && list.items.size() > 1) walk->second_of_first_page = list.items[1].metadata.id;
          walk->finished = list.items.size() < static_cast<std::size_t>(options.limit());  // Q2: not `count`
          walk->page_index += 1;
          walk->records += static_cast<std::int64_t>(list.items.size());
          bool any_new = false;
          for (TrainingJobInfo& info : list.items) {
            if (!walk->seen.insert(info.metadata.id).second) continue;
            any_new = true;
            page.items.emplace_back(session, std::move(info));
          }
          // Pages of nothing but jobs already seen, again and again: the service is not moving on.
          walk->stale_pages = any_new ? 0 : walk->stale_pages + 1;
          if (walk->stale_pages >= 3) walk->finished = true;
        }
        return page;
      },
      options.offset());
}

}  // namespace modelarts::v2
