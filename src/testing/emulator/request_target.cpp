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

  if (question != std::string_view::npos) {
    std::string_view query = target.substr(question + 1);
    while (!query.empty()) {
      const std::size_t amp = query.find('&');
      const std::string_view pair = query.substr(0, amp);
      if (!pair.empty()) {
        const std::size_t eq = pair.find('=');
        parsed.query.emplace_back(percent_decode(pair.substr(0, eq)),
                                  eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1)));
      }
      if (amp == std::string_view::npos) break;
      query = query.substr(amp + 1);
    }
  }
  return parsed;
}

}  // namespace modelarts::testing::detail
