// SPDX-License-Identifier: Apache-2.0
// LabelJob: a handle on one legacy label job in the session's project. From an ID without I/O (the service
// has no single-job GET), from create, or from the list calls (holding the row returned).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <modelarts/label_api.hpp>
#include <modelarts/label_job_info.hpp>
#include <modelarts/paging.hpp>
#include <modelarts/session.hpp>

namespace modelarts {

class LabelJob {
 public:
  LabelJob(Session session, std::string job_id);
  LabelJob(Session session, LabelJobInfo info);

  const std::string& job_id() const noexcept { return job_id_; }
  bool has_info() const noexcept { return info_.has_value(); }
  /// What the create or list call returned; throws InvalidArgumentError on an object built from an ID.
  const LabelJobInfo& info() const;

  void update_label_job(const ModLabelRequest& request) const;
  void delete_label_job() const;
  void save_validation(double pass_rate) const;
  ValidationInfo query_validation() const;

  /// Creates a label job; a retried create answering "name already exists" returns the existing job.
  static LabelJob create(const Session& session, const CreateLabelRequest& request);
  /// One page of label jobs as objects.
  static std::vector<LabelJob> get_label_job_object_list(const Session& session, const LabelJobQuery& query = {});
  /// A lazy range over every label job, from page query.offset() on.
  static Pager<LabelJob> list(const Session& session, const LabelJobQuery& query = {});

 private:
  Session session_;
  std::string job_id_;
  std::optional<LabelJobInfo> info_;
};

}  // namespace modelarts
