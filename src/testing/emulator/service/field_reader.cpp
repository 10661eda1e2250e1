// SPDX-License-Identifier: Apache-2.0
#include "field_reader.hpp"

#include <cmath>

namespace modelarts::testing::detail::service {

std::optional<json::object> parse_body_object(std::string_view body, std::optional<Failure>& failure) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    failure = invalid_argument("Request body is empty, a JSON object is required");
    return std::nullopt;
  }
  boost::system::error_code ec;
  json::value value = json::parse(body, ec);
  if (ec) {
    failure = invalid_argument("Malformed JSON request body: " + ec.message());
    return std::nullopt;
  }
  if (!value.is_object()) {
    failure = invalid_argument("Request body must be a JSON object");
    return std::nullopt;
  }
  return std::move(value.as_object());
}

FieldReader::FieldReader(const json::object& object, std::string prefix)
    : object_(object), prefix_(std::move(prefix)) {}

void FieldReader::fail(Failure failure) {
  if (!failure_) failure_ = std::move(failure);
}

bool FieldReader::has(std::string_view key) const {
  auto it = object_.find(key);
  return it != object_.end() && !it->value().is_null();
}

const json::value* FieldReader::find(std::string_view key, bool required) {
  auto it = object_.find(key);
  if (it == object_.end() || it->value().is_null()) {
    if (required) fail(invalid_argument("Missing required parameter: " + name(key)));
    return nullptr;
  }
  return &it->value();
}

std::optional<std::string> FieldReader::string(std::string_view key, bool required, std::size_t max_length) {
  const json::value* v = find(key, required);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    fail(invalid_argument("Invalid parameter: " + name(key) + " must be a string"));
    return std::nullopt;
  }
  const json::string& s = v->as_string();
  if (s.size() > max_length) {
    fail(invalid_argument("Invalid parameter: the length of " + name(key) + " should be in [0," +
                          std::to_string(max_length) + "]"));
    return std::nullopt;
  }
  return std::string(s.data(), s.size());
}

std::optional<std::int64_t> FieldReader::integer(std::string_view key, bool required, std::int64_t min,
                                                 std::int64_t max) {
  const json::value* v = find(key, required);
  if (!v) return std::nullopt;
  std::optional<std::int64_t> parsed;
  if (v->is_int64()) {
    parsed = v->as_int64();
  } else if (v->is_uint64()) {
    if (v->as_uint64() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      parsed = static_cast<std::int64_t>(v->as_uint64());
  } else if (v->is_string()) {
    const json::string& s = v->as_string();
    std::size_t i = (!s.empty() && s[0] == '-') ? 1 : 0;
    if (s.size() > i && s.size() <= 18) {
      bool digits = true;
      for (std::size_t k = i; k < s.size(); ++k) digits = digits && s[k] >= '0' && s[k] <= '9';
      if (digits) parsed = std::stoll(std::string(s.data(), s.size()));
    }
  }
  if (!parsed) {
    fail(invalid_argument("Invalid parameter: " + name(key) + " must be an integer"));
    return std::nullopt;
  }
  if (*parsed < min || *parsed > max) {
    fail(invalid_argument("Invalid parameter: " + name(key) + " should be in [" + std::to_string(min) + "," +
                          std::to_string(max) + "]"));
    return std::nullopt;
  }
  return parsed;
}

std::optional<double> FieldReader::number(std::string_view key, bool required, double min, double max) {
  const json::value* v = find(key, required);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    fail(invalid_argument("Invalid parameter: " + name(key) + " must be a number"));
    return std::nullopt;
  }
  const double d = v->to_number<double>();
  if (!std::isfinite(d) || d < min || d > max) {
    fail(invalid_argument("Invalid parameter: " + name(key) + " is out of range"));
    return std::nullopt;
  }
  return d;
}

std::optional<bool> FieldReader::boolean(std::string_view key, bool required) {
  const json::value* v = find(key, required);
  if (!v) return std::nullopt;
  if (!v->is_bool()) {
    fail(invalid_argument("Invalid parameter: " + name(key) + " must be a boolean"));
    return std::nullopt;
  }
  return v->as_bool();
}

const json::array* FieldReader::array(std::string_view key, bool required) {
  const json::value* v = find(key, required);
  if (!v) return nullptr;
  if (!v->is_array()) {
    fail(invalid_argument("Invalid parameter: " + name(key) + " must be an array"));
    return nullptr;
  }
  return &v->as_array();
}

const json::object* FieldReader::object(std::string_view key, bool required) {
  const json::value* v = find(key, required);
  if (!v) return nullptr;
  if (!v->is_object()) {
    fail(invalid_argument("Invalid parameter: " + name(key) + " must be an object"));
    return nullptr;
  }
  return &v->as_object();
}

void FieldReader::reject_unknown(const std::vector<std::string_view>& allowed) {
  for (const auto& field : object_) {
    bool known = false;
    for (std::string_view a : allowed) known = known || field.key() == a;
    if (!known) {
      fail(invalid_argument("Unknown parameter: " + printable(name(field.key()))));
      return;
    }
  }
}

std::variant<std::string, Failure> read_job_desc_update(std::string_view body) {
  std::optional<Failure> parse_failure;
  auto object = parse_body_object(body, parse_failure);
  if (!object) return *parse_failure;
  FieldReader reader(*object);
  reader.reject_unknown({"job_desc"});
  auto job_desc = reader.string("job_desc", true, kDescMax);
  if (!reader.ok()) return reader.failure();
  return *job_desc;
}

}  // namespace modelarts::testing::detail::service
