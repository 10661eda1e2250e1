// SPDX-License-Identifier: Apache-2.0
// `modelarts training-job ...`: jobs (create with Estimator::fit, list, update, delete) and, on their latest
// version unless --version-id says otherwise, get / wait / logs / log-files / stop.
#include <ostream>

#include <modelarts/estimator.hpp>
#include <modelarts/training_job.hpp>

#include "estimator_flags.hpp"
#include "groups.hpp"
#include "json_output.hpp"
#include "list_flags.hpp"
#include "list_output.hpp"
#include "obs_progress.hpp"
#include "options.hpp"
#include "training_version_ops.hpp"
#include "training_views.hpp"

namespace modelarts::cli {

namespace {

void add_version_flag(CLI::App& app) { text(app, "version-id", "ID", "a version other than the latest"); }

TrainingJob chosen_version(Invocation& invocation) {
  return version_handle(invocation, invocation.arg(0), invocation.get_or<std::string>("version-id", ""));
}

int list_jobs(Invocation& invocation) {
  const ListOptions options = list_options_from(invocation);
  const Paging paging = paging_from(invocation);
  Table table = training_jobs_table();
  if (paging.all)
    return print_all_pages(invocation, paging, table, TrainingJob::list(invocation.session(), options), add_training_job_row);
  const TrainingJobList page = Estimator::get_job_list(invocation.session(), options);
  return print_one_page(invocation, paging, table, page.items, page.total_count, "training jobs", add_training_job_row);
}

int create_job(Invocation& invocation) {
  EstimatorOptions options = estimator_options_from(invocation);
  if (auto description = invocation.get<std::string>("description")) options.job_description(*description);
  const Inputs inputs = inputs_from(invocation);
  TransferProgressLine progress(invocation, "uploading code");
  options.code_upload(obs::TransferOptions().progress(progress.callback()));
  const Estimator estimator(invocation.session(), options);
  if (invocation.flag("dry-run")) {
    print_json_text(invocation, estimator.config_json(inputs));
    return 0;
  }
  const TrainingJob job = estimator.fit(inputs, false, invocation.arg(0));
  progress.finish();
  if (invocation.flag("wait")) {
    invocation.err() << "Created training job " << job.job_id() << " version " << job.version_id() << ".\n";
    return wait_for_version(invocation, job);
  }
  return show_job_info(invocation, job.info());
}

int update_job(Invocation& invocation) {
  const TrainingJob job(invocation.session(), invocation.arg(0));
  job.update_job_description(invocation.get_or<std::string>("description", ""));
  if (invocation.json()) print_json(invocation, success_document({{"job_id", id_value(job.job_id())}}));
  else invocation.out() << "Updated training job " << job.job_id() << ".\n";
  return 0;
}

int delete_job(Invocation& invocation) {
  Estimator::delete_job_by_id(invocation.session(), invocation.arg(0));
  if (invocation.json()) print_json(invocation, success_document({{"job_id", id_value(invocation.arg(0))}}));
  else invocation.out() << "Deleted training job " << invocation.arg(0) << ".\n";
  return 0;
}

Group training_job_group() {
  Group group{"training-job",
              "Old-version (v1) training jobs: create (Estimator.fit), list, get, wait, logs, update, stop, delete. "
              "'job' is the new-version (v2) API",
              {},
              false};
  group.verbs.push_back({"list", "List training jobs (one row per job: its latest version)", {},
                         [](CLI::App& o) { add_list_flags(o, true); }, list_jobs, {}});
  group.verbs.push_back(
      {"create", "Create a training job (Python Estimator(...).fit(...)); NAME is generated when omitted", {"[NAME]"},
       [](CLI::App& o) {
         add_estimator_flags(o);
         add_input_flags(o);
         add_wait_flags(o);
         text(o, "description", "TEXT", "job description");
         flag(o, "wait", "wait until the job ends (exit 6 unless it completed)");
         flag(o, "dry-run", "print the config the job would get, create nothing");
       },
       create_job,
       "Example:\n  modelarts training-job create my-job --instance-type modelarts.vm.cpu.2u \\\n"
       "    --framework-type PyTorch --framework-version PyTorch-1.0.0-python3.6 --code-dir /bucket/code/ \\\n"
       "    --boot-file /bucket/code/train.py --output-path /bucket/out/ --data-url /bucket/data/ --wait"});
  group.verbs.push_back({"get", "Show a version's detail (the latest unless --version-id)", {"JOB_ID"}, add_version_flag,
                         [](Invocation& i) { return show_version(i, chosen_version(i)); }, {}});
  group.verbs.push_back({"wait", "Wait until a version ends; exit 0 when it completed, 6 otherwise, 5 on --timeout", {"JOB_ID"},
                         [](CLI::App& o) {
                           add_version_flag(o);
                           add_wait_flags(o);
                         },
                         [](Invocation& i) { return wait_for_version(i, chosen_version(i)); },
                         "Progress goes to stderr: one rewritten line on a terminal, one line per poll otherwise."});
  group.verbs.push_back({"logs", "Print a version's training log (through /aom-log); --follow streams it", {"JOB_ID"},
                         [](CLI::App& o) {
                           add_version_flag(o);
                           add_log_flags(o);
                         },
                         [](Invocation& i) { return show_log(i, chosen_version(i)); }, {}});
  group.verbs.push_back({"log-files", "List a version's log files (one per worker)", {"JOB_ID"}, add_version_flag,
                         [](Invocation& i) { return show_log_files(i, chosen_version(i)); }, {}});
  group.verbs.push_back({"stop", "Stop a running version (the latest unless --version-id)", {"JOB_ID"}, add_version_flag,
                         [](Invocation& i) { return stop_version(i, chosen_version(i)); }, {}});
  group.verbs.push_back({"update", "Change a job's description (Python update_job_description)", {"JOB_ID"},
                         [](CLI::App& o) { text(o, "description", "TEXT", "the new description", Need::required); },
                         update_job, {}});
  group.verbs.push_back({"delete", "Delete a job and all its versions (Python Estimator.delete_job_by_id)", {"JOB_ID"}, {},
                         delete_job, {}});
  return group;
}

const GroupRegistration registered{10, training_job_group};

}  // namespace

}  // namespace modelarts::cli
