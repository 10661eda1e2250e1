// SPDX-License-Identifier: Apache-2.0
#include "testing/emulator/request_target.hpp"

namespace modelarts::testing::detail {

std::variant<RequestTarget, TargetProblem> parse_request_target(std::string_view target) {
  if (target.empty() || target.front() != '/') {
    return TargetProblem{"the request target must be an absolute path"};
  }
  target = target.substr(0, target.find('#'));
  RequestTarget parsed;
  const std::size_t question = target.find('?');
  parsed.raw_path = std::string(target.substr(0, question));

  std::string_view rest = std::string_view(parsed.raw_path).substr(1);
  while (true) {
    const std::size_t slash = rest.find('/');
    const std::string_view raw_segment = rest.substr(0, slash);
    const bool last = slash == std::string_view::npos;
    if (raw_segment.empty()) {
      if (last) break;  // "/" alone, or one trailing slash
      return TargetProblem{"empty path segment"};
    }
    std::string segment = percent_decode(raw_segment);
    if (segment == "." || segment == "..") return TargetProblem{"path segment '.' or '..' is not allowed"};
    parsed.segments.push_back(std::move(segment));
    if (last) break;
    rest = rest.substr(slash + 1);
  }

  if (question != std::string_view::npos) parsed.query = parse_query(target.substr(question + 1));
  return parsed;
}

}  // namespace modelarts::testing::detail
