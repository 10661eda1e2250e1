// SPDX-License-Identifier: Apache-2.0
// The state file: the whole ServiceState as one JSON document, replaced atomically (temp file in the same
// directory, fsync, rename, fsync of the directory) so a crash leaves either the old or the new state.
#pragma once

#include <optional>
#include <string>

#include "state.hpp"

namespace modelarts::testing::detail::service {

/// The state read from `path`; nullopt when the file does not exist. Throws std::runtime_error naming the
/// file when it cannot be read or is not a valid state document.
std::optional<ServiceState> load_state(const std::string& path);

/// Writes `state` to `path` durably; throws std::runtime_error on an I/O failure.
void save_state(const ServiceState& state, const std::string& path);

/// Replaces `path` with `document` atomically and durably (also the OBS store's file); throws
/// std::runtime_error on an I/O failure.
void write_durably(const std::string& document, const std::string& path);

/// The JSON document (exposed for tests).
std::string state_to_text(const ServiceState& state);
ServiceState state_from_text(const std::string& text);  ///< throws std::runtime_error

}  // namespace modelarts::testing::detail::service
