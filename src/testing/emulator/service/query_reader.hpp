// SPDX-License-Identifier: Apache-2.0
// Typed reading of query parameters (first occurrence wins). Malformed values are ModelArts.0101;
// well-formed values out of their documented range are ModelArts.0104, as the service answers.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "reply.hpp"

namespace modelarts::testing::detail::service {

class QueryReader {
 public:
  explicit QueryReader(const std::vector<std::pair<std::string, std::string>>& query) : query_(query) {}

  std::optional<std::string> get(std::string_view name) const;
  /// The parameter as an integer in [min, max]; `fallback` when absent or empty.
  std::int64_t integer(std::string_view name, std::int64_t fallback, std::int64_t min, std::int64_t max);
  /// An optional integer filter (e.g. status); nullopt when absent or empty.
  std::optional<std::int64_t> optional_integer(std::string_view name, std::int64_t min, std::int64_t max);
  /// One of `allowed`; `fallback` when absent or empty.
  std::string choice(std::string_view name, std::string_view fallback, std::initializer_list<std::string_view> allowed);
  /// search_content with the documented length limit.
  std::string search_content(std::size_t max_length);

  bool ok() const { return !failure_.has_value(); }
  const Failure& failure() const { return *failure_; }

 private:
  void fail(Failure failure) {
    if (!failure_) failure_ = std::move(failure);
  }
  const std::vector<std::pair<std::string, std::string>>& query_;
  std::optional<Failure> failure_;
};

/// The wire name is sortBy; sort_by (sent by password-auth SDK sessions and otcextensions) is accepted too.
inline std::string_view sort_parameter(const QueryReader& query) {
  return query.get("sortBy") || !query.get("sort_by") ? "sortBy" : "sort_by";
}

}  // namespace modelarts::testing::detail::service
