// SPDX-License-Identifier: Apache-2.0
#include "codecs/json_fields.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace modelarts::detail {
namespace json = boost::json;

std::optional<std::int64_t> lenient_int(const json::value& v) noexcept {
  if (v.is_int64()) return v.get_int64();
  if (v.is_uint64()) {
    if (v.get_uint64() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return std::nullopt;
    return static_cast<std::int64_t>(v.get_uint64());
  }
  if (v.is_double()) {
    double d = v.get_double();
    if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) > 9.0e18) return std::nullopt;
    return static_cast<std::int64_t>(d);
  }
  if (v.is_string()) {
    const json::string& s = v.get_string();
    if (s.empty() || s.size() > 20) return std::nullopt;
    std::string text(s.data(), s.size());
    char* end = nullptr;
    errno = 0;
    long long parsed = std::strtoll(text.c_str(), &end, 10);
    if (errno != 0 || end != text.c_str() + text.size()) return std::nullopt;
    return static_cast<std::int64_t>(parsed);
  }
  return std::nullopt;
}

std::optional<double> lenient_double(const json::value& v) noexcept {
  if (v.is_number()) return v.to_number<double>();
  if (v.is_string()) {
    const json::string& s = v.get_string();
    if (s.empty() || s.size() > 64) return std::nullopt;
    std::string text(s.data(), s.size());
    char* end = nullptr;
    double parsed = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(parsed)) return std::nullopt;
    return parsed;
  }
  return std::nullopt;
}

std::optional<std::string> lenient_text(const json::value& v) {
  if (v.is_string()) return std::string(v.get_string());
  if (v.is_int64() || v.is_uint64() || v.is_double() || v.is_bool()) return json::serialize(v);
  return std::nullopt;
}

json::value unwrap_json_string(const json::value& v) {
  if (!v.is_string()) return v;
  boost::system::error_code ec;
  json::value parsed = json::parse(std::string_view(v.get_string()), ec);
  if (ec || !(parsed.is_object() || parsed.is_array())) return v;
  return parsed;
}

std::string lenient_json_text(const json::value& v) {
  json::value unwrapped = unwrap_json_string(v);
  if (unwrapped.is_object() || unwrapped.is_array()) return json::serialize(unwrapped);
  return {};
}

ErrorInfo invalid_reply(std::string_view context, const std::string& what) {
  ErrorInfo info;
  info.category = ErrorCategory::transport;
  info.transport_kind = TransportErrorKind::invalid_reply;
  info.message = std::string(context) + ": invalid reply: " + what;
  return info;
}

const json::value* FieldReader::find(std::string_view key) const {
  const json::value* v = object_.if_contains(key);
  if (v == nullptr || v->is_null()) return nullptr;
  return v;
}

std::int64_t FieldReader::integer(std::string_view key, std::int64_t fallback) const {
  return optional_integer(key).value_or(fallback);
}

int FieldReader::small_int(std::string_view key, int fallback) const {
  std::optional<std::int64_t> v = optional_integer(key);
  if (!v || *v < std::numeric_limits<int>::min() || *v > std::numeric_limits<int>::max()) return fallback;
  return static_cast<int>(*v);
}

JobStatus FieldReader::job_status(std::string_view key) const { return static_cast<JobStatus>(small_int(key, 0)); }

std::optional<std::int64_t> FieldReader::optional_integer(std::string_view key) const {
  const json::value* v = find(key);
  return v ? lenient_int(*v) : std::nullopt;
}

double FieldReader::number(std::string_view key, double fallback) const {
  const json::value* v = find(key);
  if (!v) return fallback;
  return lenient_double(*v).value_or(fallback);
}

std::string FieldReader::text(std::string_view key) const {
  const json::value* v = find(key);
  if (!v) return {};
  return lenient_text(*v).value_or(std::string{});
}

bool FieldReader::boolean(std::string_view key, bool fallback) const {
  const json::value* v = find(key);
  if (!v) return fallback;
  if (v->is_bool()) return v->get_bool();
  if (v->is_string()) {
    if (v->get_string() == "true") return true;
    if (v->get_string() == "false") return false;
  }
  if (auto i = lenient_int(*v)) return *i != 0;
  return fallback;
}

std::string FieldReader::json_text(std::string_view key) const {
  const json::value* v = find(key);
  return v ? lenient_json_text(*v) : std::string{};
}

namespace {

/// One T per object item of `v`, an array or a string holding one, each read by `read(item_reader)`;
/// items that are not objects are skipped.
template <class T, class Read>
std::vector<T> read_object_items(const json::value* v, std::string_view context, Read read) {
  std::vector<T> out;
  if (!v) return out;
  json::value arr = unwrap_json_string(*v);
  if (!arr.is_array()) return out;
  for (const json::value& item : arr.get_array()) {
    if (item.is_object()) out.push_back(read(FieldReader(item.get_object(), context)));
  }
  return out;
}

}  // namespace

std::vector<Parameter> FieldReader::parameters(std::string_view key) const {
  return read_object_items<Parameter>(find(key), context_, [](const FieldReader& r) {
    // The update-config example writes "key" where the docs say "label" (docs/service-quirks.md, V12).
    std::string label = r.text("label");
    if (label.empty()) label = r.text("key");
    return Parameter{std::move(label), r.text("value")};
  });
}

std::vector<DataSource> FieldReader::data_sources(std::string_view key) const {
  return read_object_items<DataSource>(find(key), context_, [](const FieldReader& r) {
    std::string version = r.text("dataset_version");
    if (version.empty()) version = r.text("dataset_version_id");
    return DataSource{r.text("type"), r.text("data_url"), r.text("dataset_id"), std::move(version)};
  });
}

void FieldReader::fail(const std::string& what) {
  if (!error_) error_ = invalid_reply(context_, what);
}

bool has_id(const json::object& object, std::string_view key) {
  const json::value* v = object.if_contains(key);
  if (v == nullptr) return false;
  if (v->is_string()) return !v->get_string().empty();
  return v->is_int64() || v->is_uint64();
}

std::string FieldReader::required_id(std::string_view key) {
  const json::value* v = find(key);
  if (!has_id(object_, key)) {
    fail(std::string(v ? "field has the wrong type: " : "missing field: ") + std::string(key));
    return {};
  }
  return *lenient_text(*v);
}

const json::array* FieldReader::required_array(std::string_view key) {
  const json::value* v = find(key);
  if (v && v->is_array()) return &v->get_array();
  if (v && v->is_string()) {
    unwrapped_ = unwrap_json_string(*v);
    if (unwrapped_.is_array()) return &unwrapped_.get_array();
  }
  fail(std::string(v ? "field is not an array: " : "missing field: ") + std::string(key));
  return nullptr;
}

}  // namespace modelarts::detail
