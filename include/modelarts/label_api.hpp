// SPDX-License-Identifier: Apache-2.0
// LabelApi: the legacy label (annotation) job client, call for call (legacy ModelArts SDK Reference, "Data Labeling
// Jobs"): every call takes the project ID first and a request struct where Python takes a dict. Failures throw
// ApiError.
#pragma once

#include <string>

#include <modelarts/label_job_info.hpp>
#include <modelarts/options.hpp>
#include <modelarts/session.hpp>

namespace modelarts {

/// Python create_label_req dict.
struct CreateLabelRequest {
  std::string name;
  std::string description;
  std::string data_type{"OBS"};   ///< "OBS" or "filter job"
  std::string path;               ///< OBS path (data_type OBS)
  std::string filter_id;          ///< data_type "filter job"
  std::string type{"Manual Image classify"};  ///< or "Manual Object detection"
};

/// Python mod_label_req dict: {"name", "description"}.
struct ModLabelRequest {
  std::string name;
  std::string description;
};

/// Python save_validation_req dict.
struct SaveValidationRequest {
  double pass_rate = 0.0;  ///< 0.00 .. 100.00
};

/// Python query_label_jobs keyword arguments. offset is a page number, limit the page size.
class LabelJobQuery {
  MODELARTS_OPTION(int, offset){1};
  MODELARTS_OPTION(int, limit){10};
  MODELARTS_OPTION(std::string, sort_by);  ///< "name" (service default) or "create_time"; sent as sort_by
  MODELARTS_OPTION(std::string, order);    ///< "asc" (service default) or "desc"
  MODELARTS_OPTION(std::string, search_content);
};

class LabelApi {
 public:
  explicit LabelApi(Session session);

  /// POST /v1/{project_id}/annotation-jobs.
  CreatedLabelJob create_label_job(const std::string& project_id, const CreateLabelRequest& request) const;
  /// GET /v1/{project_id}/annotation-jobs?offset=&limit=&sort_by=&order=&search_content=
  LabelJobList query_label_jobs(const std::string& project_id, const LabelJobQuery& query = {}) const;
  /// PUT /v1/{project_id}/annotation-jobs/{job_id}; returns the job_id the service echoes.
  std::string mod_label_job(const std::string& project_id, const std::string& job_id,
                            const ModLabelRequest& request) const;
  /// DELETE /v1/{project_id}/annotation-jobs/{job_id}; a retried attempt answering "not found" succeeded.
  std::string delete_label_job(const std::string& project_id, const std::string& job_id) const;
  /// POST /v1/{project_id}/annotation-jobs/{job_id}/validation.
  std::string save_validation(const std::string& project_id, const std::string& job_id,
                              const SaveValidationRequest& request) const;
  /// GET /v1/{project_id}/annotation-jobs/{job_id}/validation.
  ValidationInfo query_validation(const std::string& project_id, const std::string& job_id) const;

 private:
  Session session_;
};

}  // namespace modelarts
