// SPDX-License-Identifier: Apache-2.0
// Typed reading of a JSON request body. The first problem found is kept (with the field's full name,
// e.g. "config.spec_id") so handlers read every field and check ok() once. JSON null counts as absent.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "reply.hpp"

namespace modelarts::testing::detail::service {

/// Descriptions (job_desc, config_desc, description) are 0..256 characters in every v1 resource.
inline constexpr std::size_t kDescMax = 256;

/// Parses a request body that must be one JSON object; on failure sets `failure` (ModelArts.0101).
std::optional<json::object> parse_body_object(std::string_view body, std::optional<Failure>& failure);

/// The body of a "change the description" PUT: exactly {"job_desc": "..."}.
std::variant<std::string, Failure> read_job_desc_update(std::string_view body);

class FieldReader {
 public:
  /// `prefix` names the enclosing object in messages ("config." for fields inside config).
  explicit FieldReader(const json::object& object, std::string prefix = {});

  std::optional<std::string> string(std::string_view key, bool required,
                                    std::size_t max_length = std::numeric_limits<std::size_t>::max());
  /// An integer given as a JSON integer or as a string of digits (the service's Long fields accept both).
  std::optional<std::int64_t> integer(std::string_view key, bool required, std::int64_t min, std::int64_t max);
  std::optional<double> number(std::string_view key, bool required, double min, double max);
  std::optional<bool> boolean(std::string_view key, bool required);
  const json::array* array(std::string_view key, bool required);
  const json::object* object(std::string_view key, bool required);
  /// Any present field not in `allowed` is an error ("Unknown parameter: x").
  void reject_unknown(const std::vector<std::string_view>& allowed);
  bool has(std::string_view key) const;

  /// Records a problem found by the caller, unless one is already recorded.
  void fail(Failure failure);
  bool ok() const { return !failure_.has_value(); }
  const Failure& failure() const { return *failure_; }
  std::string name(std::string_view key) const { return prefix_ + std::string(key); }

 private:
  const json::value* find(std::string_view key, bool required);

  const json::object& object_;
  std::string prefix_;
  std::optional<Failure> failure_;
};

}  // namespace modelarts::testing::detail::service
