// SPDX-License-Identifier: Apache-2.0
// `modelarts label-job ...`: legacy label (annotation) jobs through LabelApi, project first, call for call.
// The list takes the same --page/--per-page as every other list (the API calls them offset and limit).
#include <cstdio>
#include <ostream>

#include <modelarts/label_api.hpp>
#include <modelarts/label_job.hpp>

#include "groups.hpp"
#include "json_output.hpp"
#include "list_flags.hpp"
#include "list_output.hpp"
#include "options.hpp"
#include "table.hpp"
#include "usage_error.hpp"

namespace modelarts::cli {

namespace {

struct LabelCall {
  LabelApi api;
  std::string project_id;
};

LabelCall label_api(Invocation& invocation) {
  const Session& session = invocation.session();
  return {LabelApi(session), session.project_id()};
}

int report_job_id(Invocation& invocation, const std::string& job_id, const std::string& done) {
  if (invocation.json())
    print_json(invocation, boost::json::object{{"job_id", job_id}});
  else
    invocation.out() << done << " label job " << job_id << ".\n";
  return 0;
}

Fields label_job_fields(const LabelJobInfo& job) {
  return {{"id", job.id},
          {"name", job.name},
          {"description", job.description},
          {"type", job.type},
          {"data_type", job.data_type},
          {"path", job.path},
          {"filter_name", job.filter_name},
          {"progress", job.progress},
          {"create_time", job.create_time}};
}

/// The service has no single-job GET: the job is found by paging through the list.
LabelJobInfo find_job(Invocation& invocation, const std::string& job_id) {
  if (job_id.empty()) throw UsageError("JOB_ID must not be empty");
  for (const auto& job : LabelJob::list(invocation.session(), LabelJobQuery().limit(100)))
    if (job.info().id == job_id) return job.info();
  throw CommandFailure("label job " + job_id + " does not exist", ExitStatus::not_found);
}

void add_label_row(Table& into, const LabelJobInfo& job) {
  into.add_row({job.id, job.name, job.type, job.data_type, job.path.empty() ? job.filter_name : job.path, job.progress,
                job.create_time, job.description});
}

int list_jobs(Invocation& invocation) {
  const Paging paging = paging_from(invocation);
  LabelJobQuery query;
  query.offset(paging.page).limit(paging.per_page);
  if (auto v = invocation.get<std::string>("sort-by")) query.sort_by(*v);
  if (auto v = invocation.get<std::string>("order")) {
    if (*v != "asc" && *v != "desc") throw UsageError("--order must be asc or desc, not '" + *v + "'");
    query.order(*v);
  }
  if (auto v = invocation.get<std::string>("search")) query.search_content(*v);
  Table table({"ID", "NAME", "TYPE", "DATA_TYPE", "PATH", "PROGRESS", "CREATED", "DESCRIPTION"});
  if (paging.all) return print_all_pages(invocation, paging, table, LabelJob::list(invocation.session(), query), add_label_row);
  const auto [api, project_id] = label_api(invocation);
  const LabelJobList list = api.query_label_jobs(project_id, query);
  return print_one_page(invocation, paging, table, list.items, list.total_count, "label jobs", add_label_row);
}

int get_job(Invocation& invocation) {
  const LabelJobInfo job = find_job(invocation, invocation.arg(0));
  if (invocation.json())
    print_json_text(invocation, job.raw_json);
  else
    print_fields(invocation.out(), label_job_fields(job));
  return 0;
}

int create_job(Invocation& invocation) {
  CreateLabelRequest request;
  request.name = invocation.arg(0);
  request.description = invocation.get_or<std::string>("description", "");
  request.data_type = invocation.get_or<std::string>("data-type", request.data_type);
  request.path = invocation.get_or<std::string>("path", "");
  request.filter_id = invocation.get_or<std::string>("filter-id", "");
  request.type = invocation.get_or<std::string>("type", request.type);
  const auto [api, project_id] = label_api(invocation);
  const CreatedLabelJob created = api.create_label_job(project_id, request);
  if (invocation.json())
    print_json_text(invocation, created.raw_json);
  else
    print_fields(invocation.out(), {{"job_id", created.job_id}, {"dls_prj_id", std::to_string(created.dls_prj_id)}});
  return 0;
}

int update_job(Invocation& invocation) {
  const auto name = invocation.get<std::string>("name");
  const auto description = invocation.get<std::string>("description");
  if (!name && !description) throw UsageError("nothing to change", "give --name and/or --description");
  // PUT wants the name and replaces the description: keep the current value of what is not given.
  ModLabelRequest request;
  if (name && description) {
    request = {*name, *description};
  } else {
    const LabelJobInfo current = find_job(invocation, invocation.arg(0));
    request = {name.value_or(current.name), description.value_or(current.description)};
  }
  const auto [api, project_id] = label_api(invocation);
  return report_job_id(invocation, api.mod_label_job(project_id, invocation.arg(0), request), "Updated");
}

int delete_job(Invocation& invocation) {
  const auto [api, project_id] = label_api(invocation);
  return report_job_id(invocation, api.delete_label_job(project_id, invocation.arg(0)), "Deleted");
}

int save_validation(Invocation& invocation) {
  const double pass_rate = invocation.get_or<double>("pass-rate", -1);
  if (pass_rate < 0 || pass_rate > 100) throw UsageError("--pass-rate must be between 0 and 100");
  const auto [api, project_id] = label_api(invocation);
  return report_job_id(invocation, api.save_validation(project_id, invocation.arg(0), SaveValidationRequest{pass_rate}),
                       "Saved the validation of");
}

int query_validation(Invocation& invocation) {
  const auto [api, project_id] = label_api(invocation);
  const ValidationInfo info = api.query_validation(project_id, invocation.arg(0));
  if (invocation.json()) {
    print_json_text(invocation, info.raw_json);
    return 0;
  }
  char rate[32];
  std::snprintf(rate, sizeof rate, "%.2f", info.last_pass_rate);
  print_fields(invocation.out(), {{"image_count", std::to_string(info.image_count)},
                                  {"last_pass_rate", rate},
                                  {"last_validation_time", info.last_validation_time}});
  if (info.images.empty()) return 0;
  invocation.out() << '\n';
  Table table({"IMAGE_ID", "URL", "TAGS"});
  for (const auto& image : info.images) {
    std::string tags;
    for (const auto& tag : image.tags) tags += (tags.empty() ? "" : ",") + tag;
    table.add_row({image.image_id, image.url, tags});
  }
  table.print(invocation.out());
  return 0;
}

Group label_job_group() {
  Group group{"label-job", "Label (annotation) jobs, legacy LabelApi: create, list, get, update, delete, validation", {}, false};
  group.verbs.push_back({"list", "List label jobs (Python query_label_jobs)", {},
                         [](CLI::App& o) { add_list_flags(o, false); }, list_jobs,
                         "--sort-by takes name or create_time."});
  group.verbs.push_back({"get", "Show one label job (found through the list: the API has no single-job GET)", {"JOB_ID"}, {},
                         get_job, {}});
  group.verbs.push_back({"create", "Create a label job (Python create_label_job)", {"NAME"},
                         [](CLI::App& o) {
                           text(o, "path", "OBS_PATH", "images to label (data type OBS)");
                           text(o, "description", "TEXT", "job description");
                           text(o, "data-type", "TYPE", "OBS (default) or \"filter job\"");
                           text(o, "filter-id", "ID", "filter job (data type \"filter job\")");
                           text(o, "type", "TYPE", "\"Manual Image classify\" (default) or \"Manual Object detection\"");
                         },
                         create_job, {}});
  group.verbs.push_back({"update", "Rename a label job and/or change its description (Python mod_label_job)", {"JOB_ID"},
                         [](CLI::App& o) {
                           text(o, "name", "NAME", "the new name (default: unchanged)");
                           text(o, "description", "TEXT", "the new description (default: unchanged)");
                         },
                         update_job, {}});
  group.verbs.push_back({"delete", "Delete a label job (Python delete_label_job)", {"JOB_ID"}, {}, delete_job, {}});
  group.verbs.push_back({"validation", "Show a label job's validation (Python query_validation)", {"JOB_ID"}, {},
                         query_validation, {}});
  group.verbs.push_back({"save-validation", "Save a validation result (Python save_validation)", {"JOB_ID"},
                         [](CLI::App& o) { number(o, "pass-rate", "PERCENT", "0.00 .. 100.00", Need::required); },
                         save_validation, {}});
  return group;
}

const GroupRegistration registered{50, label_job_group};

}  // namespace

}  // namespace modelarts::cli
