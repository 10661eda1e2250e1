// SPDX-License-Identifier: Apache-2.0
// Lenient field readers for v1 replies (docs/service-quirks.md): integers as numbers or numeric strings,
// objects as objects or JSON-encoded strings, null or absent optional fields left at their defaults.
// A FieldReader remembers the first required field that was absent or of the wrong type, so a decoder
// reads everything and then reports one invalid_reply error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <modelarts/inputs.hpp>
#include <modelarts/status.hpp>

#include "detail/result.hpp"

namespace modelarts::detail {

/// An integer from a number (integral double accepted) or a string of digits with optional sign.
std::optional<std::int64_t> lenient_int(const boost::json::value& v) noexcept;
/// A number from a number or a numeric string.
std::optional<double> lenient_double(const boost::json::value& v) noexcept;
/// Text from a string, or a number/bool written as text. Null, objects and arrays give nullopt.
std::optional<std::string> lenient_text(const boost::json::value& v);
/// An object (or array) serialized, or a string holding JSON re-serialized; "" for null/absent/unparsable.
std::string lenient_json_text(const boost::json::value& v);
/// A value that may arrive as a JSON-encoded string: parsed when it is a string holding an object/array.
boost::json::value unwrap_json_string(const boost::json::value& v);

/// Whether `key` holds a non-empty string or an integer (what an ID may arrive as).
bool has_id(const boost::json::object& object, std::string_view key);

/// invalid_reply TransportError info for `context` ("GET /v1/.../training-jobs").
ErrorInfo invalid_reply(std::string_view context, const std::string& what);

class FieldReader {
 public:
  /// `context` must outlive the reader (decoders hold it for the length of one decode).
  FieldReader(const boost::json::object& object, std::string_view context) : object_(object), context_(context) {}

  std::int64_t integer(std::string_view key, std::int64_t fallback = 0) const;
  int small_int(std::string_view key, int fallback = 0) const;
  /// A v1 job status code, kept as sent (also outside 0..22); unknown when absent or not an int.
  JobStatus job_status(std::string_view key) const;
  std::optional<std::int64_t> optional_integer(std::string_view key) const;
  double number(std::string_view key, double fallback = 0.0) const;
  std::string text(std::string_view key) const;
  bool boolean(std::string_view key, bool fallback = false) const;
  std::string json_text(std::string_view key) const;
  std::vector<Parameter> parameters(std::string_view key) const;
  std::vector<DataSource> data_sources(std::string_view key) const;

  /// Required: text from a string or a number (IDs); records an error when absent, null or empty.
  std::string required_id(std::string_view key);
  /// Required: an array (possibly a JSON-encoded string holding one); nullptr and an error otherwise.
  const boost::json::array* required_array(std::string_view key);

  const boost::json::value* find(std::string_view key) const;
  std::string_view context() const noexcept { return context_; }
  bool ok() const noexcept { return !error_.has_value(); }
  const ErrorInfo& error() const { return *error_; }
  void fail(const std::string& what);

 private:
  const boost::json::object& object_;
  std::string_view context_;
  std::optional<ErrorInfo> error_;
  boost::json::value unwrapped_;  // storage for a required array that came as a string
};

/// Reads the array `key` of `r`'s object: every row must be an object with a non-empty `id_key` (when
/// given); `read(row_object)` makes one T. Failures are recorded in `r`.
template <class T, class Read>
std::vector<T> read_rows(FieldReader& r, std::string_view key, std::string_view id_key, Read read) {
  std::vector<T> rows;
  const boost::json::array* array = r.required_array(key);
  if (!array) return rows;
  rows.reserve(array->size());
  for (const boost::json::value& row : *array) {
    if (!row.is_object()) {
      r.fail(std::string(key) + "[] item is not an object");
      return {};
    }
    if (!id_key.empty() && !has_id(row.get_object(), id_key)) {
      r.fail(std::string(key) + "[] item without a valid " + std::string(id_key));
      return {};
    }
    rows.push_back(read(row.get_object()));
  }
  return rows;
}

}  // namespace modelarts::detail
