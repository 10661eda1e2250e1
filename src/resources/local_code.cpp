// SPDX-License-Identifier: Apache-2.0
#include "resources/local_code.hpp"

#include <filesystem>
#include <system_error>

#include "resources/validate.hpp"

namespace modelarts::detail {

namespace {

bool is_obs_folder(const std::string& path) {
  return (path.rfind("obs://", 0) == 0 && path.size() > 6) || (path.rfind('/', 0) == 0 && path.size() > 1);
}

/// A setting's value in an error message: quoted and cut, so a stray megabyte does not fill the log.
std::string quoted(const std::string& value) { return '"' + value.substr(0, 256) + '"'; }

}  // namespace

void check_local_code(const LocalCodeNames& names, const std::string& code_dir, const std::string& boot_file,
                      const std::string& obs_path) {
  namespace fs = std::filesystem;
  if (!is_obs_folder(obs_path)) {
    throw_invalid_argument(std::string(names.obs_path) + " must be an OBS folder (obs://bucket/... or /bucket/...), got " +
                           quoted(obs_path));
  }
  if (code_dir.empty()) {
    throw_invalid_argument(std::string(names.obs_path) + " uploads a local " + names.code_dir + ": give " +
                           names.code_dir + " and " + names.boot_file + ", or leave " + names.obs_path + " out");
  }
  std::error_code ec;
  if (!fs::is_directory(code_dir, ec)) {
    throw_invalid_argument(std::string(names.code_dir) + ' ' + quoted(code_dir) + " is not a local directory (with " +
                           names.obs_path + ", the code is uploaded from the local disk)");
  }
  const fs::path boot(boot_file);
  bool inside = !boot_file.empty() && boot.is_relative();
  for (const auto& part : boot) inside = inside && part != "..";
  if (!inside || !fs::is_regular_file(fs::path(code_dir) / boot, ec)) {
    throw_invalid_argument(std::string(names.boot_file) + ' ' + quoted(boot_file) + " must be a file inside the local " +
                           names.code_dir + ", relative to it");
  }
}

void check_code_dir_is_remote(const LocalCodeNames& names, const std::string& code_dir) {
  if (code_dir.empty() || code_dir.rfind("obs://", 0) == 0) return;
  std::error_code ec;
  if (code_dir.front() != '/' || std::filesystem::is_directory(code_dir, ec)) {
    throw_invalid_argument(std::string(names.code_dir) + ' ' + quoted(code_dir) +
                           " is a local path, not an OBS path: set " + names.obs_path +
                           " to upload it (or write the OBS folder as obs://bucket/dir/)");
  }
}

StagedCode staged_code_at(const std::string& prefix, const std::string& boot_file) {
  return {prefix, prefix + std::filesystem::path(boot_file).lexically_normal().generic_string()};
}

StagedCode stage_local_code(const Session& session, const std::string& code_dir, const std::string& boot_file,
                            const std::string& obs_path, const obs::TransferOptions& options) {
  return staged_code_at(session.obs().stage_code_dir(code_dir, obs_path, options).obs_prefix, boot_file);
}

StagedCode preview_local_code(const std::string& code_dir, const std::string& boot_file, const std::string& obs_path) {
  return staged_code_at(obs::code_stage_prefix(code_dir, obs_path), boot_file);
}

std::string v1_obs_path(const std::string& obs_url) {
  return obs_url.rfind("obs://", 0) == 0 ? obs_url.substr(5) : obs_url;
}

}  // namespace modelarts::detail
