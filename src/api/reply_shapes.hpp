// The two shapes most v1 replies take, so a decoder says only what is particular to its resource:
// one resource (an object with required IDs) and a page of jobs (counts, quotas and `jobs` rows).
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "api/json_fields.hpp"
#include "api/request.hpp"
#include "detail/result.hpp"

namespace modelarts::detail {

/// A reply describing one resource: a JSON object in which every key of `required_ids` holds a valid ID,
/// then read whole by `read(object, context)`.
template <class Read>
auto decode_resource(const boost::json::value& body, const std::string& context,
                     std::initializer_list<std::string_view> required_ids, Read read)
    -> Result<decltype(read(std::declval<const boost::json::object&>(), context))> {
  std::optional<ErrorInfo> error;
  const boost::json::object* object = body_object(body, context, error);
  if (!object) return *error;
  FieldReader r(*object, context);
  for (std::string_view id : required_ids) r.required_id(id);
  if (!r.ok()) return r.error();
  return read(*object, context);
}

/// A page of jobs: job_total_count, job_count_limit, quotas and the required `jobs` rows, each an object
/// with a valid job_id read by `read_row(row, context)`.
template <class List, class ReadRow>
Result<List> decode_job_page(const boost::json::value& body, const std::string& context, ReadRow read_row) {
  using Row = typename decltype(List::jobs)::value_type;
  std::optional<ErrorInfo> error;
  const boost::json::object* object = body_object(body, context, error);
  if (!object) return *error;
  FieldReader r(*object, context);
  List list;
  list.job_total_count = r.integer("job_total_count");
  list.job_count_limit = r.integer("job_count_limit");
  list.quotas = r.integer("quotas");
  list.jobs =
      read_rows<Row>(r, "jobs", "job_id", [&](const boost::json::object& row) { return read_row(row, context); });
  if (!r.ok()) return r.error();
  list.raw_json = boost::json::serialize(*object);
  return list;
}

}  // namespace modelarts::detail
