// SPDX-License-Identifier: Apache-2.0
// `-o json`. Every document is a Boost.JSON value: the service's reply parsed (numbers stay numbers), or one
// the CLI builds. One rule for every list, whatever the group or --all: {"items": [...], "total": N}, items as
// the service sent them. Numbers are numbers: the v1 numeric fields (job_id, version_id, status, ...) that some
// replies (the creates) send as digit strings become numbers. Times (keys ending in "time" holding epoch
// milliseconds) become ISO 8601 strings in local time with its offset (UTC with --utc).
// Printed pretty (two-space indent) when stdout is a terminal, compact otherwise, then cleaned like all output.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

#include <boost/json.hpp>

namespace modelarts::cli {

class Invocation;

/// A reply's JSON text as a value; {} for an empty body. Throws CommandFailure when it is not JSON.
boost::json::value parse_json(std::string_view text);
/// The document as `-o json` prints it (times converted, pretty or compact, cleaned), without the newline.
std::string render_json(boost::json::value document, bool pretty);
/// Prints `document` followed by a newline on the invocation's stdout.
void print_json(Invocation& invocation, boost::json::value document);
/// Shorthand: print_json(invocation, parse_json(text)).
void print_json_text(Invocation& invocation, std::string_view text);

/// {"items": [...], "total": total}.
boost::json::object list_document(boost::json::array items, std::int64_t total);
/// An ID the CLI echoes: a number when it is one (v1 job and version IDs are numbers in replies), else a string.
boost::json::value id_value(const std::string& id);
/// {"is_success": true, <fields>} for calls whose reply carries nothing else.
boost::json::object success_document(boost::json::object fields);

}  // namespace modelarts::cli
