// SPDX-License-Identifier: Apache-2.0
// `modelarts training-job-version ...`: the versions of one training job (Python create_job_version,
// get_job_version_info, get_job_info, stop_job_version, delete_job_version, logs).
#include <ostream>

#include <modelarts/estimator.hpp>
#include <modelarts/training_job.hpp>

#include "estimator_flags.hpp"
#include "groups.hpp"
#include "json_output.hpp"
#include "options.hpp"
#include "training_version_ops.hpp"
#include "training_views.hpp"

namespace modelarts::cli {

namespace {

TrainingJob named_version(Invocation& invocation) {
  return TrainingJob(invocation.session(), invocation.arg(0), invocation.arg(1));
}

int list_versions(Invocation& invocation) {
  const JobVersionList list = TrainingJob(invocation.session(), invocation.arg(0)).get_job_version_info();
  if (invocation.json()) {
    boost::json::array items;
    for (const auto& version : list.versions) items.push_back(parse_json(version.raw_json));
    print_json(invocation, list_document(std::move(items), static_cast<std::int64_t>(list.versions.size())));
    return 0;
  }
  Table table = job_versions_table();
  for (const auto& version : list.versions) add_job_version_row(table, version);
  table.print(invocation.out());
  invocation.out() << list.versions.size() << " versions of training job " << list.job_id << " (" << list.job_name << ")\n";
  return 0;
}

int create_version(Invocation& invocation) {
  const std::string job_id = invocation.arg(0);
  std::string pre_version = invocation.get_or<std::string>("pre-version-id", "");
  if (pre_version.empty()) pre_version = latest_version_id(invocation.session(), job_id);
  // The API wants a whole config: start from the version this one follows, change what the flags give.
  const JobInfo previous = TrainingJob(invocation.session(), job_id, pre_version).get_job_info();
  const Estimator estimator(invocation.session(), estimator_options_from(invocation, estimator_options_of(previous)));
  const TrainingJob version = estimator.create_job_version(job_id, pre_version, inputs_from(invocation, inputs_of(previous)),
                                                           false, invocation.get_or<std::string>("description", ""));
  if (invocation.flag("wait")) {
    invocation.err() << "Created training job " << version.job_id() << " version " << version.version_id() << ".\n";
    return wait_for_version(invocation, version);
  }
  return show_job_info(invocation, version.info());
}

int delete_version(Invocation& invocation) {
  named_version(invocation).delete_job_version();
  if (invocation.json())
    print_json(invocation, success_document({{"job_id", id_value(invocation.arg(0))}, {"version_id", id_value(invocation.arg(1))}}));
  else
    invocation.out() << "Deleted training job " << invocation.arg(0) << " version " << invocation.arg(1) << ".\n";
  return 0;
}

Group training_job_version_group() {
  Group group{"training-job-version", "Versions of a training job: list, create, get, wait, logs, stop, delete", {}, false};
  group.verbs.push_back({"list", "List a job's versions (Python get_job_version_info)", {"JOB_ID"}, {}, list_versions, {}});
  group.verbs.push_back({"create", "Create a new version of a job (Python create_job_version); unset options come from the previous version", {"JOB_ID"},
                         [](CLI::App& o) {
                           add_estimator_flags(o);
                           add_input_flags(o);
                           add_wait_flags(o);
                           text(o, "pre-version-id", "ID", "version to start from (default: the latest)");
                           text(o, "description", "TEXT", "job description");
                           flag(o, "wait", "wait until the version ends (exit 6 unless it completed)");
                         },
                         create_version, {}});
  group.verbs.push_back({"get", "Show one version's detail (Python get_job_info)", {"JOB_ID", "VERSION_ID"}, {},
                         [](Invocation& i) { return show_version(i, named_version(i)); }, {}});
  group.verbs.push_back({"wait", "Wait until the version ends; exit 0 when it completed, 6 otherwise, 5 on --timeout", {"JOB_ID", "VERSION_ID"},
                         add_wait_flags, [](Invocation& i) { return wait_for_version(i, named_version(i)); }, {}});
  group.verbs.push_back({"logs", "Print the version's training log", {"JOB_ID", "VERSION_ID"}, add_log_flags,
                         [](Invocation& i) { return show_log(i, named_version(i)); }, {}});
  group.verbs.push_back({"log-files", "List the version's log files (Python get_job_log_file_list)", {"JOB_ID", "VERSION_ID"}, {},
                         [](Invocation& i) { return show_log_files(i, named_version(i)); }, {}});
  group.verbs.push_back({"stop", "Stop the version (Python stop_job_version)", {"JOB_ID", "VERSION_ID"}, {},
                         [](Invocation& i) { return stop_version(i, named_version(i)); }, {}});
  group.verbs.push_back({"delete", "Delete the version (Python delete_job_version)", {"JOB_ID", "VERSION_ID"}, {},
                         delete_version, {}});
  return group;
}

const GroupRegistration registered{20, training_job_version_group};

}  // namespace

}  // namespace modelarts::cli
