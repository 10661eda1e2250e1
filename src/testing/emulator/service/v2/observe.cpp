// SPDX-License-Identifier: Apache-2.0
// What a job shows while it runs: tasks, the log preview and its OBS link, metrics and events
// (ModelArts API Reference, "Training Management"; docs/service-quirks.md, Q5, Q10-Q13).
#include <algorithm>
#include <cstdio>
#include <ctime>

#include "testing/emulator/service/reply.hpp"
#include "handlers.hpp"
#include "job_object.hpp"
#include "obs_link.hpp"
#include "reply.hpp"

namespace modelarts::testing::detail::service::v2 {
namespace {

constexpr std::int64_t kLineEvery = 500;  // job-time ms per log line while running

const Job* find(RequestContext& ctx, const std::string& id) {
  auto it = ctx.state.v2_training_jobs.by_id.find(id);
  return it == ctx.state.v2_training_jobs.by_id.end() ? nullptr : &it->second;
}

bool has_task(const Job& job, const std::string& task) {
  const auto names = task_names(job);
  return std::find(names.begin(), names.end(), task) != names.end();
}

/// The whole log of `task` as it stands: a line per half second of running, and how it ended.
std::string log_text(const std::string& task, const View& v) {
  std::string text = "[" + task + "] ModelArts training task started\n";
  const std::int64_t steps = v.run_ms / kLineEvery;
  char line[96];
  for (std::int64_t n = 1; n <= steps; ++n) {
    std::snprintf(line, sizeof line, "[%s] step %06lld loss %.4f\n", task.c_str(), static_cast<long long>(n),
                  1.0 / static_cast<double>(n + 1));
    text += line;
  }
  if (v.phase == Phase::completed) text += "[" + task + "] Training finished. Exit code 0.\n";
  if (v.phase == Phase::failed) text += "[" + task + "] Training finished. Exit code 1.\n";
  if (v.phase == Phase::terminating || v.phase == Phase::terminated) text += "[" + task + "] Training terminated.\n";
  return text;
}

/// ISO-8601 with the +08:00 offset the documented examples use (docs/service-quirks.md, Q13).
std::string iso_time(std::int64_t wall_ms) {
  const std::time_t seconds = static_cast<std::time_t>(wall_ms / 1000 + 8 * 3600);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[40];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S+08:00", &tm);
  return text;
}

ServiceResponse bad_request() { return ok(400, json::object{{"error_code", "ModelArts.50004000"}, {"error_msg", "Bad request."}}); }

std::optional<std::string> query(const RequestContext& ctx, const char* key) {
  for (const auto& [k, v] : ctx.request.query)
    if (k == key) return v;
  return std::nullopt;
}

std::optional<std::int64_t> number(const std::string& text) {
  if (text.empty() || text.size() > 18 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return std::stoll(text);
}

bool iequals(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

void export_logs(RequestContext& ctx, const Job& job, const View& v) {
  if (!v.ran) return;
  for (const std::string& task : task_names(job)) {
    const std::optional<ObsLocation> object = exported_log(ctx, job.spec, job.id, task);
    if (!object) return;
    std::string text = log_text(task, v);
    if (ctx.config.obs->object_data(object->bucket, object->key) != text)
      ctx.config.obs->put_object(object->bucket, object->key, std::move(text), "text/plain");
  }
}

ServiceResponse list_tasks(RequestContext& ctx, const std::string& id) {
  const Job* job = find(ctx, id);
  if (job == nullptr) return error(not_found(id));
  json::array tasks;
  const auto count = query(ctx, "schedule_count");
  if (count && !number(*count)) return error(Failure{"ModelArts.2764", "Invalid query parameter schedule_count."});
  if (!count || *number(*count) == 1) {
    int i = 10;
    for (const std::string& name : task_names(*job)) {
      tasks.push_back(json::object{{"task", name},
                                   {"ip", "192.168.0." + std::to_string(i)},
                                   {"host_ip", "10.0.0." + std::to_string(i)},
                                   {"schedule_count", 1}});
      ++i;
    }
  }
  return ok(200, tasks);  // a bare array (UnionSDK's ListTrainingJobTasks)
}

ServiceResponse log_preview(RequestContext& ctx, const std::string& id, const std::string& task) {
  const Job* job = find(ctx, id);
  if (job == nullptr) return error(not_found(id));
  if (!has_task(*job, task)) return error(invalid_param("no task " + printable(task) + " in this job"));
  const View v = view_of(*job, ctx.now_ms, ctx.config.time_scale);
  // ModelArts.2776 NotReadyToFetchLog: a 204 carries no body (docs/service-quirks.md, Q5).
  if (!v.ran) return no_content();
  export_logs(ctx, *job, v);
  const std::string full = log_text(task, v);
  const auto window = static_cast<std::size_t>(std::max<std::int64_t>(1, ctx.config.v2_log_window));
  std::string content = full.size() > window ? full.substr(full.size() - window) : full;
  return ok(200, json::object{{"content", content},
                              {"current_size", static_cast<std::int64_t>(content.size())},
                              {"full_size", static_cast<std::int64_t>(full.size())}});
}

ServiceResponse log_url(RequestContext& ctx, const std::string& id, const std::string& task) {
  const Job* job = find(ctx, id);
  if (job == nullptr) return error(not_found(id));
  if (!has_task(*job, task)) return error(invalid_param("no task " + printable(task) + " in this job"));
  std::string export_path;
  if (const json::value* log = job->spec.if_contains("log_export_path"))
    if (const json::value* url = log->as_object().if_contains("obs_url"); url && url->is_string())
      export_path = std::string(url->as_string());
  if (export_path.empty())
    return error(Failure{"ModelArts.2822", "The log export path of the training job is not set."});
  const View v = view_of(*job, ctx.now_ms, ctx.config.time_scale);
  if (!v.ran) return error(Failure{"ModelArts.2818", "The log of the training job has not been generated."});
  if (const std::optional<ObsLocation> object = exported_log(ctx, job->spec, id, task)) {
    // In the emulator's OBS: the object is written now and the link, valid 5 minutes, is served here.
    export_logs(ctx, *job, v);
    return ok(200, json::object{{"obs_url", ctx.config.obs->presigned_get_url(object->bucket, object->key, 300)}});
  }
  // Both documented path forms: obs://bucket/prefix/ and /bucket/prefix/.
  std::string path = export_path.rfind("obs://", 0) == 0 ? export_path.substr(6) : export_path.substr(1);
  if (!path.empty() && path.back() != '/') path += '/';
  const std::string bucket = path.substr(0, path.find('/'));
  const std::string prefix = path.substr(std::min(path.size(), bucket.size() + 1));
  // The object the export would write (ModelArts API Reference, "Training Management"); the host is a reserved .invalid
  // name: the emulator's OBS subset, not this link, is where such objects can be read.
  const std::string url = "https://" + bucket + ".obs.emulator.invalid/" + prefix + "modelarts-job-" + id + "-" + task +
                          ".log?AWSAccessKeyId=EMULATOR&Expires=" + std::to_string(ctx.now_ms / 1000 + 300) +
                          "&Signature=emulator";
  return ok(200, json::object{{"obs_url", url}});
}

ServiceResponse metrics(RequestContext& ctx, const std::string& id, const std::string& task) {
  const Job* job = find(ctx, id);
  if (job == nullptr) return error(not_found(id));
  if (!has_task(*job, task)) return error(invalid_param("no task " + printable(task) + " in this job"));
  const View v = view_of(*job, ctx.now_ms, ctx.config.time_scale);
  if (!v.ran) return no_content();  // ModelArts.2777 NotReadyToFetchMetric
  const std::int64_t samples = std::max<std::int64_t>(1, (v.run_ms + 59'999) / 60'000);  // one a minute
  json::array cpu, memory, none;
  for (std::int64_t i = 0; i < samples; ++i) {
    cpu.emplace_back(40.0 + static_cast<double>(i % 10));
    memory.emplace_back(12.5);
    none.emplace_back(-1);  // -1: no sample (CPU flavors have no GPU)
  }
  return ok(200, json::object{{"metrics", json::array{json::object{{"metric", "cpuUsage"}, {"value", cpu}},
                                                      json::object{{"metric", "memUsage"}, {"value", memory}},
                                                      json::object{{"metric", "gpuUtil"}, {"value", none}},
                                                      json::object{{"metric", "gpuMemUsage"}, {"value", none}}}}});
}

ServiceResponse events(RequestContext& ctx, const std::string& id) {
  const Job* job = find(ctx, id);
  if (job == nullptr) return error(not_found(id));
  std::int64_t offset = 0, limit = 50;
  if (auto o = query(ctx, "offset")) {
    auto n = number(*o);
    if (!n) return bad_request();
    offset = *n;
  }
  if (auto l = query(ctx, "limit")) {
    auto n = number(*l);
    if (!n || *n < 1 || *n > 100) return bad_request();
    limit = *n;
  }
  const std::string order = query(ctx, "order").value_or("asc");
  if (order != "asc" && order != "desc") return bad_request();
  const auto start = query(ctx, "start_time"), end = query(ctx, "end_time");
  if (start.has_value() != end.has_value()) return bad_request();
  std::optional<std::int64_t> from, to;
  if (start) {
    from = number(*start);
    to = number(*end);
    if (!from || !to) return bad_request();
  }
  const std::string level = query(ctx, "level").value_or("");
  if (!level.empty() && level != "Info" && level != "Warning" && level != "Error") return bad_request();
  const std::string pattern = query(ctx, "pattern").value_or("");
  if (pattern.size() > 256) return bad_request();
  const std::string source = query(ctx, "source").value_or("");

  struct Happening {
    std::int64_t at;
    const char* level;
    std::string message;
    const char* source;
  };
  const View v = view_of(*job, ctx.now_ms, ctx.config.time_scale);
  std::vector<Happening> all{{0, "Info", "Training job created.", "Job"}};
  if (v.pending_at >= 0) all.push_back({v.pending_at, "Info", "Training job is queuing.", "Job"});
  if (v.running_at >= 0) {
    all.push_back({v.running_at, "Info", "Pod scheduled on node 10.0.0.10.", "K8S"});
    all.push_back({v.running_at, "Info", "Training started.", "Task"});
  }
  if (v.abnormal_at >= 0) all.push_back({v.abnormal_at, "Error", "Creating the training job failed.", "Job"});
  if (v.ended_at >= 0 && (v.phase == Phase::completed || v.phase == Phase::failed)) {
    const bool failed = v.phase == Phase::failed;
    all.push_back({v.ended_at, failed ? "Error" : "Info",
                   std::string("Training finished. Exit code ") + (failed ? "1." : "0."), "Task"});
    all.push_back({v.ended_at, failed ? "Error" : "Info", failed ? "Training job failed." : "Training job completed.", "Job"});
  }
  if (v.terminating_at >= 0) all.push_back({v.terminating_at, "Info", "Training job is being terminated.", "Job"});
  if (v.terminated_at >= 0) all.push_back({v.terminated_at, "Info", "Training job terminated.", "Job"});

  json::array selected;
  std::vector<json::object> matching;
  for (const Happening& h : all) {
    const std::int64_t wall = wall_at(*job, h.at, ctx.config.time_scale);
    if (from && (wall < *from || wall > *to)) continue;
    if (!level.empty() && level != h.level) continue;
    if (!pattern.empty() && h.message.find(pattern) == std::string::npos) continue;
    if (!source.empty() && !iequals(source, h.source)) continue;  // K8s vs K8S (docs/service-quirks.md, Q13)
    matching.push_back(json::object{{"time", iso_time(wall)}, {"level", h.level}, {"message", h.message}, {"source", h.source}});
  }
  if (order == "desc") std::reverse(matching.begin(), matching.end());
  for (std::size_t i = static_cast<std::size_t>(std::min<std::int64_t>(offset, static_cast<std::int64_t>(matching.size())));
       i < matching.size() && selected.size() < static_cast<std::size_t>(limit); ++i)
    selected.push_back(matching[i]);
  return ok(200, json::object{{"total", static_cast<std::int64_t>(matching.size())},
                              {"limit", limit},
                              {"offset", offset},
                              {"order", order},
                              {"start_time", from ? iso_time(*from) : ""},
                              {"end_time", to ? iso_time(*to) : ""},
                              {"events", std::move(selected)}});
}

}  // namespace modelarts::testing::detail::service::v2
