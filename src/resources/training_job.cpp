// SPDX-License-Identifier: Apache-2.0
#include <modelarts/training_job.hpp>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "codecs/decode.hpp"
#include "resources/listing.hpp"
#include "resources/request.hpp"
#include "resources/validate.hpp"

namespace modelarts {
using namespace detail;

TrainingJob::TrainingJob(Session session, std::string job_id, std::string version_id)
    : session_(std::move(session)), job_id_(std::move(job_id)), version_id_(std::move(version_id)) {}

TrainingJob::TrainingJob(Session session, JobInfo info)
    : session_(std::move(session)), job_id_(info.job_id), version_id_(info.version_id), info_(std::move(info)) {}

const JobInfo& TrainingJob::info() const {
  if (!info_) throw_invalid_argument("TrainingJob " + job_id_ + " was built from an ID: call get_job_info()");
  return *info_;
}

namespace {

void require_version(const std::string& job_id, const std::string& version_id) {
  require_id("job_id", job_id);
  if (version_id.empty()) {
    throw_invalid_argument("TrainingJob " + job_id + " has no version_id: build it with one for version calls");
  }
}

}  // namespace

JobInfo TrainingJob::get_job_info() const {
  require_version(job_id_, version_id_);
  ApiCall call = v1_call(session_, "GET", {"training-jobs", job_id_, "versions", version_id_});
  return call_and_decode(session_, call, decode_job_detail);
}

void TrainingJob::update_job_description(const std::string& description) const {
  require_id("job_id", job_id_);
  check_max_length("description", description, 256);
  ApiCall call = v1_call(session_, "PUT", {"training-jobs", job_id_});
  boost::json::object body{{"job_desc", description}};
  call.body = boost::json::serialize(body);
  call_for_status(session_, call);
}

void TrainingJob::delete_job() const {
  require_id("job_id", job_id_);
  std::move(delete_with_retry_rule(session_, v1_call(session_, "DELETE", {"training-jobs", job_id_})))
      .value_or_throw();
}

JobVersionList TrainingJob::get_job_version_info() const {
  require_id("job_id", job_id_);
  ApiCall call = v1_call(session_, "GET", {"training-jobs", job_id_, "versions"});
  // page 0 asks for every version at once (docs/service-quirks.md, V7).
  call.query = {{"per_page", "1000"}, {"page", "0"}};
  JobVersionList list = call_and_decode(session_, call, decode_version_list);
  if (list.job_id.empty()) list.job_id = job_id_;
  for (JobInfo& v : list.versions) {
    if (v.job_id.empty()) v.job_id = job_id_;
  }
  return list;
}

std::vector<TrainingJob> TrainingJob::get_job_version_object_list() const {
  std::vector<TrainingJob> versions;
  for (JobInfo& info : get_job_version_info().versions) versions.emplace_back(session_, std::move(info));
  return versions;
}

void TrainingJob::stop_job_version() const {
  require_version(job_id_, version_id_);
  call_state_action(session_, v1_call(session_, "POST", {"training-jobs", job_id_, "versions", version_id_, "stop"}));
}

void TrainingJob::delete_job_version() const {
  require_version(job_id_, version_id_);
  std::move(delete_with_retry_rule(session_,
                                   v1_call(session_, "DELETE", {"training-jobs", job_id_, "versions", version_id_})))
      .value_or_throw();
}

std::vector<std::string> TrainingJob::get_job_log_file_list() const {
  require_version(job_id_, version_id_);
  ApiCall call = v1_call(session_, "GET", {"training-jobs", job_id_, "versions", version_id_, "log", "file-names"});
  return call_and_decode(session_, call, decode_log_file_list);
}

JobLog TrainingJob::get_job_log(const std::string& log_file, const LogQuery& query) const {
  require_version(job_id_, version_id_);
  require_id("log_file", log_file);
  if (query.lines() < 0 || query.lines() > 500) throw_invalid_argument("lines must be in [0, 500]");
  if (query.order() != "asc" && query.order() != "desc") throw_invalid_argument("order must be \"asc\" or \"desc\"");
  ApiCall call = v1_call(session_, "GET", {"training-jobs", job_id_, "versions", version_id_, "aom-log"});
  call.query = {{"log_file", log_file}, {"lines", std::to_string(query.lines())}, {"order", query.order()}};
  if (!query.base_line().empty()) call.query.emplace_back("base_line", query.base_line());
  return call_and_decode(session_, call, decode_job_log);
}

JobLogRange TrainingJob::get_job_log(const std::string& log_file, std::int64_t start_byte,
                                     std::int64_t offset) const {
  require_version(job_id_, version_id_);
  require_id("log_file", log_file);
  if (start_byte < -1) throw_invalid_argument("start_byte must be >= -1 (-1: the newest bytes)");
  if (offset < -2048 || offset > 2048) throw_invalid_argument("offset must be in [-2048, 2048] bytes");
  ApiCall call = v1_call(session_, "GET", {"training-jobs", job_id_, "versions", version_id_, "log"});
  call.query = {{"log_file", log_file}, {"start_byte", std::to_string(start_byte)}, {"offset", std::to_string(offset)}};
  return call_and_decode(session_, call, decode_job_log_range);
}

Pager<TrainingJob> TrainingJob::list(const Session& session, const ListOptions& options) {
  check_list_options(options, kTrainingJobList);
  auto fetch = [session, options](std::int64_t page) {
    TrainingJobList list = list_page(session, kTrainingJobList, options, static_cast<int>(page), decode_job_list);
    return page_of<TrainingJob>(session, std::move(list));
  };
  return Pager<TrainingJob>(fetch, options.page());
}

}  // namespace modelarts
