// SPDX-License-Identifier: Apache-2.0
#include "v2/decode.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "codecs/json_fields.hpp"

namespace modelarts::v2::detail {
namespace json = boost::json;
using modelarts::detail::ErrorInfo;
using modelarts::detail::FieldReader;
using modelarts::detail::invalid_reply;
using modelarts::detail::lenient_double;
using modelarts::detail::lenient_text;
using modelarts::detail::unwrap_json_string;

namespace {

/// The object at `key` (also a JSON-encoded string holding one), or an empty object.
json::object object_at(const json::object& parent, std::string_view key) {
  const json::value* v = parent.if_contains(key);
  if (v == nullptr) return {};
  json::value unwrapped = unwrap_json_string(*v);
  return unwrapped.is_object() ? unwrapped.get_object() : json::object{};
}

/// Each object item of the array at `key` (non-objects skipped, docs/service-quirks.md, Q17).
template <class F>
void for_each_object(const json::object& parent, std::string_view key, F f) {
  const json::value* v = parent.if_contains(key);
  if (v == nullptr) return;
  json::value unwrapped = unwrap_json_string(*v);
  if (!unwrapped.is_array()) return;
  for (const json::value& item : unwrapped.get_array())
    if (item.is_object()) f(item.get_object());
}

std::vector<std::string> texts_at(const json::object& parent, std::string_view key) {
  std::vector<std::string> out;
  const json::value* v = parent.if_contains(key);
  if (v == nullptr || !v->is_array()) return out;
  for (const json::value& item : v->get_array())
    if (auto text = lenient_text(item)) out.push_back(std::move(*text));
  return out;
}

/// A string map from an object, or from an array of {key: value} objects (docs/service-quirks.md, Q14).
std::map<std::string, std::string> string_map(const json::object& parent, std::string_view key) {
  std::map<std::string, std::string> out;
  const json::value* v = parent.if_contains(key);
  if (v == nullptr) return out;
  auto add = [&out](const json::object& object) {
    for (const auto& item : object)
      if (auto text = lenient_text(item.value())) out[std::string(item.key())] = std::move(*text);
  };
  if (v->is_object()) add(v->get_object());
  if (v->is_array())
    for (const json::value& item : v->get_array())
      if (item.is_object()) add(item.get_object());
  return out;
}

std::string obs_url_of(const json::object& data) {
  return FieldReader(object_at(object_at(data, "remote"), "obs"), "").text("obs_url");
}

Algorithm read_algorithm(const json::object& o, const std::string& context) {
  FieldReader r(o, context);
  Algorithm a;
  a.id = r.text("id");
  a.name = r.text("name");
  a.code_dir = r.text("code_dir");
  a.boot_file = r.text("boot_file");
  a.command = r.text("command");
  a.working_dir = r.text("working_dir");
  a.local_code_dir = r.text("local_code_dir");
  for_each_object(o, "parameters", [&](const json::object& p) {
    FieldReader pr(p, context);
    a.parameters.push_back(Parameter{pr.text("name"), pr.text("value")});
  });
  for_each_object(o, "inputs", [&](const json::object& in) {
    FieldReader ir(in, context);
    a.inputs.push_back(InputData{obs_url_of(in), ir.text("name"), ir.text("local_dir")});
  });
  for_each_object(o, "outputs", [&](const json::object& out) {
    FieldReader orr(out, context);
    a.outputs.push_back(OutputData{obs_url_of(out), orr.text("name"), orr.text("local_dir")});
  });
  json::object engine = object_at(o, "engine");
  FieldReader er(engine, context);
  a.engine = EngineRef{er.text("engine_id"), er.text("engine_name"), er.text("engine_version"),
                       er.text("image_url"), er.boolean("v1_compatible"), er.text("run_user")};
  a.environments = string_map(o, "environments");
  return a;
}

TrainingJobInfo read_job(const json::object& o, const std::string& context) {
  TrainingJobInfo info;
  info.raw_json = json::serialize(o);
  FieldReader top(o, context);
  info.kind = top.text("kind");

  json::object metadata = object_at(o, "metadata");
  FieldReader m(metadata, context);
  info.metadata.id = m.text("id");
  info.metadata.name = m.text("name");
  info.metadata.description = m.text("description");
  info.metadata.workspace_id = m.text("workspace_id");
  info.metadata.user_name = m.text("user_name");
  info.metadata.create_time = m.integer("create_time");
  info.metadata.annotations = string_map(metadata, "annotations");

  json::object status = object_at(o, "status");
  FieldReader s(status, context);
  info.status.phase_text = s.text("phase");
  info.status.phase = phase_from_string(info.status.phase_text);
  info.status.secondary_phase = s.text("secondary_phase");
  info.status.duration = s.integer("duration");
  info.status.start_time = s.integer("start_time");
  info.status.tasks = texts_at(status, "tasks");
  for_each_object(status, "task_statuses", [&](const json::object& t) {
    FieldReader tr(t, context);
    info.status.task_statuses.push_back(TaskStatus{tr.text("task"), tr.small_int("exit_code"), tr.text("message")});
  });

  info.algorithm = read_algorithm(object_at(o, "algorithm"), context);

  json::object spec = object_at(o, "spec");
  json::object resource = object_at(spec, "resource");
  FieldReader rr(resource, context);
  info.spec.flavor_id = rr.text("flavor_id");
  info.spec.flavor_name = rr.text("flavor_name");
  info.spec.pool_id = rr.text("pool_id");
  info.spec.node_count = rr.small_int("node_count");
  info.spec.log_export_path = FieldReader(object_at(spec, "log_export_path"), context).text("obs_url");
  return info;
}

const json::object* body_object(const json::value& body, const std::string& context, std::optional<ErrorInfo>& error) {
  if (body.is_object()) return &body.get_object();
  error = invalid_reply(context, body.is_null() ? "empty body" : "body is not a JSON object");
  return nullptr;
}

}  // namespace

Result<TrainingJobInfo> decode_job(const json::value& body, const std::string& context) {
  std::optional<ErrorInfo> error;
  const json::object* o = body_object(body, context, error);
  if (!o) return *error;
  TrainingJobInfo info = read_job(*o, context);
  if (info.metadata.id.empty()) return invalid_reply(context, "missing field: metadata.id");
  return info;
}

Result<TrainingJobList> decode_job_list(const json::value& body, const std::string& context) {
  std::optional<ErrorInfo> error;
  const json::object* o = body_object(body, context, error);
  if (!o) return *error;
  FieldReader r(*o, context);
  TrainingJobList list;
  list.total = r.integer("total");
  list.count = r.integer("count");
  list.limit = r.integer("limit");
  list.offset = r.integer("offset");
  list.sort_by = r.text("sort_by");
  list.order = r.text("order");
  list.group_by = r.text("group_by");
  list.workspace_id = r.text("workspace_id");
  list.ai_project = r.text("ai_project");
  const json::array* items = r.required_array("items");
  if (!items) return r.error();
  for (const json::value& item : *items) {
    if (!item.is_object()) return invalid_reply(context, "items[] item is not an object");
    TrainingJobInfo job = read_job(item.get_object(), context);
    if (job.metadata.id.empty()) return invalid_reply(context, "items[] item without metadata.id");
    list.items.push_back(std::move(job));
  }
  return list;
}

Result<LogPreview> decode_log_preview(int http_status, const json::value& body, const std::string& context) {
  LogPreview preview;
  if (http_status == 204 || body.is_null()) return preview;  // docs/service-quirks.md, Q5: any 204 is "not ready"
  std::optional<ErrorInfo> error;
  const json::object* o = body_object(body, context, error);
  if (!o) return *error;
  FieldReader r(*o, context);
  preview.ready = true;
  // Before 2022-03 (docs/service-quirks.md, Q11).
  preview.content = o->contains("content") ? r.text("content") : r.text("context");
  preview.current_size = r.integer("current_size", static_cast<std::int64_t>(preview.content.size()));
  preview.full_size = r.integer("full_size", preview.current_size);
  if (preview.current_size < 0 || preview.full_size < preview.current_size) {
    return invalid_reply(context, "current_size/full_size out of range");
  }
  return preview;
}

Result<std::string> decode_log_url(const json::value& body, const std::string& context) {
  std::optional<ErrorInfo> error;
  const json::object* o = body_object(body, context, error);
  if (!o) return *error;
  std::string url = FieldReader(*o, context).text("obs_url");
  if (url.empty()) return invalid_reply(context, "missing field: obs_url");
  return url;
}

Result<Metrics> decode_metrics(int http_status, const json::value& body, const std::string& context) {
  Metrics metrics;
  if (http_status == 204 || body.is_null()) return metrics;
  std::optional<ErrorInfo> error;
  const json::object* o = body_object(body, context, error);
  if (!o) return *error;
  metrics.ready = true;
  for_each_object(*o, "metrics", [&](const json::object& m) {
    Metric metric;
    metric.metric = FieldReader(m, context).text("metric");
    if (const json::value* values = m.if_contains("value"); values && values->is_array()) {
      for (const json::value& v : values->get_array()) metric.value.push_back(lenient_double(v).value_or(-1.0));
    }
    metrics.metrics.push_back(std::move(metric));
  });
  return metrics;
}

Result<EventList> decode_events(const json::value& body, const std::string& context) {
  std::optional<ErrorInfo> error;
  const json::object* o = body_object(body, context, error);
  if (!o) return *error;
  FieldReader r(*o, context);
  EventList list;
  list.total = r.integer("total");  // Integer or numeric string (docs/service-quirks.md, Q13)
  list.limit = r.integer("limit");
  list.offset = r.integer("offset");
  list.order = r.text("order");
  list.start_time = r.text("start_time");
  list.end_time = r.text("end_time");
  for_each_object(*o, "events", [&](const json::object& e) {
    FieldReader er(e, context);
    list.events.push_back(Event{er.text("time"), er.text("level"), er.text("message"), er.text("source")});
  });
  return list;
}

Result<std::vector<FlavorInfo>> decode_flavors(const json::value& body, const std::string& context) {
  std::optional<ErrorInfo> error;
  const json::object* o = body_object(body, context, error);
  if (!o) return *error;
  FieldReader r(*o, context);
  if (!r.required_array("flavors")) return r.error();
  std::vector<FlavorInfo> flavors;
  for_each_object(*o, "flavors", [&](const json::object& f) {
    FieldReader fr(f, context);
    json::object info = object_at(f, "flavor_info");
    FieldReader ir(info, context);
    json::object cpu = object_at(info, "cpu"), gpu = object_at(info, "gpu"), memory = object_at(info, "memory"),
                 disk = object_at(info, "disk");
    FlavorInfo flavor;
    flavor.flavor_id = fr.text("flavor_id");
    flavor.flavor_name = fr.text("flavor_name");
    flavor.flavor_type = fr.text("flavor_type");
    flavor.max_num = fr.small_int("max_num", ir.small_int("max_num"));  // on two levels (docs/service-quirks.md, Q17)
    flavor.cpu_arch = FieldReader(cpu, context).text("arch");
    flavor.cpu_core_num = FieldReader(cpu, context).small_int("core_num");
    flavor.gpu_unit_num = FieldReader(gpu, context).small_int("unit_num");
    flavor.gpu_product_name = FieldReader(gpu, context).text("product_name");
    flavor.memory_size = FieldReader(memory, context).integer("size");
    flavor.memory_unit = FieldReader(memory, context).text("unit");
    flavor.disk_size = FieldReader(disk, context).integer("size");
    flavor.disk_unit = FieldReader(disk, context).text("unit");
    flavor.raw_json = json::serialize(f);
    if (!flavor.flavor_id.empty()) flavors.push_back(std::move(flavor));
  });
  return flavors;
}

Result<std::vector<EngineInfo>> decode_engines(const json::value& body, const std::string& context) {
  std::optional<ErrorInfo> error;
  const json::object* o = body_object(body, context, error);
  if (!o) return *error;
  FieldReader r(*o, context);
  if (!r.required_array("items")) return r.error();
  std::vector<EngineInfo> engines;
  for_each_object(*o, "items", [&](const json::object& e) {
    FieldReader er(e, context);
    json::object image = object_at(e, "image_info");
    FieldReader ir(image, context);
    EngineInfo engine{er.text("engine_id"), er.text("engine_name"), er.text("engine_version"),
                      er.boolean("v1_compatible"), er.text("run_user"), ir.text("cpu_image_url"),
                      ir.text("gpu_image_url"), ir.text("image_version"), json::serialize(e)};
    if (!engine.engine_name.empty() || !engine.engine_id.empty()) engines.push_back(std::move(engine));
  });
  return engines;
}

}  // namespace modelarts::v2::detail
