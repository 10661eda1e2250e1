// SPDX-License-Identifier: Apache-2.0
#include <modelarts/label_api.hpp>

#include <cmath>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "codecs/decode.hpp"
#include "resources/request.hpp"
#include "resources/validate.hpp"
#include "detail/create_recovery.hpp"
#include "detail/time_text.hpp"

namespace modelarts {
using namespace detail;
namespace json = boost::json;

namespace {

ApiCall label_call(const std::string& project_id, std::string method, std::vector<std::string> tail) {
  require_id("project_id", project_id);
  ApiCall call = v1_call_in(project_id, std::move(method), std::move(tail));
  call.envelope = Envelope::plain;  // legacy label replies carry no is_success
  return call;
}

std::string echo_of(const Result<ApiResponse>& result) {
  if (!result.ok()) throw_error(result.error());
  return decode_label_echo(result.value().json, result.value().context, result.value().status).value_or_throw();
}

}  // namespace

LabelApi::LabelApi(Session session) : session_(std::move(session)) {}

CreatedLabelJob LabelApi::create_label_job(const std::string& project_id, const CreateLabelRequest& request) const {
  require_id("name", request.name);
  check_max_length("name", request.name, 64);
  check_max_length("description", request.description, 256);
  if (request.data_type != "OBS" && request.data_type != "filter job") {
    throw_invalid_argument("data_type must be \"OBS\" or \"filter job\"");
  }
  if (request.data_type == "OBS" && request.path.empty()) throw_invalid_argument("path is required for data_type OBS");
  if (request.data_type == "filter job" && request.filter_id.empty()) {
    throw_invalid_argument("filter_id is required for data_type \"filter job\"");
  }
  require_id("type", request.type);
  json::object body{{"name", request.name}, {"data_type", request.data_type}, {"type", request.type}};
  if (!request.description.empty()) body["description"] = request.description;
  if (!request.path.empty()) body["path"] = request.path;
  if (!request.filter_id.empty()) body["filter_id"] = request.filter_id;
  ApiCall call = label_call(project_id, "POST", {"annotation-jobs"});
  call.body = json::serialize(body);
  std::optional<std::chrono::system_clock::time_point> found_created;  // the row's create_time, when readable
  CreateRecovery<CreatedLabelJob> recovery;
  recovery.find_by_name = [&]() -> Result<std::optional<CreatedLabelJob>> {
    ApiCall find = label_call(project_id, "GET", {"annotation-jobs"});
    find.query = {{"offset", "0"}, {"limit", "1000"}, {"search_content", request.name}};
    Result<ApiResponse> got = try_call(session_, find);
    if (!got) return got.error();
    auto list = decode_label_list(got.value().json, got.value().context);
    if (!list) return list.error();
    for (const LabelJobInfo& job : list.value().items) {
      if (job.name != request.name) continue;
      // Only a job with what this call sent can be ours.
      if (job.description != request.description || job.data_type != request.data_type ||
          (!job.path.empty() && job.path != request.path) || job.type != request.type) {
        break;
      }
      found_created = parse_iso8601_utc(job.create_time);
      return std::optional(CreatedLabelJob{job.id, job.dls_prj_id, job.raw_json});
    }
    return std::optional<CreatedLabelJob>();
  };
  recovery.matches = [&](const CreatedLabelJob&, std::chrono::system_clock::time_point not_before) {
    return found_created && *found_created >= not_before;
  };
  const std::function<Result<CreatedLabelJob>(const ApiResponse&)> decode = [](const ApiResponse& response) {
    return decode_created_label_job(response.json, response.context, response.status);
  };
  return create_with_recovery(session_, call, decode, recovery).value_or_throw();
}

LabelJobList LabelApi::query_label_jobs(const std::string& project_id, const LabelJobQuery& query) const {
  if (query.offset() < 0) throw_invalid_argument("offset (a page number) must not be negative");
  if (query.limit() < 1 || query.limit() > 1000) throw_invalid_argument("limit must be in [1, 1000]");
  if (!query.order().empty() && query.order() != "asc" && query.order() != "desc") {
    throw_invalid_argument("order must be \"asc\" or \"desc\"");
  }
  check_max_length("search_content", query.search_content(), 100);
  ApiCall call = label_call(project_id, "GET", {"annotation-jobs"});
  call.query = {{"offset", std::to_string(query.offset())}, {"limit", std::to_string(query.limit())}};
  if (!query.sort_by().empty()) call.query.emplace_back("sort_by", query.sort_by());
  if (!query.order().empty()) call.query.emplace_back("order", query.order());
  if (!query.search_content().empty()) call.query.emplace_back("search_content", query.search_content());
  return call_and_decode(session_, call, decode_label_list);
}

std::string LabelApi::mod_label_job(const std::string& project_id, const std::string& job_id,
                                    const ModLabelRequest& request) const {
  require_id("job_id", job_id);
  require_id("name", request.name);
  check_max_length("description", request.description, 256);
  ApiCall call = label_call(project_id, "PUT", {"annotation-jobs", job_id});
  json::object body{{"name", request.name}};
  if (!request.description.empty()) body["description"] = request.description;
  call.body = json::serialize(body);
  return echo_of(try_call(session_, call));
}

std::string LabelApi::delete_label_job(const std::string& project_id, const std::string& job_id) const {
  require_id("job_id", job_id);
  ApiCall call = label_call(project_id, "DELETE", {"annotation-jobs", job_id});
  Result<ApiResponse> result = delete_with_retry_rule(session_, call);
  // Deleted by an earlier attempt whose answer was lost (delete_with_retry_rule): no echo to read.
  if (result.ok() && result.value().attempts.earlier_may_have_applied() && result.value().json.is_null()) return job_id;
  return echo_of(result);
}

std::string LabelApi::save_validation(const std::string& project_id, const std::string& job_id,
                                      const SaveValidationRequest& request) const {
  require_id("job_id", job_id);
  if (!(request.pass_rate >= 0.0 && request.pass_rate <= 100.0)) {
    throw_invalid_argument("pass_rate must be in [0.00, 100.00]");
  }
  ApiCall call = label_call(project_id, "POST", {"annotation-jobs", job_id, "validation"});
  // Two decimals, as the service documents.
  call.body = json::serialize(json::object{{"pass_rate", std::round(request.pass_rate * 100.0) / 100.0}});
  call.resendable = true;  // saving the same pass rate twice has the effect of saving it once
  return echo_of(try_call(session_, call));
}

ValidationInfo LabelApi::query_validation(const std::string& project_id, const std::string& job_id) const {
  require_id("job_id", job_id);
  return call_and_decode(session_, label_call(project_id, "GET", {"annotation-jobs", job_id, "validation"}),
                         decode_validation);
}

}  // namespace modelarts
