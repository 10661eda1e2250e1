// SPDX-License-Identifier: Apache-2.0
// VisualizationJob: a handle on one visualization (TensorBoard / MindInsight) job (ModelArts SDK Reference,
// "Visualization Jobs"). From an ID without I/O, from create_visualization_job, or from the list calls (holding the row
// returned).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <modelarts/list_options.hpp>
#include <modelarts/options.hpp>
#include <modelarts/paging.hpp>
#include <modelarts/session.hpp>
#include <modelarts/visualization_job_info.hpp>
#include <modelarts/wait.hpp>

namespace modelarts {

/// What VisualizationJob::wait waits for: the job serving (running) or over (a terminal status).
enum class VisualizationWaitGoal { running, ended };

/// The create fields Python does not take as arguments.
class VisualizationJobOptions {
  MODELARTS_OPTION(std::string, job_type);          ///< "tensorboard" (service default) or "mindinsight"
  MODELARTS_OPTION(std::string, flavor_code);       ///< normally left empty
  MODELARTS_OPTION(std::optional<int>, auto_stop_hours);  ///< schedule {type stop, HOURS, 0..24}
};

class VisualizationJob {
 public:
  /// Python VisualizationJob(session, visualization_id=None): no request. An empty ID is only good for
  /// create_visualization_job.
  explicit VisualizationJob(Session session, std::string job_id = {});
  VisualizationJob(Session session, VisualizationJobInfo info);

  const std::string& job_id() const noexcept { return job_id_; }
  bool has_info() const noexcept { return info_.has_value(); }
  /// What the create or list call returned (no request); throws InvalidArgumentError on an object built from an ID.
  const VisualizationJobInfo& info() const;

  /// Python create_visualization_job(train_url, job_name=None, job_desc=None): POST /visualization-jobs.
  /// job_name is generated when empty. Returns a new object holding the create reply.
  VisualizationJob create_visualization_job(const std::string& train_url, std::string job_name = {},
                                            const std::string& job_desc = {},
                                            const VisualizationJobOptions& options = {}) const;
  /// Python get_visualization_job_info(): GET /visualization-jobs/{id}.
  VisualizationJobInfo get_visualization_job_info() const;
  /// Python update_visualization_job(job_desc): PUT /visualization-jobs/{id}.
  void update_visualization_job(const std::string& job_desc) const;
  /// Python stop_visualization_job(): POST /visualization-jobs/{id}/stop.
  void stop_visualization_job() const;
  /// Python restart_visualization_job(): POST /visualization-jobs/{id}/restart.
  void restart_visualization_job() const;
  /// Python delete_visualization_job(): DELETE /visualization-jobs/{id}.
  void delete_visualization_job() const;

  /// Polls GET /visualization-jobs/{id} with growing pauses (session clock) until the job is running (8: its
  /// service_url serves) or in a terminal status (failed, stopped: 10, ...), or with `until` ended, until it is in
  /// a terminal status; returns that info. Rides through transport errors and 5xx/429 answers until the deadline,
  /// then throws WaitTimeoutError. Python has no counterpart.
  VisualizationJobInfo wait(const VisualizationWaitOptions& options = {},
                            VisualizationWaitGoal until = VisualizationWaitGoal::running) const;

  /// Python VisualizationJob.get_visualization_job_list(session, status, per_page, page, sortBy, order, search_content).
  static VisualizationJobList get_visualization_job_list(const Session& session, const ListOptions& options = {});
  /// Python get_visualization_job_object_list(...): one page as objects holding their rows.
  static std::vector<VisualizationJob> get_visualization_job_object_list(const Session& session,
                                                                        const ListOptions& options = {});
  /// A lazy range over every visualization job.
  static Pager<VisualizationJob> list(const Session& session, const ListOptions& options = {});

 private:
  Session session_;
  std::string job_id_;
  std::optional<VisualizationJobInfo> info_;
};

}  // namespace modelarts
