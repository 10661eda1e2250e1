# Boost >= 1.81 is needed for Boost.JSON and Boost.URL (Debian 12: libboost1.81-dev and friends).
find_package(Boost 1.81 REQUIRED COMPONENTS json url)
find_package(OpenSSL 3 REQUIRED)
find_package(Threads REQUIRED)
