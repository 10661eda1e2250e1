// SPDX-License-Identifier: Apache-2.0
#include "label_jobs.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "field_reader.hpp"
#include "listing.hpp"
#include "naming.hpp"
#include "query_reader.hpp"
#include "time_format.hpp"

namespace modelarts::testing::detail::service {

namespace {
constexpr std::size_t kNameMax = 64;
constexpr std::size_t kSearchMax = 100;  // the label API documents [0,100]
constexpr std::int64_t kShownImages = 5;

ServiceResponse label_error(const Failure& f) { return error_reply(f, ErrorStyle::legacy); }

std::string new_uuid(std::mt19937_64& random) {
  const std::uint64_t high = (random() & 0xFFFFFFFFFFFF0FFFull) | 0x0000000000004000ull;  // version 4
  const std::uint64_t low = (random() & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;   // variant 1
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%08llx-%04llx-%04llx-%04llx-%012llx",
                static_cast<unsigned long long>(high >> 32), static_cast<unsigned long long>((high >> 16) & 0xFFFF),
                static_cast<unsigned long long>(high & 0xFFFF), static_cast<unsigned long long>(low >> 48),
                static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFull));
  return buffer;
}

std::variant<LabelJob*, Failure> find_job(RequestContext& ctx, const std::string& job_id) {
  auto it = ctx.state.label_jobs.find(job_id);
  if (it == ctx.state.label_jobs.end()) return not_found("Label job " + printable(job_id) + " does not exist");
  return &it->second;
}

std::optional<Failure> check_name(const RequestContext& ctx, const std::string& name, const std::string& self_id) {
  if (!is_legal_name(name, kNameMax)) return parameter_error("Illegal name");
  for (const auto& [id, job] : ctx.state.label_jobs)
    if (job.name == name && id != self_id) return failure("ModelArts.0103", "Job name:" + name + " is existed");
  return std::nullopt;
}

std::optional<json::object> read_body(const RequestContext& ctx, std::optional<Failure>& f) {
  return parse_body_object(ctx.request.body, f);
}
}  // namespace

ServiceResponse create_label_job(RequestContext& ctx) {
  std::optional<Failure> parse_failure;
  auto body = read_body(ctx, parse_failure);
  if (!body) return label_error(*parse_failure);
  FieldReader reader(*body);
  reader.reject_unknown({"name", "description", "data_type", "path", "filter_id", "type"});
  auto name = reader.string("name", true);
  auto description = reader.string("description", false, kDescMax);
  auto data_type = reader.string("data_type", true);
  auto path = reader.string("path", false, 1024);
  auto filter_id = reader.string("filter_id", false, 64);
  auto type = reader.string("type", true);
  if (reader.ok() && *data_type != "OBS" && *data_type != "filter job")
    reader.fail(invalid_argument("Invalid parameter: data_type must be OBS or filter job"));
  if (reader.ok() && *data_type == "OBS" && (!path || path->empty()))
    reader.fail(invalid_argument("Missing required parameter: path (data_type OBS)"));
  if (reader.ok() && *data_type == "filter job" && (!filter_id || filter_id->empty()))
    reader.fail(invalid_argument("Missing required parameter: filter_id (data_type filter job)"));
  if (reader.ok() && *type != "Manual Image classify" && *type != "Manual Object detection")
    reader.fail(invalid_argument("Invalid parameter: type must be Manual Image classify or Manual Object detection"));
  if (!reader.ok()) return label_error(reader.failure());
  if (auto f = check_name(ctx, *name, "")) return label_error(*f);
  if (ctx.state.label_jobs.size() >= kLabelJobQuota)
    return label_error(
        failure("ModelArts.0106", "The number of label jobs exceeds the quota " + std::to_string(kLabelJobQuota)));
  LabelJob job;
  do job.id = new_uuid(ctx.random);
  while (ctx.state.label_jobs.count(job.id));
  job.name = *name;
  job.description = description.value_or("");
  job.data_type = *data_type;
  job.path = *data_type == "OBS" ? path.value_or("") : "";
  job.filter_id = *data_type == "filter job" ? filter_id.value_or("") : "";
  job.type = *type;
  job.create_ms = ctx.now_ms;
  job.dls_prj_id = ctx.state.next_dls_prj_id++;
  job.image_count = 20 + static_cast<std::int64_t>(job.name.size() * 7 % 80);
  const std::string id = job.id;
  const std::int64_t dls = job.dls_prj_id;
  ctx.state.label_jobs[id] = std::move(job);
  return plain_success({{"job_id", id}, {"dls_prj_id", dls}});
}

