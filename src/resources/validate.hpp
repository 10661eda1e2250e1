// SPDX-License-Identifier: Apache-2.0
// Argument checks made before any request (docs/service-quirks.md, V6: validate loosely, let the service reject the
// rest). Each throws InvalidArgumentError through throw_error; nothing has been sent when they fire.
#pragma once

#include <cstddef>
#include <string>

#include <modelarts/inputs.hpp>
#include <modelarts/session.hpp>

namespace modelarts::detail {

[[noreturn]] void throw_invalid_argument(const std::string& message);

/// An ID or name used as a path segment: not empty (the pipeline also refuses "." and "..").
void require_id(const char* what, const std::string& value);
/// [A-Za-z0-9_-]{1,max_length}
void check_name(const char* what, const std::string& name, std::size_t max_length);
void check_max_length(const char* what, const std::string& value, std::size_t max_length);
/// Exactly one input form with its fields filled.
void check_inputs(const Inputs& inputs);

/// A name for a create call that got none: prefix + UTC time + random hex, [A-Za-z0-9_-], at most max_length.
std::string generate_name(const Session& session, const std::string& prefix, std::size_t max_length);

}  // namespace modelarts::detail
