# SPDX-License-Identifier: Apache-2.0

include(CMakePackageConfigHelpers)

install(DIRECTORY include/modelarts DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_BINARY_DIR}/include/modelarts/version.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/modelarts)
install(TARGETS modelarts modelarts_testing EXPORT modelartsTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT modelartsTargets NAMESPACE modelarts:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/modelarts)
configure_package_config_file(cmake/modelartsConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/modelartsConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/modelarts)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/modelartsConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/modelartsConfig.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/modelartsConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/modelarts)

# pkg-config: `pkg-config --cflags --libs modelarts` for builds without CMake. The file finds its prefix from its
# own place (${pcfiledir}), so the installed tree can move. A static library also needs its dependencies on the
# plain --libs line (Boost.JSON and Boost.URL ship no .pc files).
if(BUILD_SHARED_LIBS)
  set(MODELARTS_PC_REQUIRES_KIND ".private")
  set(MODELARTS_PC_STATIC_LIBS "")
else()
  set(MODELARTS_PC_REQUIRES_KIND "")
  set(MODELARTS_PC_STATIC_LIBS "-lboost_json -lboost_url -pthread")
endif()
file(RELATIVE_PATH MODELARTS_PC_TO_PREFIX ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" MODELARTS_PC_TO_PREFIX "${MODELARTS_PC_TO_PREFIX}")
configure_file(cmake/modelarts.pc.in ${CMAKE_CURRENT_BINARY_DIR}/modelarts.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/modelarts.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# The samples, as source to read and copy (each builds against the installed SDK: see README "Samples").
install(DIRECTORY samples/ DESTINATION ${CMAKE_INSTALL_DATADIR}/modelarts/samples FILES_MATCHING PATTERN "*.cpp")
