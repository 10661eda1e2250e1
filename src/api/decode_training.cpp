#include <boost/json/serialize.hpp>

#include "api/decode.hpp"
#include "api/json_fields.hpp"
#include "api/reply_shapes.hpp"
#include "api/request.hpp"

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
  info.status = r.small_int("status");
  info.create_time = r.integer("create_time");
  info.start_time = r.integer("start_time");
  info.duration = r.integer("duration");
  info.version_count = r.integer("version_count");
  info.engine_type = r.integer("engine_type");
  info.engine_id = r.integer("engine_id");
  info.engine_name = r.text("engine_name");
  info.engine_version = r.text("engine_version");
  info.app_url = r.text("app_url");
  info.boot_file_url = r.text("boot_file_url");
  info.parameter = r.parameters("parameter");
  info.spec_id = r.integer("spec_id");
  info.spec_code = r.text("spec_code");
  info.core = r.text("core");
  info.cpu = r.text("cpu");
  info.gpu_num = r.integer("gpu_num");
  info.gpu_type = r.text("gpu_type");
  info.worker_server_num = r.integer("worker_server_num");
  info.data_url = r.text("data_url");
  info.train_url = r.text("train_url");
  info.log_url = r.text("log_url");
  info.dataset_id = r.text("dataset_id");
  info.dataset_version_id = r.text("dataset_version_id");
  info.dataset_name = r.text("dataset_name");
  info.dataset_version_name = r.text("dataset_version_name");
  info.data_source = r.data_sources("data_source");
  info.model_id = r.integer("model_id");
  info.model_metric_list = r.json_text("model_metric_list");
  info.system_metric_list = r.json_text("system_metric_list");
  info.user_image_url = r.text("user_image_url");
  info.user_command = r.text("user_command");
  info.resource_id = r.text("resource_id");
  info.pool_id = r.text("pool_id");
  info.pool_name = r.text("pool_name");
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
  return decode_job_page<TrainingJobList>(body, context, read_job_info);
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
