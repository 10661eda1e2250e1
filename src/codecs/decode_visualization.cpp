// SPDX-License-Identifier: Apache-2.0
#include <boost/json/serialize.hpp>

#include "codecs/decode.hpp"
#include "codecs/json_fields.hpp"
#include "codecs/reply_shapes.hpp"
#include "resources/request.hpp"

namespace modelarts::detail {
namespace json = boost::json;
namespace {

VisualizationSchedule read_schedule(const json::object& object, const std::string& context) {
  FieldReader f(object, context);
  VisualizationSchedule s;
  s.type = f.text("type");
  s.time_unit = f.text("time_unit");
  // The list example's spelling (docs/service-quirks.md, V4).
  if (s.time_unit.empty()) s.time_unit = f.text("timeUnit");
  s.duration = f.integer("duration");
  return s;
}

/// The create doc says object, the create example sends an array, the list reply shows an array.
std::vector<VisualizationSchedule> read_schedules(const FieldReader& r, const std::string& context) {
  std::vector<VisualizationSchedule> out;
  const json::value* v = r.find("schedule");
  if (!v) return out;
  json::value unwrapped = unwrap_json_string(*v);
  if (unwrapped.is_object()) {
    out.push_back(read_schedule(unwrapped.get_object(), context));
  } else if (unwrapped.is_array()) {
    for (const json::value& item : unwrapped.get_array()) {
      if (item.is_object()) out.push_back(read_schedule(item.get_object(), context));
    }
  }
  return out;
}

VisualizationJobInfo read_visualization(const json::object& object, const std::string& context) {
  FieldReader f(object, context);
  VisualizationJobInfo v;
  v.job_id = f.text("job_id");
  v.job_name = f.text("job_name");
  v.job_desc = f.text("job_desc");
  v.status = f.job_status("status");
  v.create_time = f.integer("create_time");
  v.duration = f.integer("duration");
  v.service_url = f.text("service_url");
  v.train_url = f.text("train_url");
  v.resource_id = f.text("resource_id");
  v.remaining_duration = f.optional_integer("remaining_duration");
  v.schedule = read_schedules(f, context);
  v.raw_json = json::serialize(object);
  return v;
}

}  // namespace

Result<VisualizationJobInfo> decode_visualization_info(const json::value& body, const std::string& context) {
  return decode_resource(body, context, {"job_id"}, read_visualization);
}

Result<VisualizationJobList> decode_visualization_list(const json::value& body, const std::string& context) {
  return decode_list_page<VisualizationJobInfo>(body, context, kJobPage, read_visualization);
}

}  // namespace modelarts::detail
