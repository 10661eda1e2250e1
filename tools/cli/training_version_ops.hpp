// SPDX-License-Identifier: Apache-2.0
// What the CLI does with one training job version; shared by `training-job <verb> JOB_ID [--version-id V]`
// (latest version by default) and `training-job-version <verb> JOB_ID VERSION_ID`.
#pragma once

#include <chrono>
#include <string>

#include <modelarts/training_job.hpp>

#include "invocation.hpp"

namespace modelarts::cli {

/// The job's newest version (highest version_id), found through GET .../versions.
std::string latest_version_id(const Session& session, const std::string& job_id);
/// A handle on job_id's version_id, or on its latest version when version_id is empty.
TrainingJob version_handle(Invocation& invocation, const std::string& job_id, const std::string& version_id);

void add_wait_flags(CLI::App& app);
/// A SECONDS flag (--timeout, --interval, ...) as milliseconds, `fallback` seconds when absent; a negative or
/// absurd value is a UsageError naming the flag.
std::chrono::milliseconds seconds_flag(const Invocation& invocation, const std::string& name, double fallback);
void add_log_flags(CLI::App& app);

/// A version's detail: FIELD/VALUE, or -o json the service's object.
int show_job_info(Invocation& invocation, const JobInfo& info);
int show_version(Invocation& invocation, const TrainingJob& version);
/// Polls to a terminal status with a progress line on stderr; exit status 6 when the job did not complete,
/// 5 when --timeout passed first.
int wait_for_version(Invocation& invocation, const TrainingJob& version);
/// One read of the log, or with --follow the newest lines and then each new one until the version ends.
int show_log(Invocation& invocation, const TrainingJob& version);
int show_log_files(Invocation& invocation, const TrainingJob& version);
int stop_version(Invocation& invocation, const TrainingJob& version);

}  // namespace modelarts::cli
