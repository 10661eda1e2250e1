// SPDX-License-Identifier: Apache-2.0
#include <modelarts/version.hpp>

namespace modelarts {

const char* version() noexcept { return MODELARTS_VERSION_STRING; }

}  // namespace modelarts
