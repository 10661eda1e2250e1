// SPDX-License-Identifier: Apache-2.0
// `modelarts job ...`: new-version (v2) training jobs (/v2/{project_id}/training-jobs, Python estimatorV2),
// verbs named like Huawei's ma-cli `ma-job`. `training-job` stays the old-version (v1) API.
#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

#include <modelarts/v2.hpp>

#include "formatting.hpp"
#include "groups.hpp"
#include "job_submit.hpp"
#include "json_output.hpp"
#include "list_flags.hpp"
#include "list_output.hpp"
#include "options.hpp"
#include "progress_line.hpp"
#include "table.hpp"
#include "terminal_text.hpp"
#include "training_version_ops.hpp"
#include "usage_error.hpp"

namespace modelarts::cli {

namespace {

using std::chrono::milliseconds;

v2::TrainingJob job_from_arg(Invocation& invocation) { return v2::TrainingJob(invocation.session(), invocation.arg(0)); }
std::string task_of(const Invocation& invocation) { return invocation.get_or<std::string>("task", "worker-0"); }

std::string phase_text(const v2::TrainingJobInfo& info) {
  return info.status.phase_text.empty() ? v2::to_string(info.status.phase) : info.status.phase_text;
}

std::string engine_text(const v2::Algorithm& a) {
  if (!a.engine.image_url.empty()) return a.engine.image_url;
  return a.engine.engine_name + (a.engine.engine_version.empty() ? "" : " " + a.engine.engine_version);
}

template <class Item>
std::string data_text(const std::vector<Item>& items) {
  std::string text;
  for (const Item& item : items) text += (text.empty() ? "" : " ") + item.name + '=' + item.obs_path;
  return text;
}

Fields job_fields(const v2::TrainingJobInfo& info) {
  std::string parameters;
  for (const auto& p : info.algorithm.parameters) parameters += (parameters.empty() ? "" : " ") + p.name + '=' + p.value;
  std::string tasks;
  for (const auto& task : info.status.tasks) tasks += (tasks.empty() ? "" : " ") + task;
  return {
      {"id", info.metadata.id},
      {"name", info.metadata.name},
      {"description", info.metadata.description},
      {"phase", phase_text(info) + (info.status.secondary_phase.empty() ? "" : " (" + info.status.secondary_phase + ")")},
      {"create_time", format_time_ms(info.metadata.create_time)},
      {"start_time", format_time_ms(info.status.start_time)},
      {"duration", format_duration_ms(info.status.duration)},
      {"tasks", tasks},
      {"algorithm_id", info.algorithm.id},
      {"engine", engine_text(info.algorithm)},
      {"code_dir", info.algorithm.code_dir},
      {"boot_file", info.algorithm.boot_file},
      {"command", info.algorithm.command},
      {"parameters", parameters},
      {"inputs", data_text(info.algorithm.inputs)},
      {"outputs", data_text(info.algorithm.outputs)},
      {"flavor", info.spec.flavor_id},
      {"node_count", format_number(info.spec.node_count)},
      {"pool_id", info.spec.pool_id},
      {"log_export_path", info.spec.log_export_path},
  };
}

int show_job(Invocation& invocation, const v2::TrainingJobInfo& info) {
  if (invocation.json()) print_json_text(invocation, info.raw_json);
  else print_fields(invocation.out(), job_fields(info));
  return 0;
}

/// Exit 0 when the job completed, 6 when it ended otherwise (Failed, Terminated, Abnormal).
int ended(Invocation& invocation, const v2::TrainingJobInfo& info, bool show) {
  if (show) show_job(invocation, info);
  if (!v2::succeeded(info))
    throw CommandFailure("training job " + info.metadata.id + " ended " + phase_text(info), ExitStatus::job_unsuccessful);
  return 0;
}

Table jobs_table() { return Table({"JOB_ID", "NAME", "PHASE", "CREATED", "DURATION", "FLAVOR", "NODES", "DESCRIPTION"}); }

void add_job_row(Table& table, const v2::TrainingJobInfo& job) {
  table.add_row({job.metadata.id, job.metadata.name, phase_text(job), format_time_ms(job.metadata.create_time),
                 format_duration_ms(job.status.duration), job.spec.flavor_id, format_number(job.spec.node_count),
                 job.metadata.description});
}

/// "running" or "RUNNING" -> "Running", as the service spells phases.
std::string phase_name(const std::string& text) {
  std::string name;
  for (char c : text) name += static_cast<char>(name.empty() ? (c >= 'a' && c <= 'z' ? c - 32 : c) : (c >= 'A' && c <= 'Z' ? c + 32 : c));
  if (v2::phase_from_string(name) == v2::Phase::unknown)
    throw UsageError("--phase: unknown phase '" + text + "'",
                     "use Creating, Pending, Running, Completed, Failed, Terminating, Terminated or Abnormal");
  return name;
}

int list_jobs(Invocation& invocation) {
  const Paging paging = paging_from(invocation);
  if (paging.per_page > 50) throw UsageError("--per-page must be between 1 and 50 (the v2 search's limit)");
  v2::SearchOptions options;
  options.offset(paging.page - 1).limit(paging.per_page);  // offset: the page index (docs/service-quirks.md, Q1)
  if (auto sort_by = invocation.get<std::string>("sort-by")) options.sort_by(*sort_by);
  if (auto order = invocation.get<std::string>("order")) {
    if (*order != "asc" && *order != "desc") throw UsageError("--order must be asc or desc, not '" + *order + "'");
    options.order(*order);
  }
  std::vector<std::string> phases;
  for (const std::string& phase : invocation.all("phase")) phases.push_back(phase_name(phase));
  if (!phases.empty()) options.filter("phase", "in", phases);
  if (auto search = invocation.get<std::string>("search")) options.filter("name", "like", {*search});
  Table table = jobs_table();
  if (paging.all)
    return print_all_pages(invocation, paging, table, v2::TrainingJob::list(invocation.session(), options), add_job_row);
  const v2::TrainingJobList page = v2::TrainingJob::get_job_list(invocation.session(), options);
  return print_one_page(invocation, paging, table, page.items, page.count, "training jobs", add_job_row);
}

int wait_job_of(Invocation& invocation, const v2::TrainingJob& job) {
  ProgressLine progress(invocation.err(), is_terminal(2));
  const auto started = std::chrono::steady_clock::now();
  v2::WaitOptions options;
  options.timeout(seconds_flag(invocation, "timeout", 24 * 3600.0))
      .initial_interval(seconds_flag(invocation, "interval", 5.0))
      .max_interval(seconds_flag(invocation, "max-interval", 60.0))
      .stall_timeout(seconds_flag(invocation, "stall-timeout", 0.0))
      .on_progress([&](const v2::TrainingJobInfo& info) {
        const auto waited = std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - started).count();
        std::string line = "job " + info.metadata.id + " " + info.metadata.name + ": " + phase_text(info);
        if (info.status.duration > 0) line += ", running " + format_duration_ms(info.status.duration);
        progress.show(line + ", waited " + (waited >= 1000 ? format_duration_ms(waited) : std::to_string(waited) + "ms"));
      });
  const v2::TrainingJobInfo info = job.wait(options);
  progress.finish();
  return ended(invocation, info, true);
}

int wait_job(Invocation& invocation) { return wait_job_of(invocation, job_from_arg(invocation)); }

/// Streams the task's log until the job ends (-o json: one {"content": ...} object per chunk).
v2::TrainingJobInfo follow(Invocation& invocation, const v2::TrainingJob& job) {
  v2::FollowOptions options;
  options.poll_interval(seconds_flag(invocation, "interval", 3.0)).timeout(seconds_flag(invocation, "timeout", 24 * 3600.0));
  return job.follow_logs(
      task_of(invocation),
      [&](std::string_view text) {
        if (invocation.json()) print_json(invocation, boost::json::object{{"content", text}});
        else invocation.out() << terminal_safe(text, {true, true});
        invocation.out().flush();
      },
      options);
}

int show_logs(Invocation& invocation) {
  const v2::TrainingJob job = job_from_arg(invocation);
  if (invocation.flag("follow")) {
    follow(invocation, job);
    return 0;
  }
  const v2::LogPreview log = job.get_job_log(task_of(invocation));
  if (invocation.json()) {
    print_json(invocation, boost::json::object{{"content", log.content}, {"current_size", log.current_size},
                                               {"full_size", log.full_size}});
    return 0;
  }
  if (!log.ready) {
    invocation.err() << "modelarts: no log yet for task " << terminal_safe(task_of(invocation)) << '\n';
    return 0;
  }
  invocation.out() << terminal_safe(log.content, {true, true});
  if (!log.content.empty() && log.content.back() != '\n') invocation.out() << '\n';
  return 0;
}

int show_metrics(Invocation& invocation) {
  const v2::Metrics metrics = job_from_arg(invocation).get_job_metrics(task_of(invocation));
  if (invocation.json()) {
    boost::json::array items;
    for (const v2::Metric& m : metrics.metrics) {
      boost::json::array values;
      for (double v : m.value) values.emplace_back(v);
      items.push_back(boost::json::object{{"metric", m.metric}, {"value", std::move(values)}});
    }
    const auto total = static_cast<std::int64_t>(items.size());
    print_json(invocation, list_document(std::move(items), total));
    return 0;
  }
  if (!metrics.ready) {
    invocation.err() << "modelarts: no metrics yet for task " << terminal_safe(task_of(invocation)) << '\n';
    return 0;
  }
  Table table({"METRIC", "SAMPLES", "LAST"});
  for (const v2::Metric& m : metrics.metrics) {
    std::string last;
    for (auto it = m.value.rbegin(); it != m.value.rend() && last.empty(); ++it) {
      if (*it >= 0) last = boost::json::serialize(boost::json::value(*it));  // -1: no sample that minute
    }
    table.add_row({m.metric, std::to_string(m.value.size()), last});
  }
  table.print(invocation.out());
  return 0;
}

int show_events(Invocation& invocation) {
  v2::EventQuery query;
  if (auto offset = invocation.get<std::int64_t>("offset")) query.offset(*offset);
  if (auto limit = invocation.get<int>("limit")) query.limit(*limit);
  if (auto order = invocation.get<std::string>("order")) query.order(*order);
  if (auto level = invocation.get<std::string>("level")) query.level(*level);
  if (auto pattern = invocation.get<std::string>("pattern")) query.pattern(*pattern);
  const v2::EventList events = job_from_arg(invocation).get_job_events(query);
  if (invocation.json()) {
    boost::json::array items;
    for (const v2::Event& e : events.events)
      items.push_back(boost::json::object{{"time", e.time}, {"level", e.level}, {"message", e.message}, {"source", e.source}});
    print_json(invocation, list_document(std::move(items), events.total));
    return 0;
  }
  Table table({"TIME", "LEVEL", "SOURCE", "MESSAGE"});
  for (const v2::Event& e : events.events) table.add_row({e.time, e.level, e.source, e.message});
  table.print(invocation.out());
  invocation.out() << events.events.size() << " of " << events.total << " events\n";
  return 0;
}

int report(Invocation& invocation, const std::string& done) {
  if (invocation.json()) print_json(invocation, success_document({{"job_id", invocation.arg(0)}}));
  else invocation.out() << done << " training job " << terminal_safe(invocation.arg(0)) << ".\n";
  return 0;
}

int show_flavors(Invocation& invocation) {
  const auto flavors = v2::Estimator::get_train_instance_types(invocation.session(), invocation.get_or<std::string>("type", ""));
  if (invocation.json()) {
    boost::json::array items;
    for (const auto& f : flavors) items.push_back(parse_json(f.raw_json));
    print_json(invocation, list_document(std::move(items), static_cast<std::int64_t>(flavors.size())));
    return 0;
  }
  Table table({"FLAVOR_ID", "NAME", "TYPE", "MAX_NODES", "CPU", "MEMORY", "GPU"});
  for (const auto& f : flavors) {
    const std::string gpu = f.gpu_unit_num > 0 ? std::to_string(f.gpu_unit_num) + " x " + f.gpu_product_name : "";
    table.add_row({f.flavor_id, f.flavor_name, f.flavor_type, std::to_string(f.max_num),
                   format_number(f.cpu_core_num) + (f.cpu_arch.empty() ? "" : " " + f.cpu_arch),
                   f.memory_size > 0 ? std::to_string(f.memory_size) + ' ' + f.memory_unit : "", gpu});
  }
  table.print(invocation.out());
  return 0;
}

int show_engines(Invocation& invocation) {
  const auto engines = v2::Estimator::get_framework_list(invocation.session());
  if (invocation.json()) {
    boost::json::array items;
    for (const auto& e : engines) items.push_back(parse_json(e.raw_json));
    print_json(invocation, list_document(std::move(items), static_cast<std::int64_t>(engines.size())));
    return 0;
  }
  Table table({"ENGINE_ID", "FRAMEWORK_TYPE", "FRAMEWORK_VERSION", "IMAGE"});
  for (const auto& e : engines)
    table.add_row({e.engine_id, e.engine_name, e.engine_version, e.gpu_image_url.empty() ? e.cpu_image_url : e.gpu_image_url});
  table.print(invocation.out());
  return 0;
}

int submit(Invocation& invocation) {
  const bool wait = invocation.flag("wait");
  const bool follow_log = invocation.flag("follow");
  if (!invocation.has("file") && !invocation.has("instance-type"))
    throw UsageError("job submit needs --instance-type (or --file with a whole body)", "see 'modelarts job flavors'");
  if (invocation.flag("dry-run")) {
    print_json_text(invocation, submit_body(invocation));
    return 0;
  }
  const v2::TrainingJobInfo created = submit_job(invocation);
  if (!wait && !follow_log) return show_job(invocation, created);
  invocation.err() << "Submitted training job " << terminal_safe(created.metadata.id) << " ("
                   << terminal_safe(created.metadata.name) << ").\n";
  const v2::TrainingJob job(invocation.session(), created);
  if (follow_log) return ended(invocation, follow(invocation, job), false);
  return wait_job_of(invocation, job);
}

void add_task_flag(CLI::App& app) { text(app, "task", "TASK", "the task (default worker-0; see 'job get' tasks)"); }

Group job_group() {
  Group group{"job",
              "New-version (v2) training jobs (ma-cli ma-job): submit, list, get, wait, logs, metrics, events, "
              "stop, delete, update, flavors, engines. 'training-job' is the old-version (v1) API",
              {},
              false};
  group.verbs.push_back(
      {"submit", "Submit a v2 training job (Python estimatorV2 Estimator(...).fit(...)); NAME is generated when omitted",
       {"[NAME]"},
       [](CLI::App& o) {
         add_submit_flags(o);
         add_wait_flags(o);  // with --wait or --follow
       },
       submit,
       "Give one of: --code-dir --boot-file --framework-type --framework-version (preset engine);\n"
       "--image-url --command (custom image); --algorithm-id (saved algorithm). Or --file with the whole body.\n"
       "Example:\n  modelarts job submit resnet --framework-type PyTorch --framework-version pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64 \\\n"
       "    --code-dir obs://bkt/code/ --boot-file train.py --instance-type modelarts.vm.cpu.8u \\\n"
       "    --input data_url=obs://bkt/data/ --output train_url=obs://bkt/out/ --parameter epochs=10 --follow"});
  group.verbs.push_back({"list", "List v2 training jobs (POST training-job-searches)", {},
                         [](CLI::App& o) {
                           integer(o, "per-page", "N", "items per page, 1..50 (default 10)");
                           integer(o, "page", "N", "page number, from 1 (default 1)");
                           flag(o, "all", "every page from --page on, not only one");
                           integer(o, "max-items", "N", "print at most N items (with --all: stop paging there)");
                           text(o, "sort-by", "FIELD", "create_time (default), name, phase, ...");
                           text(o, "order", "asc|desc", "sort order (default desc)");
                           repeated(o, "phase", "PHASE", "only jobs in this phase (repeatable): Running, Failed, ...");
                           text(o, "search", "TEXT", "only names containing TEXT");
                         },
                         list_jobs, {}});
  group.verbs.push_back({"get", "Show a v2 training job (Python get_job_info)", {"JOB_ID"}, {},
                         [](Invocation& i) { return show_job(i, job_from_arg(i).get_job_info()); }, {}});
  group.verbs.push_back({"wait", "Wait until the job ends; exit 0 when it completed, 6 otherwise, 5 on --timeout", {"JOB_ID"},
                         [](CLI::App& o) {
                           add_wait_flags(o);
                           number(o, "stall-timeout", "SECONDS", "exit 5 when neither the phase nor the log moved this long");
                         },
                         wait_job, "Progress goes to stderr: one rewritten line on a terminal, one line per poll otherwise."});
  group.verbs.push_back({"logs", "Print a task's log (the newest 5 MiB); --follow streams it until the job ends", {"JOB_ID"},
                         [](CLI::App& o) {
                           add_task_flag(o);
                           flag(o, "follow", "print the log as it grows, until the job ends");
                           number(o, "interval", "SECONDS", "with --follow: pause between reads (default 3)");
                           number(o, "timeout", "SECONDS", "with --follow: give up (exit 5) after this long");
                         },
                         show_logs, {}});
  group.verbs.push_back({"metrics", "Show a task's resource usage (Python get_job_metrics)", {"JOB_ID"}, add_task_flag,
                         show_metrics, {}});
  group.verbs.push_back({"events", "Show the job's events", {"JOB_ID"},
                         [](CLI::App& o) {
                           integer(o, "offset", "N", "skip N events");
                           integer(o, "limit", "N", "events to show, 1..100 (default 50)");
                           text(o, "order", "asc|desc", "by time");
                           text(o, "level", "LEVEL", "Info, Warning or Error");
                           text(o, "pattern", "TEXT", "only events containing TEXT");
                         },
                         show_events, {}});
  group.verbs.push_back({"stop", "Terminate the job (Python control_job)", {"JOB_ID"}, {},
                         [](Invocation& i) {
                           const v2::TrainingJobInfo info = job_from_arg(i).control_job();
                           if (i.json()) print_json_text(i, info.raw_json);
                           else
                             i.out() << "Terminating training job " << terminal_safe(i.arg(0)) << " ("
                                     << terminal_safe(phase_text(info)) << ").\n";
                           return 0;
                         },
                         {}});
  group.verbs.push_back({"delete", "Delete the job (Python delete_job)", {"JOB_ID"}, {},
                         [](Invocation& i) {
                           job_from_arg(i).delete_job();
                           return report(i, "Deleted");
                         },
                         {}});
  group.verbs.push_back({"update", "Change the job's description (Python update_job_configs)", {"JOB_ID"},
                         [](CLI::App& o) { text(o, "description", "TEXT", "the new description", Need::required); },
                         [](Invocation& i) {
                           job_from_arg(i).update_job_configs(i.get_or<std::string>("description", ""));
                           return report(i, "Updated");
                         },
                         {}});
  group.verbs.push_back({"flavors", "List the training flavors (Python get_train_instance_types)", {},
                         [](CLI::App& o) { text(o, "type", "CPU|GPU|Ascend", "only flavors of this type"); },
                         show_flavors, {}});
  group.verbs.push_back({"engines", "List the preset engines (Python get_framework_list)", {}, {}, show_engines, {}});
  return group;
}

const GroupRegistration registered{35, job_group};

}  // namespace

}  // namespace modelarts::cli