ServiceResponse list_label_jobs(RequestContext& ctx) {
  QueryReader query(ctx.request.query);
  // offset is a page number; 0 and 1 both give the first page.
  const auto offset = query.integer("offset", 1, 0, 65535);
  const auto limit = query.integer("limit", 10, 1, 1000);
  const auto sort_by = query.choice("sort_by", "name", {"name", "create_time"});
  const auto order = query.choice("order", "asc", {"asc", "desc"});
  const auto search = query.search_content(kSearchMax);
  if (!query.ok()) return label_error(query.failure());
  std::vector<ListRow> rows;
  for (const auto& [id, job] : ctx.state.label_jobs) {
    if (!contains(job.name, search)) continue;
    json::object item{
        {"id", job.id},
        {"name", job.name},
        {"description", job.description},
        {"data_type", job.data_type},
        {"path", job.path},
        {"filter_name", job.filter_id.empty() ? "" : "filter-" + job.filter_id},
        {"type", job.type},
        {"create_time", datetime_text(job.create_ms)},
        {"dls_prj_id", job.dls_prj_id},
        {"progress", "0.00"},
        {"progress_detail",
         json::object{{"total_count", job.image_count}, {"has_tag_count", 0}, {"not_tag_count", job.image_count}}}};
    SortKey key = job.name;
    if (sort_by == "create_time") key = job.create_ms;
    rows.push_back({std::move(key), std::move(item)});
  }
  const auto total = static_cast<std::int64_t>(rows.size());
  return plain_success(
      {{"job_total_count", total},
       {"manual_annotation_count_limit", static_cast<std::int64_t>(kLabelJobQuota)},
       {"jobs", sort_and_page(std::move(rows), order == "desc", limit, std::max<std::int64_t>(offset, 1))}});
}

ServiceResponse update_label_job(RequestContext& ctx, const std::string& job_id) {
  auto found = find_job(ctx, job_id);
  if (auto* f = std::get_if<Failure>(&found)) return label_error(*f);
  std::optional<Failure> parse_failure;
  auto body = read_body(ctx, parse_failure);
  if (!body) return label_error(*parse_failure);
  FieldReader reader(*body);
  reader.reject_unknown({"name", "description"});
  auto name = reader.string("name", true);
  auto description = reader.string("description", false, kDescMax);
  if (!reader.ok()) return label_error(reader.failure());
  LabelJob& job = *std::get<LabelJob*>(found);
  if (auto f = check_name(ctx, *name, job.id)) return label_error(*f);
  job.name = *name;
  if (description) job.description = *description;
  return plain_success({{"job_id", job.id}});
}

ServiceResponse delete_label_job(RequestContext& ctx, const std::string& job_id) {
  auto found = find_job(ctx, job_id);
  if (auto* f = std::get_if<Failure>(&found)) return label_error(*f);
  const std::string id = std::get<LabelJob*>(found)->id;
  ctx.state.label_jobs.erase(id);
  return plain_success({{"job_id", id}});
}

ServiceResponse save_label_validation(RequestContext& ctx, const std::string& job_id) {
  auto found = find_job(ctx, job_id);
  if (auto* f = std::get_if<Failure>(&found)) return label_error(*f);
  std::optional<Failure> parse_failure;
  auto body = read_body(ctx, parse_failure);
  if (!body) return label_error(*parse_failure);
  FieldReader reader(*body);
  reader.reject_unknown({"pass_rate"});
  auto pass_rate = reader.number("pass_rate", true, 0.0, 100.0);
  if (!reader.ok()) return label_error(reader.failure());
  LabelJob& job = *std::get<LabelJob*>(found);
  job.last_pass_rate = std::round(*pass_rate * 100.0) / 100.0;  // two decimals, as documented
  job.last_validation_ms = ctx.now_ms;
  return plain_success({{"job_id", job.id}});
}

ServiceResponse query_label_validation(RequestContext& ctx, const std::string& job_id) {
  auto found = find_job(ctx, job_id);
  if (auto* f = std::get_if<Failure>(&found)) return label_error(*f);
  const LabelJob& job = *std::get<LabelJob*>(found);
  json::array images;
  const std::string base = job.path.empty() ? "/emulator/" + job.id + "/" : job.path;
  for (std::int64_t i = 0; i < std::min(job.image_count, kShownImages); ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "image_%04lld.jpg", static_cast<long long>(i));
    images.push_back(json::object{{"image_id", job.id.substr(0, 8) + "-" + std::to_string(i)},
                                  {"url", base + (base.back() == '/' ? "" : "/") + name},
                                  {"tags", json::array{}}});
  }
  json::value rate = nullptr;
  if (job.last_pass_rate) rate = *job.last_pass_rate;
  json::value when = nullptr;
  if (job.last_validation_ms != 0) when = datetime_text(job.last_validation_ms);
  return plain_success({{"image_count", job.image_count},
                        {"images", std::move(images)},
                        {"last_pass_rate", rate},
                        {"last_validation_time", when}});
}

}  // namespace modelarts::testing::detail::service
