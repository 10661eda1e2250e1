// SPDX-License-Identifier: Apache-2.0
// Training from a local code directory, for the v1 and the v2 Estimator alike (ModelArts SDK Reference,
// "TrainingFiles" with obs_path; docs/python-parity.md): the local tree and boot file are checked before anything
// is sent, then the tree is uploaded into a content-addressed prefix under obs_path (ObsClient::stage_code_dir), so
// a retried create re-uses what is there.
#pragma once

#include <string>

#include <modelarts/obs.hpp>
#include <modelarts/session.hpp>

namespace modelarts::detail {

/// The settings' names as the caller knows them, for error messages ("training_files.code_dir" or "code_dir").
struct LocalCodeNames {
  const char* code_dir;
  const char* boot_file;
  const char* obs_path;
};

/// Throws InvalidArgumentError unless `obs_path` is an OBS folder (obs://bucket/... or /bucket/...), `code_dir` a
/// local directory and `boot_file` a regular file inside it, given relative to it (no "..").
void check_local_code(const LocalCodeNames& names, const std::string& code_dir, const std::string& boot_file,
                      const std::string& obs_path);

/// Throws InvalidArgumentError when `code_dir`, given without obs_path, is a local path: relative (not
/// "obs://..." nor "/bucket/...") or an existing local directory. Sent as is, it would name a bucket by accident.
void check_code_dir_is_remote(const LocalCodeNames& names, const std::string& code_dir);

/// Where the code went, as obs:// URLs: the folder (ends with '/') and the boot file in it.
struct StagedCode {
  std::string code_dir;
  std::string boot_file;
};

/// Uploads `code_dir` under obs_path + "<tree hash>/code/" (unchanged files skipped). Call check_local_code first.
StagedCode stage_local_code(const Session& session, const std::string& code_dir, const std::string& boot_file,
                            const std::string& obs_path, const obs::TransferOptions& options);
/// The code as it is under the OBS folder `prefix` (ends with '/'): the boot file's key normalised ("./a//b.py" ->
/// "a/b.py", '/' whatever the platform's separator).
StagedCode staged_code_at(const std::string& prefix, const std::string& boot_file);
/// Where stage_local_code would put the code, reading only the local disk (a dry run).
StagedCode preview_local_code(const std::string& code_dir, const std::string& boot_file, const std::string& obs_path);

/// "obs://bucket/key" as the v1 API writes OBS paths: "/bucket/key".
std::string v1_obs_path(const std::string& obs_url);

}  // namespace modelarts::detail
