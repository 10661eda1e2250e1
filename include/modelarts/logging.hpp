// SPDX-License-Identifier: Apache-2.0
// How the SDK reports what it does: a log level and a handler receiving one redacted line per event.
#pragma once

#include <functional>
#include <string_view>

namespace modelarts {

enum class LogLevel { debug = 0, info = 1, warning = 2, error = 3 };
/// Receives one redacted line per event (request sent, response, retry, token refresh). Never a secret. Called
/// on the thread that made the call, one line at a time per Session (parallel uploads never call it
/// concurrently), so a handler needs no lock of its own.
using LogHandler = std::function<void(LogLevel, std::string_view)>;

}  // namespace modelarts
