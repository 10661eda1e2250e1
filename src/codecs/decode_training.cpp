// SPDX-License-Identifier: Apache-2.0
#include <boost/json/serialize.hpp>

#include "codecs/decode.hpp"
#include "codecs/json_fields.hpp"
#include "codecs/reply_shapes.hpp"
#include "resources/request.hpp"

namespace modelarts::detail {
namespace json = boost::json;

JobInfo read_job_info(const json::object& object, const std::string& context) {
  FieldReader r(object, context);
  JobInfo info;
  info.job_id = r.text("job_id");
  info.job_name = r.text("job_name");
  info.job_desc = r.text("job_desc");
  info.version_id = r.text("version_id");
  info.version_name = r.text("version_name");
  info.pre_version_id = r.text("pre_version_id");
  info.status = r.job_status("status");
  info.create_time = r.integer("create_time");
  info.start_time = r.integer("start_time");
  info.duration = r.integer("duration");
  info.version_count = r.integer("version_count");
  read_training_config(r, info);
  info.model_metric_list = r.json_text("model_metric_list");
  info.system_metric_list = r.json_text("system_metric_list");
  info.resource_id = r.text("resource_id");
  info.raw_json = json::serialize(object);
  return info;
}

Result<JobInfo> decode_created_job(const json::value& body, const std::string& context) {
  return decode_resource(body, context, {"job_id", "version_id"}, read_job_info);
}

Result<JobInfo> decode_job_detail(const json::value& body, const std::string& context) {
  return decode_resource(body, context, {"job_id"}, read_job_info);
}

Result<TrainingJobList> decode_job_list(const json::value& body, const std::string& context) {
  return decode_list_page<JobInfo>(body, context, kJobPage, read_job_info);
}

Result<JobVersionList> decode_version_list(const json::value& body, const std::string& context) {
  std::optional<ErrorInfo> error;
  const json::object* object = body_object(body, context, error);
  if (!object) return *error;
  FieldReader r(*object, context);
  JobVersionList list;
  list.job_id = r.text("job_id");
  list.job_name = r.text("job_name");
  list.job_desc = r.text("job_desc");
  list.version_count = r.integer("version_count");
  list.versions = read_rows<JobInfo>(r, "versions", "version_id", [&](const json::object& row) {
    JobInfo info = read_job_info(row, context);
    // Rows of the versions list omit what the enclosing job already says.
    if (info.job_id.empty()) info.job_id = list.job_id;
    if (info.job_name.empty()) info.job_name = list.job_name;
    return info;
  });
  if (!r.ok()) return r.error();
  list.raw_json = json::serialize(*object);
  return list;
}

Result<std::vector<std::string>> decode_log_file_list(const json::value& body, const std::string& context) {
  std::optional<ErrorInfo> error;
  const json::object* object = body_object(body, context, error);
  if (!object) return *error;
  FieldReader r(*object, context);
  std::vector<std::string> files;
  if (const json::array* names = r.required_array("log_file_list")) {
    for (const json::value& name : *names) {
      if (!name.is_string()) return invalid_reply(context, "log_file_list[] item is not a string");
      files.emplace_back(name.get_string());
    }
  }
  if (!r.ok()) return r.error();
  return files;
}

Result<JobLog> decode_job_log(const json::value& body, const std::string& context) {
  std::optional<ErrorInfo> error;
  const json::object* object = body_object(body, context, error);
  if (!object) return *error;
  FieldReader r(*object, context);
  const json::value* content = r.find("content");
  if (content && !content->is_string()) return invalid_reply(context, "field has the wrong type: content");
  JobLog log;
  log.content = r.text("content");
  log.lines = r.integer("lines");
  log.start_line = r.text("start_line");
  log.end_line = r.text("end_line");
  log.raw_json = json::serialize(*object);
  return log;
}

Result<JobLogRange> decode_job_log_range(const json::value& body, const std::string& context) {
  std::optional<ErrorInfo> error;
  const json::object* object = body_object(body, context, error);
  if (!object) return *error;
  FieldReader r(*object, context);
  const json::value* log_text = r.find("log");
  if (log_text && !log_text->is_string()) return invalid_reply(context, "field has the wrong type: log");
  JobLogRange range;
  range.content = r.text("log");
  // The doc names it log_byte_count, its example count; the text itself is the fallback.
  range.log_byte_count = r.find("log_byte_count") ? r.integer("log_byte_count")
                         : r.find("count")        ? r.integer("count")
                                                  : static_cast<std::int64_t>(range.content.size());
  range.end_byte = r.integer("end_byte");
  range.start_byte = range.end_byte - range.log_byte_count;
  if (!r.ok()) return r.error();
  range.raw_json = json::serialize(*object);
  return range;
}

}  // namespace modelarts::detail
