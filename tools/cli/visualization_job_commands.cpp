// `modelarts visualization-job ...`: TensorBoard / MindInsight jobs (Python VisualizationJob).
#include <ostream>

#include <modelarts/visualization_job.hpp>

#include "formatting.hpp"
#include "groups.hpp"
#include "json_output.hpp"
#include "list_flags.hpp"
#include "list_output.hpp"
#include "table.hpp"

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
      {"status", format_status(info.status) + " (" + std::to_string(info.status) + ")"},
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
    print_json(invocation.out(), json_success({{"job_id", invocation.arg(0)}}));
  else
    invocation.out() << done << " visualization job " << invocation.arg(0) << ".\n";
  return 0;
}

int list_jobs(Invocation& invocation) {
  const ListOptions options = list_options_from(invocation);
  Table table = visualization_table();
  if (wants_all_pages(invocation)) {
    return print_all_pages(invocation, table, VisualizationJob::list(invocation.session(), options),
                           add_visualization_row);
  }
  const VisualizationJobList page = VisualizationJob::get_visualization_job_list(invocation.session(), options);
  return print_one_page(invocation, table, page.raw_json, page.jobs, page.job_total_count, "visualization jobs",
                        add_visualization_row);
}

int create_job(Invocation& invocation) {
  VisualizationJobOptions options;
  if (auto type = invocation.get<std::string>("job-type")) options.job_type(*type);
  if (auto flavor = invocation.get<std::string>("flavor")) options.flavor_code(*flavor);
  if (auto hours = invocation.get<int>("auto-stop-hours")) options.auto_stop_hours(*hours);
  const VisualizationJob created = VisualizationJob(invocation.session()).create_visualization_job(
      invocation.get_or<std::string>("train-url", ""), invocation.arg(0),
      invocation.get_or<std::string>("description", ""), options);
  if (invocation.json())
    print_json(invocation.out(), created.info().raw_json);
  else
    print_fields(invocation.out(), visualization_fields(created.info()));
  return 0;
}

int get_job(Invocation& invocation) {
  const VisualizationJobInfo info = job_from_arg(invocation).get_visualization_job_info();
  if (invocation.json())
    print_json(invocation.out(), info.raw_json);
  else
    print_fields(invocation.out(), visualization_fields(info));
  return 0;
}

}  // namespace

Group visualization_job_group() {
  Group group{"visualization-job", "Visualization (TensorBoard / MindInsight) jobs: create, list, get, update, stop, restart, delete", {}, false};
  group.verbs.push_back({"list", "List visualization jobs (Python get_visualization_job_list)", {},
                         [](po::options_description& o) { add_list_flags(o, true); }, list_jobs, {}});
  group.verbs.push_back({"create", "Create a visualization job on a training output path; NAME is generated when omitted", {"[NAME]"},
                         [](po::options_description& o) {
                           o.add_options()("train-url", po::value<std::string>()->required()->value_name("OBS_PATH"), "directory holding the event files")
                               ("description", po::value<std::string>()->value_name("TEXT"), "job description")
                               ("job-type", po::value<std::string>()->value_name("TYPE"), "tensorboard (default) or mindinsight")
                               ("flavor", po::value<std::string>()->value_name("CODE"), "flavor code (normally left out)")
                               ("auto-stop-hours", po::value<int>()->value_name("N"), "stop after N hours of running (0..24)");
                         },
                         create_job, {}});
  group.verbs.push_back({"get", "Show a visualization job (Python get_visualization_job_info)", {"JOB_ID"}, {}, get_job, {}});
  group.verbs.push_back({"update", "Change the description (Python update_visualization_job)", {"JOB_ID"},
                         [](po::options_description& o) {
                           o.add_options()("description", po::value<std::string>()->required()->value_name("TEXT"), "the new description");
                         },
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

}  // namespace modelarts::cli
