# SPDX-License-Identifier: Apache-2.0
# modelarts_warnings: an interface target carrying the project's warning flags.
add_library(modelarts_warnings INTERFACE)
target_compile_options(modelarts_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow -Wnon-virtual-dtor)
if(MODELARTS_WERROR)
  target_compile_options(modelarts_warnings INTERFACE -Werror)
endif()
