// `modelarts label-job ...`: legacy label (annotation) jobs through LabelApi, project first, call for call.
#include <cstdio>
#include <ostream>

#include <modelarts/label_api.hpp>
#include <modelarts/label_job.hpp>

#include "groups.hpp"
#include "json_output.hpp"
#include "list_output.hpp"
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
    print_json(invocation.out(), "{\"job_id\":" + json_quote(job_id) + "}");
  else
    invocation.out() << done << " label job " << job_id << ".\n";
  return 0;
}

int list_jobs(Invocation& invocation) {
  LabelJobQuery query;
  if (auto v = invocation.get<int>("offset")) query.offset(*v);
  if (auto v = invocation.get<int>("limit")) query.limit(*v);
  if (auto v = invocation.get<std::string>("sort-by")) query.sort_by(*v);
  if (auto v = invocation.get<std::string>("order")) query.order(*v);
  if (auto v = invocation.get<std::string>("search")) query.search_content(*v);
  Table table({"ID", "NAME", "TYPE", "DATA_TYPE", "PATH", "PROGRESS", "CREATED", "DESCRIPTION"});
  const auto add_row = [](Table& into, const LabelJobInfo& job) {
    into.add_row({job.id, job.name, job.type, job.data_type, job.path.empty() ? job.filter_name : job.path,
                  job.progress, job.create_time, job.description});
  };
  if (invocation.flag("all")) {
    return print_all_pages(invocation, table, LabelJob::list(invocation.session(), query), add_row);
  }
  const auto [api, project_id] = label_api(invocation);
  const LabelJobList list = api.query_label_jobs(project_id, query);
  return print_one_page(invocation, table, list.raw_json, list.jobs, list.job_total_count, "label jobs", add_row);
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
    print_json(invocation.out(), created.raw_json);
  else
    print_fields(invocation.out(), {{"job_id", created.job_id}, {"dls_prj_id", std::to_string(created.dls_prj_id)}});
  return 0;
}

int update_job(Invocation& invocation) {
  const ModLabelRequest request{invocation.get_or<std::string>("name", ""),
                                invocation.get_or<std::string>("description", "")};
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
    print_json(invocation.out(), info.raw_json);
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

}  // namespace

Group label_job_group() {
  Group group{"label-job", "Label (annotation) jobs, legacy LabelApi: create, list, update, delete, validation", {}, false};
  group.verbs.push_back({"list", "List label jobs (Python query_label_jobs)", {},
                         [](po::options_description& o) {
                           o.add_options()("offset", po::value<int>()->value_name("PAGE"), "page number (default 1)")
                               ("limit", po::value<int>()->value_name("N"), "page size (default 10)")
                               ("sort-by", po::value<std::string>()->value_name("FIELD"), "name or create_time")
                               ("order", po::value<std::string>()->value_name("asc|desc"), "sort order")
                               ("search", po::value<std::string>()->value_name("TEXT"), "only names containing TEXT")
                               ("all", po::bool_switch(), "every page from --offset on (-o json: an array of the items)");
                         },
                         list_jobs, {}});
  group.verbs.push_back({"create", "Create a label job (Python create_label_job)", {"NAME"},
                         [](po::options_description& o) {
                           o.add_options()("path", po::value<std::string>()->value_name("OBS_PATH"), "images to label (data type OBS)")
                               ("description", po::value<std::string>()->value_name("TEXT"), "job description")
                               ("data-type", po::value<std::string>()->value_name("TYPE"), "OBS (default) or \"filter job\"")
                               ("filter-id", po::value<std::string>()->value_name("ID"), "filter job (data type \"filter job\")")
                               ("type", po::value<std::string>()->value_name("TYPE"), "\"Manual Image classify\" (default) or \"Manual Object detection\"");
                         },
                         create_job, {}});
  group.verbs.push_back({"update", "Rename a label job or change its description (Python mod_label_job)", {"JOB_ID"},
                         [](po::options_description& o) {
                           o.add_options()("name", po::value<std::string>()->required()->value_name("NAME"), "the job's name")
                               ("description", po::value<std::string>()->value_name("TEXT"), "the job's description");
                         },
                         update_job, {}});
  group.verbs.push_back({"delete", "Delete a label job (Python delete_label_job)", {"JOB_ID"}, {}, delete_job, {}});
  group.verbs.push_back({"validation", "Show a label job's validation (Python query_validation)", {"JOB_ID"}, {},
                         query_validation, {}});
  group.verbs.push_back({"save-validation", "Save a validation result (Python save_validation)", {"JOB_ID"},
                         [](po::options_description& o) {
                           o.add_options()("pass-rate", po::value<double>()->required()->value_name("PERCENT"), "0.00 .. 100.00");
                         },
                         save_validation, {}});
  return group;
}

}  // namespace modelarts::cli
