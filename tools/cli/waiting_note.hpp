// SPDX-License-Identifier: Apache-2.0
// On a terminal, a request the server leaves unanswered for a few seconds gets one line on stderr,
// "modelarts: waiting for HOST:PORT ...", so that a silent endpoint does not look like a hung command.
#pragma once

#include <chrono>
#include <iosfwd>
#include <memory>

#include <modelarts/http.hpp>

namespace modelarts::cli {

/// Wraps `inner`: a send() still running after `delay` prints the note once on `err`.
std::shared_ptr<HttpTransport> with_waiting_note(std::shared_ptr<HttpTransport> inner, std::ostream& err,
                                                 std::chrono::milliseconds delay);

}  // namespace modelarts::cli
