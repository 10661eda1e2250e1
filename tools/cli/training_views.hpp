// How training jobs and their versions look in table output.
#pragma once

#include <iosfwd>
#include <vector>

#include <modelarts/job_info.hpp>

#include "table.hpp"

namespace modelarts::cli {

/// One version's detail as FIELD/VALUE pairs.
Fields job_info_fields(const JobInfo& info);
/// Jobs list rows: JOB_ID NAME VERSION_ID STATUS VERSIONS CREATED DURATION DESCRIPTION.
Table training_jobs_table();
void add_training_job_row(Table& table, const JobInfo& job);
/// Versions list rows: VERSION_ID VERSION STATUS ENGINE SPEC WORKERS CREATED DURATION.
Table job_versions_table();
void add_job_version_row(Table& table, const JobInfo& version);

}  // namespace modelarts::cli
