// SPDX-License-Identifier: Apache-2.0
// TrainingJobConfig: a handle on one training job config (parameter preset), keyed by its name. Built from a
// name without I/O, returned by Estimator::create_job_configs, or by list calls (holding the list row).
#pragma once

#include <optional>
#include <string>

#include <modelarts/config_info.hpp>
#include <modelarts/inputs.hpp>
#include <modelarts/list_options.hpp>
#include <modelarts/paging.hpp>
#include <modelarts/session.hpp>

namespace modelarts {

class Estimator;

class TrainingJobConfig {
 public:
  TrainingJobConfig(Session session, std::string config_name);
  TrainingJobConfig(Session session, ConfigInfo info);

  const std::string& config_name() const noexcept { return config_name_; }
  bool has_info() const noexcept { return info_.has_value(); }
  /// What the create or list call returned; throws InvalidArgumentError on an object built from a name.
  const ConfigInfo& info() const;

  /// Python get_job_configs_info(): GET .../training-job-configs/{name}.
  ConfigInfo get_job_configs_info() const;
  /// Python update_job_configs(...): PUT .../training-job-configs/{name} with the body the estimator's
  /// options build (the same fields as create, minus config_name).
  void update_job_configs(const Estimator& estimator, const Inputs& inputs, const std::string& config_desc = {}) const;
  /// Python delete_job_configs(): DELETE .../training-job-configs/{name}.
  void delete_job_configs() const;

  /// A lazy range over every config.
  static Pager<TrainingJobConfig> list(const Session& session, const ListOptions& options = {});

 private:
  Session session_;
  std::string config_name_;
  std::optional<ConfigInfo> info_;
};

}  // namespace modelarts
