// SPDX-License-Identifier: Apache-2.0
// v2::Estimator: the Python modelarts.estimatorV2.Estimator. Built with the constructor's keywords as fluent
// options; fit() creates a new-version training job (POST /v2/{project_id}/training-jobs). The statics are
// Python's static look-ups (also reachable on TrainingJob).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <modelarts/obs.hpp>
#include <modelarts/options.hpp>
#include <modelarts/session.hpp>
#include <modelarts/v2/options.hpp>
#include <modelarts/v2/training_job.hpp>
#include <modelarts/v2/training_job_info.hpp>

namespace modelarts::v2 {

/// Python TrainingFiles(code_dir, boot_file, obs_path=None). code_dir is an OBS directory (obs://bkt/code/
/// or /bkt/code/); boot_file is its full OBS path or a path relative to code_dir. With obs_path (an OBS
/// folder), code_dir is a local directory and boot_file a file in it, relative to it: fit() checks them and
/// the code-directory limits, uploads the tree with session.obs().stage_code_dir under
/// obs_path + "<tree hash>/code/" (unchanged files are skipped), then creates the job pointing there.
struct TrainingFiles {
  std::string code_dir;
  std::string boot_file;
  std::string obs_path;
};

/// Environment variables: name (letters, digits, _; not starting with a digit) to value; at most 100.
using Environment = std::map<std::string, std::string>;

/// The Python estimatorV2 constructor keywords. Exactly one algorithm form: a preset engine
/// (framework_type + framework_version + training_files), a custom image (user_image_url + user_command,
/// training_files optional) or a saved algorithm (algorithm_id).
class EstimatorOptions {
  MODELARTS_OPTION(TrainingFiles, training_files);
  MODELARTS_OPTION(std::vector<OutputData>, outputs);
  MODELARTS_OPTION(std::vector<Parameter>, parameters);
  MODELARTS_OPTION(std::string, framework_type);     ///< algorithm.engine.engine_name, e.g. "PyTorch"
  MODELARTS_OPTION(std::string, framework_version);  ///< algorithm.engine.engine_version
  MODELARTS_OPTION(std::string, user_image_url);     ///< algorithm.engine.image_url
  MODELARTS_OPTION(std::string, user_command);       ///< algorithm.command
  MODELARTS_OPTION(std::string, algorithm_id);       ///< algorithm.id
  MODELARTS_OPTION(std::string, train_instance_type);  ///< spec.resource.flavor_id (get_train_instance_types)
  MODELARTS_OPTION(int, train_instance_count){1};      ///< spec.resource.node_count
  MODELARTS_OPTION(std::string, pool_id);              ///< spec.resource.pool_id (dedicated pool)
  MODELARTS_OPTION(std::string, log_url);              ///< spec.log_export_path.obs_url
  MODELARTS_OPTION(Environment, env_variables);  ///< algorithm.environments
  MODELARTS_OPTION(std::string, working_dir);          ///< algorithm.working_dir
  MODELARTS_OPTION(std::string, job_description);      ///< metadata.description, 0..256 characters
  /// How fit(wait = true) polls.
  MODELARTS_OPTION(WaitOptions, wait_options);
  /// How fit() uploads a local code_dir (training_files.obs_path set): part size, parallelism, progress.
  MODELARTS_OPTION(obs::TransferOptions, code_upload);
};

class Estimator {
 public:
  Estimator(Session session, EstimatorOptions options);

  const EstimatorOptions& options() const noexcept { return options_; }
  const Session& session() const noexcept { return session_; }

  /// Python fit(inputs=None, wait=False, job_name=None): POST /v2/{pid}/training-jobs (201). job_name
  /// (1..64 of A-Z a-z 0-9 _ -) is generated when empty. Everything is checked before sending
  /// (InvalidArgumentError); with training_files.obs_path the local code is uploaded first (see TrainingFiles).
  /// With wait, returns once the job reached a terminal phase (see TrainingJob::wait); otherwise at once,
  /// holding the created job (phase Creating). Never makes two jobs: see create_job.
  TrainingJob fit(const std::vector<InputData>& inputs = {}, bool wait = false, std::string job_name = {}) const;

  /// POST /v2/{pid}/training-jobs with a whole create body (JSON text, ModelArts API Reference, "Creating a Training
  /// Job"; metadata.name required, else InvalidArgumentError), as fit() sends it. v2 has no client token, so a create
  /// whose answer was lost is resent; if the resend meets 400 ModelArts.2751 (name taken), a search by name (POST
  /// /v2/{pid}/training-job-searches) proves whether the job of that name is ours: the same name, description,
  /// algorithm and resource fields as sent, created no earlier than the first attempt less 5 s. Then it is returned;
  /// otherwise the 2751 is thrown (ApiError, kind conflict).
  static TrainingJobInfo create_job(const Session& session, const std::string& body);

  /// The create body fit() would send for this name and these inputs (JSON text), after the same checks. With
  /// training_files.obs_path nothing is uploaded: code_dir names where fit() would upload the local tree.
  std::string create_body(const std::vector<InputData>& inputs, const std::string& job_name) const;

  /// Python Estimator.get_job_list(...): see TrainingJob::get_job_list.
  static TrainingJobList get_job_list(const Session& session, const SearchOptions& options = {});
  /// Python Estimator.delete_job_by_id(session, job_id).
  static void delete_job_by_id(const Session& session, const std::string& job_id);
  /// Python Estimator.control_job_by_id(session, job_id).
  static TrainingJobInfo control_job_by_id(const Session& session, const std::string& job_id);
  /// Python Estimator.get_train_instance_types(session): GET /v2/{pid}/training-job-flavors
  /// [?flavor_type=CPU|GPU|Ascend].
  static std::vector<FlavorInfo> get_train_instance_types(const Session& session, const std::string& flavor_type = {});
  /// Python Estimator.get_framework_list(session): GET /v2/{pid}/training-job-engines.
  static std::vector<EngineInfo> get_framework_list(const Session& session);

 private:
  Session session_;
  EstimatorOptions options_;
};

}  // namespace modelarts::v2
