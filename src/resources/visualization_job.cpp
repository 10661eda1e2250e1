// SPDX-License-Identifier: Apache-2.0
#include <modelarts/visualization_job.hpp>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "codecs/decode.hpp"
#include "resources/listing.hpp"
#include "resources/request.hpp"
#include "resources/validate.hpp"
#include "resources/waiting.hpp"
#include "detail/create_recovery.hpp"

namespace modelarts {
using namespace detail;
namespace json = boost::json;

namespace {
constexpr std::size_t kMaxVisualizationName = 20;
}  // namespace

VisualizationJob::VisualizationJob(Session session, std::string job_id)
    : session_(std::move(session)), job_id_(std::move(job_id)) {}

VisualizationJob::VisualizationJob(Session session, VisualizationJobInfo info)
    : session_(std::move(session)), job_id_(info.job_id), info_(std::move(info)) {}

const VisualizationJobInfo& VisualizationJob::info() const {
  if (!info_) {
    throw_invalid_argument("VisualizationJob " + job_id_ + " was built from an ID: call get_visualization_job_info()");
  }
  return *info_;
}

VisualizationJob VisualizationJob::create_visualization_job(const std::string& train_url, std::string job_name,
                                                            const std::string& job_desc,
                                                            const VisualizationJobOptions& options) const {
  require_id("train_url", train_url);
  if (job_name.empty()) job_name = generate_name(session_, "vis-", kMaxVisualizationName);
  check_name("job_name", job_name, kMaxVisualizationName);
  check_max_length("job_desc", job_desc, 256);
  if (options.auto_stop_hours() && (*options.auto_stop_hours() < 0 || *options.auto_stop_hours() > 24)) {
    throw_invalid_argument("auto_stop_hours must be in [0, 24]");
  }
  json::object body{{"job_name", job_name}, {"train_url", train_url}};
  if (!job_desc.empty()) body["job_desc"] = job_desc;
  if (!options.job_type().empty()) body["job_type"] = options.job_type();
  if (!options.flavor_code().empty()) body["flavor"] = json::object{{"code", options.flavor_code()}};
  if (options.auto_stop_hours()) {
    body["schedule"] = json::object{{"type", "stop"}, {"time_unit", "HOURS"}, {"duration", *options.auto_stop_hours()}};
  }
  ApiCall call = v1_call(session_, "POST", {"visualization-jobs"});
  call.body = json::serialize(body);
  CreateRecovery<VisualizationJobInfo> recovery;
  recovery.find_by_name = [&] {
    return find_job_named(session_, kVisualizationJobList, job_name, decode_visualization_list);
  };
  recovery.matches = [&](const VisualizationJobInfo& found, std::chrono::system_clock::time_point not_before) {
    return found.job_desc == job_desc && (found.train_url.empty() || found.train_url == train_url) &&
           created_at_or_after(found.create_time, not_before);
  };
  const std::function<Result<VisualizationJobInfo>(const ApiResponse&)> decode = [](const ApiResponse& response) {
    return decode_visualization_info(response.json, response.context);
  };
  VisualizationJobInfo info = create_with_recovery(session_, call, decode, recovery).value_or_throw();
  // The create reply omits what the request said; keep it so info() answers without a request.
  if (info.job_name.empty()) info.job_name = job_name;
  if (info.job_desc.empty()) info.job_desc = job_desc;
  if (info.train_url.empty()) info.train_url = train_url;
  return VisualizationJob(session_, std::move(info));
}

VisualizationJobInfo VisualizationJob::get_visualization_job_info() const {
  require_id("visualization job_id", job_id_);
  return call_and_decode(session_, v1_call(session_, "GET", {"visualization-jobs", job_id_}),
                         decode_visualization_info);
}

void VisualizationJob::update_visualization_job(const std::string& job_desc) const {
  require_id("visualization job_id", job_id_);
  check_max_length("job_desc", job_desc, 256);
  ApiCall call = v1_call(session_, "PUT", {"visualization-jobs", job_id_});
  call.body = json::serialize(json::object{{"job_desc", job_desc}});
  call_for_status(session_, call);
}

void VisualizationJob::stop_visualization_job() const {
  require_id("visualization job_id", job_id_);
  call_state_action(session_, v1_call(session_, "POST", {"visualization-jobs", job_id_, "stop"}));
}

void VisualizationJob::restart_visualization_job() const {
  require_id("visualization job_id", job_id_);
  call_state_action(session_, v1_call(session_, "POST", {"visualization-jobs", job_id_, "restart"}));
}

void VisualizationJob::delete_visualization_job() const {
  require_id("visualization job_id", job_id_);
  std::move(delete_with_retry_rule(session_, v1_call(session_, "DELETE", {"visualization-jobs", job_id_})))
      .value_or_throw();
}

VisualizationJobInfo VisualizationJob::wait(const VisualizationWaitOptions& options, VisualizationWaitGoal until) const {
  require_id("visualization job_id", job_id_);
  const bool to_the_end = until == VisualizationWaitGoal::ended;
  return wait_on_call(
      session_, v1_call(session_, "GET", {"visualization-jobs", job_id_}), decode_visualization_info,
      [to_the_end](const VisualizationJobInfo& info) {
        return (!to_the_end && info.status == JobStatus::running) || is_terminal_status(info.status);
      },
      options, info_ ? info_->status_code() : 0, "visualization job " + job_id_, to_the_end ? "ended" : "running");
}

VisualizationJobList VisualizationJob::get_visualization_job_list(const Session& session, const ListOptions& options) {
  check_list_options(options, kVisualizationJobList);
  return list_page(session, kVisualizationJobList, options, options.page(), decode_visualization_list);
}

std::vector<VisualizationJob> VisualizationJob::get_visualization_job_object_list(const Session& session,
                                                                                 const ListOptions& options) {
  return objects_of<VisualizationJob>(session, get_visualization_job_list(session, options).items);
}

Pager<VisualizationJob> VisualizationJob::list(const Session& session, const ListOptions& options) {
  check_list_options(options, kVisualizationJobList);
  auto fetch = [session, options](std::int64_t page) {
    VisualizationJobList list =
        get_visualization_job_list(session, ListOptions(options).page(static_cast<int>(page)));
    return page_of<VisualizationJob>(session, std::move(list));
  };
  return Pager<VisualizationJob>(fetch, options.page());
}

}  // namespace modelarts
