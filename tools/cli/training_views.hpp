// SPDX-License-Identifier: Apache-2.0
// How training jobs, their versions and training configs look in table output.
#pragma once

#include <iosfwd>
#include <vector>

#include <modelarts/job_info.hpp>

#include "table.hpp"

namespace modelarts::cli {

/// "PyTorch (PyTorch-1.0.0-python3.6)": the engine name and version, either alone when the other is unknown.
std::string engine_text(const TrainingConfigInfo& info);
/// The training-config fields a version and a config share (engine, spec, code, data, outputs), as FIELD/VALUE.
Fields training_config_fields(const TrainingConfigInfo& info);
/// One version's detail as FIELD/VALUE pairs.
Fields job_info_fields(const JobInfo& info);
/// Jobs list rows: JOB_ID NAME VERSION_ID STATUS VERSIONS CREATED DURATION DESCRIPTION.
Table training_jobs_table();
void add_training_job_row(Table& table, const JobInfo& job);
/// Versions list rows: VERSION_ID VERSION STATUS ENGINE SPEC WORKERS CREATED DURATION.
Table job_versions_table();
void add_job_version_row(Table& table, const JobInfo& version);

}  // namespace modelarts::cli
