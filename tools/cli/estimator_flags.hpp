// SPDX-License-Identifier: Apache-2.0
// The options that describe what to train (shared by training-job create, training-job-version create and
// training-job-config create/update): they become EstimatorOptions and Inputs, as Estimator(...) and fit(...)
// take them in the Python SDK. An update or a new version starts from what exists (the API wants the whole
// object) and changes only what the command line gives.
#pragma once

#include <string>

#include <modelarts/config_info.hpp>
#include <modelarts/estimator.hpp>
#include <modelarts/inputs.hpp>
#include <modelarts/job_info.hpp>

#include "invocation.hpp"

namespace modelarts::cli {

void add_estimator_flags(CLI::App& app);
/// --data-url | --dataset-id + --dataset-version-id | --data-source (repeatable).
void add_input_flags(CLI::App& app);

/// `base` with the flags given on top (a flag that names a spec, engine or algorithm replaces the base's ID).
EstimatorOptions estimator_options_from(const Invocation& invocation, EstimatorOptions base = {});
/// What an existing version or config holds, as EstimatorOptions / Inputs.
EstimatorOptions estimator_options_of(const JobInfo& info);
EstimatorOptions estimator_options_of(const ConfigInfo& info);
Inputs inputs_of(const JobInfo& info);
Inputs inputs_of(const ConfigInfo& info);

/// The input flags as Inputs; `fallback` when none is given. Throws UsageError for a mix of forms, or when
/// none is given and `fallback` is empty.
Inputs inputs_from(const Invocation& invocation, const Inputs& fallback = Inputs{});

/// An SDK message (InvalidArgumentError) with the SDK's setting names (output_path) replaced by the CLI's
/// flags (--output-path): every usage error names what the user typed.
std::string in_flag_terms(std::string sdk_message);

}  // namespace modelarts::cli
