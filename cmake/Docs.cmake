# SPDX-License-Identifier: Apache-2.0
# `cmake --build build --target docs`: the API reference from the public headers, with Doxygen when it is
# installed. Not part of the default build; scripts/test builds it, and any Doxygen warning fails it.
find_package(Doxygen QUIET OPTIONAL_COMPONENTS dot)
if(NOT DOXYGEN_FOUND)
  add_custom_target(docs
    COMMAND ${CMAKE_COMMAND} -E echo "docs: Doxygen was not found; install it (apt-get install doxygen) and reconfigure"
    COMMAND ${CMAKE_COMMAND} -E false)
  return()
endif()
set(MODELARTS_DOCS_OUTPUT ${CMAKE_BINARY_DIR}/docs)
# Class and include graphs only when Graphviz is there.
if(DOXYGEN_DOT_FOUND)
  set(MODELARTS_DOCS_HAVE_DOT YES)
else()
  set(MODELARTS_DOCS_HAVE_DOT NO)
endif()
configure_file(${PROJECT_SOURCE_DIR}/docs/Doxyfile.in ${CMAKE_BINARY_DIR}/Doxyfile @ONLY)
add_custom_target(docs
  COMMAND ${CMAKE_COMMAND} -E make_directory ${MODELARTS_DOCS_OUTPUT}
  COMMAND Doxygen::doxygen ${CMAKE_BINARY_DIR}/Doxyfile
  COMMAND ${CMAKE_COMMAND} -DLOG=${MODELARTS_DOCS_OUTPUT}/warnings.log -P ${PROJECT_SOURCE_DIR}/cmake/CheckDocsWarnings.cmake
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
  COMMENT "API reference -> ${MODELARTS_DOCS_OUTPUT}/html/index.html"
  VERBATIM)
