// SPDX-License-Identifier: Apache-2.0
// v2 reply bodies for the fake-transport unit tests (shapes of ModelArts API Reference, "Querying the Details About a
// Training Job" and "Training Management").
#pragma once

#include <string>

#include "support/api_test_session.hpp"

namespace modelarts::test {

inline constexpr const char* kJobId = "b8d2c1e4-5f6a-4b7c-9d8e-0f1a2b3c4d5e";

/// "/v2/<project>/" + rest.
inline std::string v2_path(const std::string& rest) { return std::string("/v2/") + kProject + "/" + rest; }

/// A job object in `phase`, with `extra` top-level fields appended (",\"x\":1").
inline std::string v2_job(const std::string& phase, const std::string& extra = {}, const std::string& id = kJobId,
                          const std::string& name = "resnet-ci") {
  return R"({"kind":"job","metadata":{"id":")" + id + R"(","name":")" + name +
         R"(","description":"d","create_time":1795941000123,"workspace_id":"0","annotations":{"a":"b"}},)"
         R"("status":{"phase":")" + phase +
         R"(","secondary_phase":"x","duration":"95000","start_time":1795941031000,"tasks":["worker-0","worker-1"],)"
         R"("task_statuses":[{"task":"worker-0","exit_code":1,"message":"boom"}]},)"
         R"("algorithm":{"code_dir":"obs://b/code/","boot_file":"obs://b/code/train.py",)"
         R"("parameters":[{"name":"epochs","value":"3"}],)"
         R"("inputs":[{"name":"data_url","local_dir":"/in","remote":{"obs":{"obs_url":"obs://b/data/"}}}],)"
         R"("outputs":[{"name":"train_url","remote":{"obs":{"obs_url":"obs://b/out/"}},"period":30}],)"
         R"("engine":{"engine_id":"pt","engine_name":"PyTorch","engine_version":"pt-1.8","v1_compatible":false,"run_user":"1102"},)"
         R"("environments":[{"NCCL_DEBUG":"WARN"}]},)"
         R"("spec":{"resource":{"flavor_id":"modelarts.vm.cpu.8u","flavor_name":"CPU 8U","node_count":2},)"
         R"("log_export_path":{"obs_url":"obs://b/logs/"}})" +
         extra + "}";
}

/// A logs/preview body for `content` (raw text; newlines are escaped here, sizes are of the raw bytes).
inline std::string v2_preview(const std::string& content, std::int64_t full_size) {
  std::string escaped;
  for (char c : content) escaped += c == '\n' ? std::string("\\n") : std::string(1, c);
  return R"({"content":")" + escaped + R"(","current_size":)" + std::to_string(content.size()) +
         R"(,"full_size":)" + std::to_string(full_size) + "}";
}

}  // namespace modelarts::test
