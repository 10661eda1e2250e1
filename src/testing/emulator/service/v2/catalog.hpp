// SPDX-License-Identifier: Apache-2.0
// The emulator's v2 flavor and engine catalogues (ModelArts API Reference, "Training Management"; the documented
// examples plus a GPU flavor).
#pragma once

#include <boost/json.hpp>
#include <string>

namespace modelarts::testing::detail::service::v2 {

/// {"total_count", "flavors"}; `flavor_type` empty for all.
boost::json::object flavors(const std::string& flavor_type);
/// One FlavorResponse, or nullptr.
const boost::json::object* find_flavor(const std::string& flavor_id);
/// {"total", "items"}.
boost::json::object engines();
/// The engine with this engine_id, or with this name and version; nullptr if none.
const boost::json::object* find_engine(const std::string& engine_id, const std::string& name, const std::string& version);

}  // namespace modelarts::testing::detail::service::v2
