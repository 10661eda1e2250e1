// SPDX-License-Identifier: Apache-2.0
// `modelarts visualization-job ...`: TensorBoard / MindInsight jobs (Python VisualizationJob).
#include <chrono>
#include <ostream>

#include <modelarts/error.hpp>
#include <modelarts/status.hpp>
#include <modelarts/visualization_job.hpp>

#include "formatting.hpp"
#include "groups.hpp"
#include "json_output.hpp"
#include "list_flags.hpp"
#include "list_output.hpp"
#include "options.hpp"
#include "progress_line.hpp"
#include "usage_error.hpp"
#include "table.hpp"
#include "training_version_ops.hpp"

namespace modelarts::cli {

namespace {

Fields visualization_fields(const VisualizationJobInfo& info) {
  std::string schedule;
  for (const auto& rule : info.schedule)
    schedule += (schedule.empty() ? "" : ", ") + rule.type + " after " + std::to_string(rule.duration) + " " + rule.time_unit;
  return {
      {"job_id", info.job_id},
      {"job_name", info.job_name},
      {"job_desc", info.job_desc},
      {"status", format_status(info.status) + " (" + std::to_string(info.status_code()) + ")"},
      {"create_time", format_time_ms(info.create_time)},
      {"duration", format_duration_ms(info.duration)},
      {"service_url", info.service_url},
      {"train_url", info.train_url},
      {"resource_id", info.resource_id},
      {"schedule", schedule},
      {"remaining_duration", info.remaining_duration ? format_duration_ms(*info.remaining_duration) : std::string()},
  };
}

Table visualization_table() {
  return Table({"JOB_ID", "NAME", "STATUS", "CREATED", "DURATION", "TRAIN_URL", "DESCRIPTION"});
}

void add_visualization_row(Table& table, const VisualizationJobInfo& job) {
  table.add_row({job.job_id, job.job_name, format_status(job.status), format_time_ms(job.create_time),
                 format_duration_ms(job.duration), job.train_url, job.job_desc});
}

VisualizationJob job_from_arg(Invocation& invocation) { return VisualizationJob(invocation.session(), invocation.arg(0)); }

int report_action(Invocation& invocation, const std::string& done) {
  if (invocation.json())
    print_json(invocation, success_document({{"job_id", id_value(invocation.arg(0))}}));
  else
    invocation.out() << done << " visualization job " << invocation.arg(0) << ".\n";
  return 0;
}

int list_jobs(Invocation& invocation) {
  const ListOptions options = list_options_from(invocation);
  const Paging paging = paging_from(invocation);
  Table table = visualization_table();
  if (paging.all)
    return print_all_pages(invocation, paging, table, VisualizationJob::list(invocation.session(), options),
                           add_visualization_row);
  const VisualizationJobList page = VisualizationJob::get_visualization_job_list(invocation.session(), options);
  return print_one_page(invocation, paging, table, page.items, page.total_count, "visualization jobs",
                        add_visualization_row);
}

int show_info(Invocation& invocation, const VisualizationJobInfo& info) {
  if (invocation.json())
    print_json_text(invocation, info.raw_json);
  else
    print_fields(invocation.out(), visualization_fields(info));
  return 0;
}

/// VisualizationJob::wait until the job runs (its service URL answers) or ends; with --until ended, until it ends.
/// Exit 0 on what was waited for, 6 when it ended otherwise, 5 on --timeout.
int wait_job(Invocation& invocation) {
  const std::string until = invocation.get_or<std::string>("until", "running");
  if (until != "running" && until != "ended") throw UsageError("--until must be running or ended, not '" + until + "'");
  const VisualizationJob job = job_from_arg(invocation);
  ProgressLine progress(invocation.err(), is_terminal(2));
  const auto started = std::chrono::steady_clock::now();
  const auto options =
      VisualizationWaitOptions{}
          .timeout(seconds_flag(invocation, "timeout", 24 * 3600.0))
          .initial_interval(seconds_flag(invocation, "interval", 2.0))
          .factor(2)
          .max_interval(seconds_flag(invocation, "max-interval", 30.0))
          .on_progress([&](const VisualizationJobInfo& info) {
            progress.show("visualization job " + info.job_id + " " + info.job_name + ": " + format_status(info.status) +
                          ", waited " + format_duration_ms(
                              std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
                                  .count()));
          });
  VisualizationJobInfo info;
  try {
    info = job.wait(options, until == "running" ? VisualizationWaitGoal::running : VisualizationWaitGoal::ended);
  } catch (const WaitTimeoutError& e) {
    progress.finish();
    throw CommandFailure("visualization job " + job.job_id() + " is still " + format_status(e.last_status()) +
                             " after --timeout (" + e.what() + ")",
                         ExitStatus::wait_timeout);
  }
  progress.finish();
  show_info(invocation, info);
  const bool wanted = until == "running" ? info.status == JobStatus::running : info.status == JobStatus::completed;
  if (!wanted)
    throw CommandFailure("visualization job " + info.job_id + " ended " + format_status(info.status),
                         ExitStatus::job_unsuccessful);
  return 0;
}

int create_job(Invocation& invocation) {
  VisualizationJobOptions options;
  if (auto type = invocation.get<std::string>("job-type")) options.job_type(*type);
  if (auto flavor = invocation.get<std::string>("flavor")) options.flavor_code(*flavor);
  if (auto hours = invocation.get<int>("auto-stop-hours")) options.auto_stop_hours(*hours);
  const VisualizationJob created = VisualizationJob(invocation.session()).create_visualization_job(
      invocation.get_or<std::string>("train-url", ""), invocation.arg(0),
      invocation.get_or<std::string>("description", ""), options);
  return show_info(invocation, created.info());
}

int get_job(Invocation& invocation) { return show_info(invocation, job_from_arg(invocation).get_visualization_job_info()); }

Group visualization_job_group() {
  Group group{"visualization-job", "Visualization (TensorBoard / MindInsight) jobs: create, list, get, wait, update, stop, restart, delete", {}, false};
  group.verbs.push_back({"list", "List visualization jobs (Python get_visualization_job_list)", {},
                         [](CLI::App& o) { add_list_flags(o, true); }, list_jobs, {}});
  group.verbs.push_back({"create", "Create a visualization job on a training output path; NAME is generated when omitted", {"[NAME]"},
                         [](CLI::App& o) {
                           text(o, "train-url", "OBS_PATH", "directory holding the event files", Need::required);
                           text(o, "description", "TEXT", "job description");
                           text(o, "job-type", "TYPE", "tensorboard (default) or mindinsight");
                           text(o, "flavor", "CODE", "flavor code (normally left out)");
                           integer(o, "auto-stop-hours", "N", "stop after N hours of running (0..24)");
                         },
                         create_job, {}});
  group.verbs.push_back({"get", "Show a visualization job (Python get_visualization_job_info)", {"JOB_ID"}, {}, get_job, {}});
  group.verbs.push_back({"wait", "Wait until a job runs (or with --until ended, until it ends)", {"JOB_ID"},
                         [](CLI::App& o) {
                           text(o, "until", "running|ended", "what to wait for (default running)");
                           number(o, "timeout", "SECONDS", "give up (exit 5) after this long (default 24 h)");
                           number(o, "interval", "SECONDS", "first pause between polls (default 2)");
                           number(o, "max-interval", "SECONDS", "longest pause between polls (default 30)");
                         },
                         wait_job,
                         "Exit 0 when it runs (--until ended: when it ended COMPLETED), 6 when it ended otherwise.\n"
                         "Progress goes to stderr: one rewritten line on a terminal, one line per poll otherwise."});
  group.verbs.push_back({"update", "Change the description (Python update_visualization_job)", {"JOB_ID"},
                         [](CLI::App& o) { text(o, "description", "TEXT", "the new description", Need::required); },
                         [](Invocation& i) {
                           job_from_arg(i).update_visualization_job(i.get_or<std::string>("description", ""));
                           return report_action(i, "Updated");
                         },
                         {}});
  group.verbs.push_back({"stop", "Stop a waiting or running job (Python stop_visualization_job)", {"JOB_ID"}, {},
                         [](Invocation& i) {
                           job_from_arg(i).stop_visualization_job();
                           return report_action(i, "Stopping");
                         },
                         {}});
  group.verbs.push_back({"restart", "Restart a stopped job (Python restart_visualization_job)", {"JOB_ID"}, {},
                         [](Invocation& i) {
                           job_from_arg(i).restart_visualization_job();
                           return report_action(i, "Restarting");
                         },
                         {}});
  group.verbs.push_back({"delete", "Delete a job (Python delete_visualization_job)", {"JOB_ID"}, {},
                         [](Invocation& i) {
                           job_from_arg(i).delete_visualization_job();
                           return report_action(i, "Deleted");
                         },
                         {}});
  return group;
}

const GroupRegistration registered{40, visualization_job_group};

}  // namespace

}  // namespace modelarts::cli
