// `modelarts raw METHOD PATH [--data JSON] [--query K=V]`: a signed call to any path (Session::request).
// {project} / {project_id} in PATH become the session's project ID. The body goes to stdout as received;
// an HTTP status >= 400 also gives a line on stderr and exit status 1.
#include <algorithm>
#include <cctype>
#include <ostream>

#include <modelarts/signer.hpp>

#include "groups.hpp"
#include "usage_error.hpp"

namespace modelarts::cli {

namespace {

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
  return text;
}

std::pair<std::string, std::string> split_pair(const std::string& text) {
  const auto equals = text.find('=');
  if (equals == std::string::npos) return {percent_decode(text), {}};
  return {percent_decode(text.substr(0, equals)), percent_decode(text.substr(equals + 1))};
}

int run_raw(Invocation& invocation) {
  const std::string method = upper(invocation.arg(0));
  static const std::vector<std::string> methods = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"};
  if (std::find(methods.begin(), methods.end(), method) == methods.end())
    throw UsageError("unknown HTTP method '" + invocation.arg(0) + "'", "use GET, POST, PUT, DELETE, PATCH or HEAD");
  std::string path = invocation.arg(1);
  if (path.empty() || path.front() != '/') throw UsageError("PATH must start with '/'", "e.g. /v1/{project}/job/ai-engines");

  QueryParams query;
  if (const auto question = path.find('?'); question != std::string::npos) {
    std::string rest = path.substr(question + 1);
    path.erase(question);
    for (std::size_t start = 0; start <= rest.size();) {
      auto end = rest.find('&', start);
      if (end == std::string::npos) end = rest.size();
      if (end > start) query.push_back(split_pair(rest.substr(start, end - start)));
      start = end + 1;
    }
  }
  for (const auto& pair : invocation.get_or<std::vector<std::string>>("query", {})) query.push_back(split_pair(pair));

  const Session& session = invocation.session();
  if (path.find("{project") != std::string::npos) {
    const std::string project = session.project_id();
    path = replace_all(replace_all(path, "{project_id}", project), "{project}", project);
  }
  const RawResponse response = session.request(method, path, query, invocation.get_or<std::string>("data", ""));
  invocation.out() << response.body;
  if (!response.body.empty() && response.body.back() != '\n') invocation.out() << '\n';
  if (response.status >= 400) {
    invocation.out().flush();
    invocation.err() << "modelarts: " << method << ' ' << path << " -> HTTP " << response.status << '\n';
    return 1;
  }
  return 0;
}

}  // namespace

Group raw_group() {
  Group group{"raw", "A signed call to any path: raw METHOD PATH [--data JSON]", {}, true};
  group.verbs.push_back({"raw", "Send a signed request to any ModelArts path and print the reply body", {"METHOD", "PATH"},
                         [](po::options_description& o) {
                           o.add_options()("data", po::value<std::string>()->value_name("JSON"), "request body")
                               ("query", po::value<std::vector<std::string>>()->composing()->value_name("KEY=VALUE"), "query parameter (repeatable)");
                         },
                         run_raw,
                         "{project} and {project_id} in PATH are replaced by the session's project ID.\n"
                         "Exit status 1 when the service answers with an HTTP status >= 400.\n"
                         "Example:\n  modelarts raw GET '/v1/{project}/job/ai-engines?job_type=train'"});
  return group;
}

}  // namespace modelarts::cli
