// SPDX-License-Identifier: Apache-2.0
#include <boost/json/serialize.hpp>

#include "codecs/decode.hpp"
#include "codecs/json_fields.hpp"
#include "codecs/reply_shapes.hpp"
#include "resources/request.hpp"

namespace modelarts::detail {
namespace json = boost::json;
namespace {

/// Legacy label replies have no is_success: a body naming an error_code is a failure even on HTTP 2xx.
std::optional<ErrorInfo> label_failure(const json::object& object, const std::string& context, int http_status) {
  FieldReader f(object, context);
  std::string code = f.text("error_code");
  if (code.empty()) return std::nullopt;
  ErrorInfo info;
  info.category = ErrorCategory::api;
  info.api.http_status = http_status;
  info.api.error_code = code;
  info.api.error_msg = f.text("error_msg");
  if (info.api.error_msg.empty()) info.api.error_msg = f.text("error_message");
  std::size_t space = context.find(' ');
  info.api.method = context.substr(0, space);
  info.api.path = space == std::string::npos ? std::string{} : context.substr(space + 1);
  info.api.raw_body = json::serialize(object);
  info.message = ApiError(info.api).what();
  return info;
}

LabelJobInfo read_label_job(const json::object& object, const std::string& context) {
  FieldReader f(object, context);
  LabelJobInfo job;
  job.id = f.text("id");
  if (job.id.empty()) job.id = f.text("job_id");
  job.name = f.text("name");
  job.description = f.text("description");
  job.data_type = f.text("data_type");
  job.path = f.text("path");
  job.filter_name = f.text("filter_name");
  job.type = f.text("type");
  job.create_time = f.text("create_time");
  job.dls_prj_id = f.integer("dls_prj_id");
  job.progress = f.text("progress");
  if (const json::value* detail = f.find("progress_detail")) {
    json::value unwrapped = unwrap_json_string(*detail);
    if (unwrapped.is_object()) {
      FieldReader d(unwrapped.get_object(), context);
      job.progress_detail.total_count = d.integer("total_count");
      job.progress_detail.has_tag_count = d.integer("has_tag_count");
      job.progress_detail.not_tag_count = d.integer("not_tag_count");
    }
  }
  job.raw_json = json::serialize(object);
  return job;
}

}  // namespace

Result<CreatedLabelJob> decode_created_label_job(const json::value& body, const std::string& context,
                                                 int http_status) {
  std::optional<ErrorInfo> error;
  const json::object* object = body_object(body, context, error);
  if (!object) return *error;
  if (auto failure = label_failure(*object, context, http_status)) return *failure;
  FieldReader r(*object, context);
  CreatedLabelJob created;
  created.job_id = r.required_id("job_id");
  if (!r.ok()) return r.error();
  created.dls_prj_id = r.integer("dls_prj_id");
  created.raw_json = json::serialize(*object);
  return created;
}

Result<std::string> decode_label_echo(const json::value& body, const std::string& context, int http_status) {
  std::optional<ErrorInfo> error;
  const json::object* object = body_object(body, context, error);
  if (!object) return *error;
  if (auto failure = label_failure(*object, context, http_status)) return *failure;
  FieldReader r(*object, context);
  std::string job_id = r.required_id("job_id");
  if (!r.ok()) return r.error();
  return job_id;
}

Result<LabelJobList> decode_label_list(const json::value& body, const std::string& context) {
  std::optional<ErrorInfo> error;
  const json::object* object = body_object(body, context, error);
  if (!object) return *error;
  if (auto failure = label_failure(*object, context, 200)) return *failure;
  return decode_list_page<LabelJobInfo>(body, context, kLabelJobPage, read_label_job);
}

Result<ValidationInfo> decode_validation(const json::value& body, const std::string& context) {
  std::optional<ErrorInfo> error;
  const json::object* object = body_object(body, context, error);
  if (!object) return *error;
  if (auto failure = label_failure(*object, context, 200)) return *failure;
  FieldReader r(*object, context);
  ValidationInfo info;
  info.image_count = r.integer("image_count");
  info.last_pass_rate = r.number("last_pass_rate");
  info.last_validation_time = r.text("last_validation_time");
  if (r.find("images")) {
    info.images = read_rows<ValidationImage>(r, "images", "", [&](const json::object& row) {
      FieldReader f(row, context);
      ValidationImage image{f.text("image_id"), f.text("url"), {}};
      if (const json::value* tags = f.find("tags"); tags && tags->is_array()) {
        for (const json::value& tag : tags->get_array()) {
          image.tags.push_back(tag.is_string() ? std::string(tag.get_string()) : json::serialize(tag));
        }
      }
      return image;
    });
  }
  if (!r.ok()) return r.error();
  info.raw_json = json::serialize(*object);
  return info;
}

}  // namespace modelarts::detail
