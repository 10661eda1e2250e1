// The options that describe what to train (shared by training-job create, training-job-version create and
// training-job-config create/update): they become EstimatorOptions and Inputs, as Estimator(...) and fit(...)
// take them in the Python SDK.
#pragma once

#include <modelarts/estimator.hpp>
#include <modelarts/inputs.hpp>

#include "command.hpp"

namespace modelarts::cli {

void add_estimator_flags(po::options_description& options);
/// --data-url | --dataset-id + --dataset-version-id | --data-source (repeatable).
void add_input_flags(po::options_description& options);

EstimatorOptions estimator_options_from(const Invocation& invocation);
/// Throws UsageError unless exactly one input form is given (or none, when `required` is false).
Inputs inputs_from(const Invocation& invocation, bool required);

}  // namespace modelarts::cli
