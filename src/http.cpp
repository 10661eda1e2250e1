// SPDX-License-Identifier: Apache-2.0
#include <modelarts/http.hpp>

#include "detail/text.hpp"

namespace modelarts {

std::string_view find_header(const HttpHeaders& headers, std::string_view name) noexcept {
  for (const auto& [key, value] : headers) {
    if (detail::iequals(key, name)) return value;
  }
  return {};
}

}  // namespace modelarts
