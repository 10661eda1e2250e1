
include(CMakePackageConfigHelpers)

install(DIRECTORY include/modelarts DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
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
