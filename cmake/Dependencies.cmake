# SPDX-License-Identifier: Apache-2.0
# Boost >= 1.81 is needed for Boost.JSON and Boost.URL (Debian 12: libboost1.81-dev and friends).
find_package(Boost 1.81 REQUIRED COMPONENTS json url)
find_package(OpenSSL 3 REQUIRED)
find_package(Threads REQUIRED)
# The CLI's argument parser: CLI11 (header-only; Debian 12: libcli11-dev), only for the tools.
if(MODELARTS_BUILD_TOOLS)
  find_package(CLI11 2.1 CONFIG REQUIRED)
endif()
