// SPDX-License-Identifier: Apache-2.0
#include "training_views.hpp"

#include "formatting.hpp"

namespace modelarts::cli {

namespace {

std::string data_text(const TrainingConfigInfo& info) {
  if (!info.data_url.empty()) return info.data_url;
  if (!info.dataset_id.empty()) return "dataset " + info.dataset_id + " version " + info.dataset_version_id;
  std::string text;
  for (const auto& source : info.data_source) {
    if (!text.empty()) text += ", ";
    text += source.type == "obs" ? source.data_url : "dataset " + source.dataset_id + ":" + source.dataset_version;
  }
  return text;
}

}  // namespace

std::string engine_text(const TrainingConfigInfo& info) {
  if (info.engine_version.empty()) return info.engine_name;
  return info.engine_name.empty() ? info.engine_version : info.engine_name + " (" + info.engine_version + ")";
}

Fields training_config_fields(const TrainingConfigInfo& info) {
  return {
      {"engine", engine_text(info)},
      {"spec", info.spec_code.empty() ? format_number(info.spec_id) : info.spec_code},
      {"worker_server_num", format_number(info.worker_server_num)},
      {"model_id", format_number(info.model_id)},
      {"app_url", info.app_url},
      {"boot_file_url", info.boot_file_url},
      {"parameter", format_parameters(info.parameter)},
      {"data", data_text(info)},
      {"train_url", info.train_url},
      {"log_url", info.log_url},
      {"user_image_url", info.user_image_url},
      {"user_command", info.user_command},
      {"pool_id", info.pool_id},
  };
}

Fields job_info_fields(const JobInfo& info) {
  Fields fields{
      {"job_id", info.job_id},
      {"job_name", info.job_name},
      {"job_desc", info.job_desc},
      {"version_id", info.version_id},
      {"version_name", info.version_name},
      {"pre_version_id", info.pre_version_id == "0" ? std::string() : info.pre_version_id},
      {"status", format_status(info.status) + " (" + std::to_string(info.status_code()) + ")"},
      {"create_time", format_time_ms(info.create_time)},
      {"start_time", format_time_ms(info.start_time)},
      {"duration", format_duration_ms(info.duration)},
  };
  for (auto& field : training_config_fields(info)) fields.push_back(std::move(field));
  fields.push_back({"resource_id", info.resource_id});
  return fields;
}

Table training_jobs_table() {
  return Table({"JOB_ID", "NAME", "VERSION_ID", "STATUS", "VERSIONS", "CREATED", "DURATION", "DESCRIPTION"});
}

void add_training_job_row(Table& table, const JobInfo& job) {
  table.add_row({job.job_id, job.job_name, job.version_id, format_status(job.status),
                 std::to_string(job.version_count), format_time_ms(job.create_time), format_duration_ms(job.duration),
                 job.job_desc});
}

Table job_versions_table() {
  return Table({"VERSION_ID", "VERSION", "STATUS", "ENGINE", "SPEC", "WORKERS", "CREATED", "DURATION"});
}

void add_job_version_row(Table& table, const JobInfo& version) {
  table.add_row({version.version_id, version.version_name, format_status(version.status), engine_text(version),
                 version.spec_code.empty() ? format_number(version.spec_id) : version.spec_code,
                 format_number(version.worker_server_num), format_time_ms(version.create_time),
                 format_duration_ms(version.duration)});
}

}  // namespace modelarts::cli
