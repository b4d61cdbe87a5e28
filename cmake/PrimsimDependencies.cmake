# Every dependency is a Debian 12 package found through find_package (scripts/setup.sh installs
# them). Random123 is header-only and ships no CMake config, so it gets an imported target here.
find_package(Threads REQUIRED)
find_package(TBB REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS graph)
find_package(yaml-cpp REQUIRED)
find_package(HDF5 REQUIRED COMPONENTS C)
find_package(fmt REQUIRED)
find_package(CLI11 REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(MPI REQUIRED COMPONENTS CXX)
# cpp-httplib (primsim serve): Debian ships it as a shared library whose header only declares, with
# a pkg-config file and no CMake config; its Cflags carry the OpenSSL, zlib and Brotli switches the
# library was built with, which every includer must share.
find_package(PkgConfig REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

find_path(RANDOM123_INCLUDE_DIR Random123/philox.h REQUIRED)
add_library(primsim_random123 INTERFACE)
add_library(Random123::Random123 ALIAS primsim_random123)
target_include_directories(primsim_random123 SYSTEM INTERFACE ${RANDOM123_INCLUDE_DIR})

if(PRIMSIM_PYTHON_MODULE)
  # The module is for Debian's own interpreter, the one that has python3-h5py and python3-pandas,
  # even when another python3 comes first on PATH.
  if(NOT DEFINED Python_EXECUTABLE AND EXISTS /usr/bin/python3)
    set(Python_EXECUTABLE /usr/bin/python3)
  endif()
  find_package(Python 3 REQUIRED COMPONENTS Interpreter Development.Module)
  set(PYBIND11_FINDPYTHON ON)
  find_package(pybind11 2.10 CONFIG REQUIRED)
endif()
if(PRIMSIM_BUILD_TESTS)
  find_package(Catch2 2 REQUIRED)
  include(Catch)
endif()
if(PRIMSIM_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
