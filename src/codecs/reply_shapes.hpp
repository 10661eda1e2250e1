// SPDX-License-Identifier: Apache-2.0
// The two shapes most v1 replies take, so a decoder says only what is particular to its resource:
// one resource (an object with required IDs) and a list page (rows, counts, quota).
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <modelarts/list_page.hpp>

#include "codecs/json_fields.hpp"
#include "resources/request.hpp"
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

/// Where a listing's reply keeps its parts; "" for a part it does not have.
struct PageShape {
  std::string_view rows;         ///< the required array of rows
  std::string_view row_id;       ///< the ID every row must carry
  std::string_view total_count;
  std::string_view count_limit;
};
/// Training and visualization jobs.
inline constexpr PageShape kJobPage{"jobs", "job_id", "job_total_count", "job_count_limit"};
inline constexpr PageShape kConfigPage{"configs", "config_name", "config_total_count", ""};
/// Legacy label jobs (no quotas).
inline constexpr PageShape kLabelJobPage{"jobs", "id", "job_total_count", "manual_annotation_count_limit"};

/// A list page: the required rows of `shape`, each an object read by `read_row(row, context)`, the counts,
/// quotas when sent, and the reply kept whole.
template <class Row, class ReadRow>
Result<ListPage<Row>> decode_list_page(const boost::json::value& body, const std::string& context,
                                       const PageShape& shape, ReadRow read_row) {
  std::optional<ErrorInfo> error;
  const boost::json::object* object = body_object(body, context, error);
  if (!object) return *error;
  FieldReader r(*object, context);
  ListPage<Row> page;
  page.total_count = r.integer(shape.total_count);
  if (!shape.count_limit.empty()) page.count_limit = r.integer(shape.count_limit);
  page.quotas = r.integer("quotas");
  page.items = read_rows<Row>(r, shape.rows, shape.row_id,
                              [&](const boost::json::object& row) { return read_row(row, context); });
  if (!r.ok()) return r.error();
  page.raw_json = boost::json::serialize(*object);
  return page;
}

}  // namespace modelarts::detail
