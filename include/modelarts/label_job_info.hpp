// SPDX-License-Identifier: Apache-2.0
// Legacy label (annotation) jobs (legacy ModelArts SDK Reference, "Data Labeling Jobs"): replies carry no is_success;
// IDs are UUIDs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <modelarts/list_page.hpp>

namespace modelarts {

struct LabelProgressDetail {
  std::int64_t total_count = 0;
  std::int64_t has_tag_count = 0;
  std::int64_t not_tag_count = 0;
};

struct LabelJobInfo {
  std::string id;           ///< job_id in create/mod/delete replies
  std::string name;
  std::string description;
  std::string data_type;    ///< "OBS" or "filter job"
  std::string path;
  std::string filter_name;
  std::string type;         ///< "Manual Image classify" or "Manual Object detection"
  std::string create_time;  ///< a datetime text
  std::int64_t dls_prj_id = 0;
  std::string progress;
  LabelProgressDetail progress_detail;
  std::string raw_json;
};

/// GET /annotation-jobs (Python query_label_jobs): jobs[] in items, job_total_count,
/// manual_annotation_count_limit in count_limit.
using LabelJobList = ListPage<LabelJobInfo>;

/// POST /annotation-jobs reply.
struct CreatedLabelJob {
  std::string job_id;
  std::int64_t dls_prj_id = 0;
  std::string raw_json;
};

struct ValidationImage {
  std::string image_id;
  std::string url;
  std::vector<std::string> tags;
};

/// GET /annotation-jobs/{id}/validation (Python query_validation).
struct ValidationInfo {
  std::int64_t image_count = 0;
  std::vector<ValidationImage> images;
  double last_pass_rate = 0.0;
  std::string last_validation_time;
  std::string raw_json;
};

}  // namespace modelarts
