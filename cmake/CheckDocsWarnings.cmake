# SPDX-License-Identifier: Apache-2.0
# Fails the docs target when Doxygen wrote any warning (cmake -DLOG=.../warnings.log -P this file).
file(READ ${LOG} warnings)
string(STRIP "${warnings}" warnings)
if(NOT warnings STREQUAL "")
  message(FATAL_ERROR "Doxygen warnings (${LOG}):\n${warnings}")
endif()
