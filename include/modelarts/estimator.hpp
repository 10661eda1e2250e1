// SPDX-License-Identifier: Apache-2.0
// Estimator: the Python SDK's entry point for training (ModelArts SDK Reference, "Training Jobs", "Training Job
// Versions" and "Training Job Parameter Configuration"). Built with the Python constructor's parameters as fluent
// options; fit() creates a job, create_job_version() a version, create_job_configs() a config. The statics are the
// Python static list/look-up calls.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <modelarts/config_info.hpp>
#include <modelarts/inputs.hpp>
#include <modelarts/job_info.hpp>
#include <modelarts/list_options.hpp>
#include <modelarts/obs.hpp>
#include <modelarts/options.hpp>
#include <modelarts/session.hpp>
#include <modelarts/spec_info.hpp>
#include <modelarts/training_job.hpp>
#include <modelarts/training_job_config.hpp>
#include <modelarts/wait.hpp>

namespace modelarts {

class EstimatorOptions {
  MODELARTS_OPTION(int, train_instance_count){1};  ///< worker_server_num
  /// Spec code (get_train_instance_types), e.g. "modelarts.vm.cpu.2u"; resolved to spec_id.
  MODELARTS_OPTION(std::string, train_instance_type);
  MODELARTS_OPTION(std::string, output_path);      ///< train_url
  /// app_url: an OBS folder ("/bucket/code/"), or with obs_path a local directory.
  MODELARTS_OPTION(std::string, code_dir);
  /// boot_file_url: the boot script's OBS path, or with obs_path a file in the local code_dir, relative to it.
  MODELARTS_OPTION(std::string, boot_file);
  /// Python TrainingFiles(obs_path=...): an OBS folder ("obs://bucket/stage/" or "/bucket/stage/"). When set, every
  /// call that sends a config (fit, create_job_version, create_job_configs, update_job_configs) first checks the
  /// local code_dir and boot_file, then uploads the tree under obs_path + "<tree hash>/code/" (files already there
  /// with the same MD5 are skipped; see ObsClient::stage_code_dir) and sends app_url and boot_file_url pointing there.
  MODELARTS_OPTION(std::string, obs_path);
  /// How a local code_dir is uploaded: part size, parallelism, progress.
  MODELARTS_OPTION(obs::TransferOptions, code_upload);
  /// Built-in algorithm name, resolved to model_id; replaces code_dir, boot_file and the framework.
  MODELARTS_OPTION(std::string, model_name);
  MODELARTS_OPTION(std::string, framework_type);     ///< engine name, e.g. "PyTorch"; with framework_version
  MODELARTS_OPTION(std::string, framework_version);  ///< resolved with framework_type to engine_id
  MODELARTS_OPTION(std::vector<Parameter>, hyperparameters);
  MODELARTS_OPTION(std::string, log_url);
  MODELARTS_OPTION(std::string, job_description);
  MODELARTS_OPTION(std::string, user_image_url);
  MODELARTS_OPTION(std::string, user_command);
  /// Skip the look-ups when the numeric IDs are already known.
  MODELARTS_OPTION(std::optional<std::int64_t>, spec_id);
  MODELARTS_OPTION(std::optional<std::int64_t>, engine_id);
  MODELARTS_OPTION(std::optional<std::int64_t>, model_id);
  /// How fit(wait=true) and create_job_version(wait=true) poll.
  MODELARTS_OPTION(WaitOptions, wait_options);
};

class Estimator {
 public:
  Estimator(Session session, EstimatorOptions options);

  const EstimatorOptions& options() const noexcept { return options_; }
  const Session& session() const noexcept { return session_; }

  /// Python fit(inputs | dataset_id+dataset_version_id, wait=False, job_name=None): POST /training-jobs.
  /// job_name is generated when empty. With wait, returns after the version reached a terminal status.
  TrainingJob fit(const Inputs& inputs, bool wait = false, std::string job_name = {}) const;
  /// Python create_job_version(job_id, pre_version_id, inputs, wait=False, job_desc=None).
  TrainingJob create_job_version(const std::string& job_id, const std::string& pre_version_id, const Inputs& inputs,
                                 bool wait = false, const std::string& job_desc = {}) const;
  /// Python create_job_configs(config_name=None, config_desc=None, inputs): POST /training-job-configs.
  TrainingJobConfig create_job_configs(const Inputs& inputs, std::string config_name = {},
                                       const std::string& config_desc = {}) const;
  /// Python est.update_job_configs(config_name, config_desc, inputs): PUT /training-job-configs/{name}.
  void update_job_configs(const std::string& config_name, const Inputs& inputs,
                          const std::string& config_desc = {}) const;

  /// Python Estimator.get_job_list(session, status, per_page, page, sortBy, order, search_content).
  static TrainingJobList get_job_list(const Session& session, const ListOptions& options = {});
  /// One page of jobs as objects (Python has none); TrainingJob::list pages lazily through all of them.
  static std::vector<TrainingJob> get_job_object_list(const Session& session, const ListOptions& options = {});
  /// Python Estimator.delete_job_by_id(session, job_id).
  static void delete_job_by_id(const Session& session, const std::string& job_id);
  /// Python Estimator.get_train_instance_types(session): GET /job/resource-specs?job_type=train.
  static std::vector<SpecInfo> get_train_instance_types(const Session& session);
  /// Python Estimator.get_framework_list(session): GET /job/ai-engines?job_type=train.
  static std::vector<EngineInfo> get_framework_list(const Session& session);
  /// Python Estimator.get_built_in_algorithms(session): GET /built-in-algorithms (every page).
  static std::vector<AlgorithmInfo> get_built_in_algorithms(const Session& session);
  /// Python Estimator.get_job_configs_list(session, per_page, page, sortBy, order, search_content).
  static ConfigList get_job_configs_list(const Session& session, const ListOptions& options = {});
  /// Python Estimator.get_job_configs_object_list(...): one page of configs as objects.
  static std::vector<TrainingJobConfig> get_job_configs_object_list(const Session& session,
                                                                    const ListOptions& options = {});

  /// The body fields shared by jobs, versions and configs (spec/engine/model resolved, cached per
  /// Estimator), as JSON object text. Public for the CLI's dry-run display; most callers never need it.
  /// With obs_path nothing is uploaded: app_url names where the upload would go.
  std::string config_json(const Inputs& inputs) const;

 private:
  /// config_json, uploading a local code_dir first when `upload_code`.
  std::string config_text(const Inputs& inputs, bool upload_code) const;
  struct Resolved;
  Session session_;
  EstimatorOptions options_;
  std::shared_ptr<Resolved> resolved_;  // look-up cache shared by copies
};

}  // namespace modelarts
