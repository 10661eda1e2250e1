// SPDX-License-Identifier: Apache-2.0
#include <modelarts/label_job.hpp>

#include "resources/listing.hpp"
#include "resources/validate.hpp"

namespace modelarts {
using namespace detail;

LabelJob::LabelJob(Session session, std::string job_id) : session_(std::move(session)), job_id_(std::move(job_id)) {}

LabelJob::LabelJob(Session session, LabelJobInfo info)
    : session_(std::move(session)), job_id_(info.id), info_(std::move(info)) {}

const LabelJobInfo& LabelJob::info() const {
  if (!info_) throw_invalid_argument("LabelJob " + job_id_ + " was built from an ID and the service has no single-job GET");
  return *info_;
}

void LabelJob::update_label_job(const ModLabelRequest& request) const {
  LabelApi(session_).mod_label_job(session_.project_id(), job_id_, request);
}

void LabelJob::delete_label_job() const { LabelApi(session_).delete_label_job(session_.project_id(), job_id_); }

void LabelJob::save_validation(double pass_rate) const {
  LabelApi(session_).save_validation(session_.project_id(), job_id_, SaveValidationRequest{pass_rate});
}

ValidationInfo LabelJob::query_validation() const {
  return LabelApi(session_).query_validation(session_.project_id(), job_id_);
}

LabelJob LabelJob::create(const Session& session, const CreateLabelRequest& request) {
  CreatedLabelJob created = LabelApi(session).create_label_job(session.project_id(), request);
  // The reply holds only job_id and dls_prj_id; the object also keeps what was asked for.
  LabelJobInfo info;
  info.id = created.job_id;
  info.dls_prj_id = created.dls_prj_id;
  info.name = request.name;
  info.description = request.description;
  info.data_type = request.data_type;
  info.path = request.path;
  info.type = request.type;
  info.raw_json = created.raw_json;
  return LabelJob(session, std::move(info));
}

std::vector<LabelJob> LabelJob::get_label_job_object_list(const Session& session, const LabelJobQuery& query) {
  return objects_of<LabelJob>(session, LabelApi(session).query_label_jobs(session.project_id(), query).items);
}

Pager<LabelJob> LabelJob::list(const Session& session, const LabelJobQuery& query) {
  auto fetch = [session, query](std::int64_t page) {
    LabelJobList list = LabelApi(session).query_label_jobs(session.project_id(),
                                                          LabelJobQuery(query).offset(static_cast<int>(page)));
    return page_of<LabelJob>(session, std::move(list));
  };
  return Pager<LabelJob>(fetch, query.offset());
}

}  // namespace modelarts
