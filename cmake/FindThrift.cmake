# Finds Apache Thrift's C++ library (pkg-config) and its compiler.
# Defines Thrift::thrift and THRIFT_COMPILER.
find_package(PkgConfig REQUIRED)
pkg_check_modules(THRIFT QUIET IMPORTED_TARGET thrift)
find_program(THRIFT_COMPILER thrift)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Thrift
  REQUIRED_VARS THRIFT_FOUND THRIFT_COMPILER
  VERSION_VAR THRIFT_VERSION)

if(Thrift_FOUND AND NOT TARGET Thrift::thrift)
  add_library(Thrift::thrift INTERFACE IMPORTED)
  target_link_libraries(Thrift::thrift INTERFACE PkgConfig::THRIFT)
endif()
