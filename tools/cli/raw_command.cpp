// SPDX-License-Identifier: Apache-2.0
// `modelarts raw METHOD PATH [--data JSON|@FILE|-] [--query K=V]`: a signed call to any path
// (Session::request). {project} / {project_id} in PATH become the session's project ID. The reply body goes to
// stdout (a JSON body as -o json prints JSON, other text cleaned); an HTTP status >= 400 also gives a line on
// stderr and the exit status of its kind (3 not found, 4 auth, else 1; see exit_status.cpp).
#include <fstream>
#include <iostream>
#include <iterator>
#include <ostream>
#include <sstream>

#include <modelarts/error.hpp>
#include <modelarts/signer.hpp>

#include "detail/text.hpp"
#include "exit_status.hpp"
#include "groups.hpp"
#include "json_output.hpp"
#include "options.hpp"
#include "terminal_text.hpp"
#include "usage_error.hpp"

namespace modelarts::cli {

namespace {

std::string upper(std::string text) {
  for (char& c : text) c = detail::ascii_upper(c);  // a method is ASCII: no locale-dependent <cctype>
  return text;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
  return text;
}

/// --data: the body itself, @FILE for a file's content, - for standard input. It must be UTF-8.
std::string request_body(const Invocation& invocation) {
  std::string data = invocation.get_or<std::string>("data", "");
  if (data == "-") {
    data.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else if (!data.empty() && data.front() == '@') {
    std::ifstream file(data.substr(1), std::ios::binary);
    if (!file) throw UsageError("--data: cannot read '" + data.substr(1) + "'", "give @FILE with a readable file");
    std::ostringstream content;
    content << file.rdbuf();
    data = content.str();
  } else {
    return data;  // checked with every other argument
  }
  if (const auto bad = invalid_utf8_at(data); bad != std::string::npos)
    throw UsageError("--data: the body is not valid UTF-8 (byte " + std::to_string(bad + 1) + ")");
  return data;
}

// The exit status of a failed reply, by the SDK's one taxonomy (Error::kind()) of its status and error code: a v2
// 400 ModelArts.2775 exits 3 as a 404 does.
ExitStatus status_class(int http_status, const std::string& body) {
  ApiErrorDetails details;
  details.http_status = http_status;
  boost::system::error_code error;
  const boost::json::value parsed = boost::json::parse(body, error);
  if (!error && parsed.is_object()) {
    if (const auto* code = parsed.get_object().if_contains("error_code"); code != nullptr && code->is_string())
      details.error_code = std::string(code->get_string());
  }
  return exit_status_for(ApiError(std::move(details)));
}

void print_body(Invocation& invocation, const std::string& body) {
  boost::system::error_code error;
  boost::json::value parsed = boost::json::parse(body, error);
  if (!error) {
    print_json(invocation, std::move(parsed));
    return;
  }
  invocation.out() << terminal_safe(body, {true, true});
  if (!body.empty() && body.back() != '\n') invocation.out() << '\n';
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
    query = parse_query(std::string_view(path).substr(question + 1));
    path.erase(question);
  }
  for (const auto& pair : invocation.all("query")) query.push_back(parse_query_pair(pair));
  const std::string body = request_body(invocation);

  const Session& session = invocation.session();
  if (path.find("{project") != std::string::npos) {
    const std::string project = session.project_id();
    path = replace_all(replace_all(path, "{project_id}", project), "{project}", project);
  }
  const RawResponse response = session.request(method, path, query, body);
  print_body(invocation, response.body);
  if (response.status >= 400) {
    invocation.out().flush();
    invocation.err() << "modelarts: " << method << ' ' << terminal_safe(path) << " -> HTTP " << response.status << '\n';
    return static_cast<int>(status_class(response.status, response.body));
  }
  return 0;
}

Group raw_group() {
  Group group{"raw", "A signed call to any path: raw METHOD PATH [--data JSON|@FILE|-]", {}, true};
  group.verbs.push_back({"raw", "Send a signed request to any ModelArts path and print the reply body", {"METHOD", "PATH"},
                         [](CLI::App& o) {
                           text(o, "data", "JSON|@FILE|-", "request body: the text, @FILE for a file, - for standard input");
                           repeated(o, "query", "KEY=VALUE", "query parameter (repeatable)");
                         },
                         run_raw,
                         "{project} and {project_id} in PATH are replaced by the session's project ID.\n"
                         "An HTTP status >= 400 exits by its status and error code: 3 not found (404, v2 400 ModelArts.2775),\n"
                         "4 auth (401, 403, token and permission codes), 1 others.\n"
                         "Example:\n  modelarts raw GET '/v1/{project}/job/ai-engines?job_type=train'"});
  return group;
}

const GroupRegistration registered{100, raw_group};

}  // namespace

}  // namespace modelarts::cli
