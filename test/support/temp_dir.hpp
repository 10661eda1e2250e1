// SPDX-License-Identifier: Apache-2.0
// A scratch directory for one test, removed with everything in it when the test ends.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <system_error>

namespace modelarts::test {

class TempDir {
 public:
  /// <temp>/<prefix>-<pid>-<random>, created now.
  explicit TempDir(const std::string& prefix)
      : path(std::filesystem::temp_directory_path() /
             (prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(std::random_device{}()))) {
    std::filesystem::create_directories(path);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }

  /// Writes `content` to path/relative (making its folders); returns the file's path.
  std::string write(const std::string& relative, const std::string& content) const {
    const std::filesystem::path file = path / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file.string();
  }

  const std::filesystem::path path;
};

}  // namespace modelarts::test
