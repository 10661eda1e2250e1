// SPDX-License-Identifier: Apache-2.0
// Decoders from v1 reply bodies to the public info structs. Each takes the parsed body and a context
// ("GET /v1/...") for its error message, and returns an invalid_reply error when a required field is
// absent or of the wrong type.
#pragma once

#include <string>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <modelarts/config_info.hpp>
#include <modelarts/job_info.hpp>
#include <modelarts/label_job_info.hpp>
#include <modelarts/spec_info.hpp>
#include <modelarts/visualization_job_info.hpp>

#include "codecs/json_fields.hpp"
#include "detail/result.hpp"

namespace modelarts::detail {

// Training jobs and versions
Result<JobInfo> decode_created_job(const boost::json::value& body, const std::string& context);
Result<JobInfo> decode_job_detail(const boost::json::value& body, const std::string& context);
Result<TrainingJobList> decode_job_list(const boost::json::value& body, const std::string& context);
Result<JobVersionList> decode_version_list(const boost::json::value& body, const std::string& context);
Result<std::vector<std::string>> decode_log_file_list(const boost::json::value& body, const std::string& context);
Result<JobLog> decode_job_log(const boost::json::value& body, const std::string& context);
Result<JobLogRange> decode_job_log_range(const boost::json::value& body, const std::string& context);
/// Fills every JobInfo field present in `object` (no field required).
JobInfo read_job_info(const boost::json::object& object, const std::string& context);
/// Fills the training-config fields JobInfo and ConfigInfo share from `reader`'s object.
void read_training_config(const FieldReader& reader, TrainingConfigInfo& out);

// Specs, engines, algorithms
Result<std::vector<SpecInfo>> decode_specs(const boost::json::value& body, const std::string& context);
Result<std::vector<EngineInfo>> decode_engines(const boost::json::value& body, const std::string& context);
struct AlgorithmPage {
  std::int64_t model_total_count = 0;
  std::vector<AlgorithmInfo> models;
};
Result<AlgorithmPage> decode_algorithms(const boost::json::value& body, const std::string& context);

// Configs
Result<ConfigList> decode_config_list(const boost::json::value& body, const std::string& context);
Result<ConfigInfo> decode_config_info(const boost::json::value& body, const std::string& context);

// Visualization jobs
Result<VisualizationJobInfo> decode_visualization_info(const boost::json::value& body, const std::string& context);
Result<VisualizationJobList> decode_visualization_list(const boost::json::value& body, const std::string& context);

// Label jobs (plain envelope: a body with error_code is a failure whatever the HTTP status)
Result<CreatedLabelJob> decode_created_label_job(const boost::json::value& body, const std::string& context,
                                                 int http_status);
Result<std::string> decode_label_echo(const boost::json::value& body, const std::string& context, int http_status);
Result<LabelJobList> decode_label_list(const boost::json::value& body, const std::string& context);
Result<ValidationInfo> decode_validation(const boost::json::value& body, const std::string& context);

}  // namespace modelarts::detail
