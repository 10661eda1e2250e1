// SPDX-License-Identifier: Apache-2.0
// Everything the emulated service remembers. Statuses are not stored (see lifecycle.hpp): only the
// timestamps they are computed from.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "training_config.hpp"
#include "v2/state.hpp"

namespace modelarts::testing::detail::service {

inline constexpr std::size_t kTrainingJobQuota = 1000;
inline constexpr std::size_t kVisualizationJobQuota = 1000;
inline constexpr std::size_t kLabelJobQuota = 1000;

struct TrainingVersion {
  std::int64_t version_id = 0;
  std::string version_name;  ///< V0001, V0002, ... within the job
  TrainingConfig config;
  std::int64_t create_ms = 0;
  std::int64_t stop_ms = 0;  ///< 0: not stopped
};

struct TrainingJob {
  std::int64_t job_id = 0;
  std::string job_name;
  std::string job_desc;
  std::string workspace_id = "0";
  std::int64_t create_ms = 0;
  std::int64_t next_version_number = 1;
  std::map<std::int64_t, TrainingVersion> versions;  ///< by version_id; the last one is the newest
};

struct JobConfigPreset {
  std::string config_name;
  std::string config_desc;
  std::int64_t create_ms = 0;
  TrainingConfig config;
};

struct VisualizationJob {
  std::int64_t job_id = 0;
  std::string job_name;
  std::string job_desc;
  std::string train_url;
  std::string job_type = "tensorboard";
  std::string flavor_code;
  std::string workspace_id = "0";
  std::int64_t schedule_hours = 0;  ///< 0: no auto-stop schedule
  std::int64_t create_ms = 0;
  std::int64_t run_start_ms = 0;
  bool restarted = false;
  std::int64_t stop_ms = 0;
};

struct LabelJob {
  std::string id;  ///< UUID
  std::string name;
  std::string description;
  std::string data_type;  ///< "OBS" | "filter job"
  std::string path;
  std::string filter_id;
  std::string type;  ///< "Manual Image classify" | "Manual Object detection"
  std::int64_t create_ms = 0;
  std::int64_t dls_prj_id = 0;
  std::int64_t image_count = 0;
  std::optional<double> last_pass_rate;
  std::int64_t last_validation_ms = 0;
};

struct ServiceState {
  std::int64_t next_training_job_id = 1;
  std::int64_t next_version_id = 1;
  std::int64_t next_visualization_id = 1;
  std::int64_t next_dls_prj_id = 1001;
  std::map<std::int64_t, TrainingJob> training_jobs;
  std::map<std::string, JobConfigPreset> job_configs;
  std::map<std::int64_t, VisualizationJob> visualization_jobs;
  std::map<std::string, LabelJob> label_jobs;
  v2::Jobs v2_training_jobs;  ///< new-version training jobs (/v2/{project_id}/training-jobs)
};

}  // namespace modelarts::testing::detail::service
