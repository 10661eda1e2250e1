// SPDX-License-Identifier: Apache-2.0
// What the v2 training API returns, as typed structs (ModelArts API Reference, "Querying the Details About a Training
// Job" and "Training Management"). Times are milliseconds since the epoch (create_time, start_time) or milliseconds
// (duration) unless a field says otherwise; sizes are bytes. Each struct that mirrors a whole service object also keeps
// the object as it arrived (`raw_json`), so fields this SDK does not model are never lost.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace modelarts::v2 {

/// status.phase. Terminal: completed (success), failed, terminated, abnormal.
enum class Phase { unknown, creating, pending, running, completed, failed, terminating, terminated, abnormal };

/// "Creating", "Pending", ... as the service spells them; "Unknown" for Phase::unknown.
const char* to_string(Phase phase) noexcept;
/// The phase the service's text names (case-sensitive, as documented); Phase::unknown otherwise.
Phase phase_from_string(std::string_view text) noexcept;
/// Completed, Failed, Terminated or Abnormal: the job will not change phase again.
bool is_terminal(Phase phase) noexcept;

/// One algorithm parameter; values are strings on the wire. An empty value is sent without "value"
/// (the Python SDK's `{"name": "dist"}` boolean flag).
struct Parameter {
  std::string name;
  std::string value;
};

/// Python InputData(obs_path, name, local_path): algorithm.inputs[] {name, remote.obs.obs_url, local_dir}.
struct InputData {
  std::string obs_path;    ///< obs://bucket/dir/ or /bucket/dir/ (passed through as given)
  std::string name;        ///< e.g. "data_url"
  std::string local_path;  ///< container path; the service picks /home/ma-user/modelarts/inputs/{name}_0 when empty
};

/// Python OutputData(obs_path, name): algorithm.outputs[] {name, remote.obs.obs_url}.
struct OutputData {
  std::string obs_path;
  std::string name;        ///< e.g. "train_url"
  std::string local_path;  ///< as for InputData; the service's default when empty
};

struct Metadata {
  std::string id;            ///< the job ID (a UUID)
  std::string name;
  std::string description;
  std::string workspace_id;  ///< "0" is the default workspace
  std::string user_name;
  std::int64_t create_time = 0;  ///< ms since the epoch
  std::map<std::string, std::string> annotations;
};

struct TaskStatus {
  std::string task;  ///< "worker-0"
  int exit_code = 0;
  std::string message;
};

struct Status {
  Phase phase = Phase::unknown;
  std::string phase_text;       ///< as received (kept when the phase is one this SDK does not know)
  std::string secondary_phase;  ///< internal to the service: "may change, do not depend on it"
  std::int64_t duration = 0;    ///< ms of running (0 until it runs)
  std::int64_t start_time = 0;  ///< ms since the epoch when it started running (0 until then)
  std::vector<std::string> tasks;  ///< "worker-0" ... "worker-{node_count-1}": the task_id of the log calls
  std::vector<TaskStatus> task_statuses;
};

struct EngineRef {
  std::string engine_id;
  std::string engine_name;     ///< Python framework_type
  std::string engine_version;  ///< Python framework_version
  std::string image_url;       ///< custom image (SWR org/name:tag)
  bool v1_compatible = false;
  std::string run_user;
};

struct Algorithm {
  std::string id;    ///< a saved algorithm (the algorithm-ID form)
  std::string name;
  std::string code_dir;
  std::string boot_file;
  std::string command;  ///< custom-image start command
  std::string working_dir;
  std::string local_code_dir;
  std::vector<Parameter> parameters;
  std::vector<InputData> inputs;
  std::vector<OutputData> outputs;
  EngineRef engine;
  std::map<std::string, std::string> environments;
};

struct Spec {
  std::string flavor_id;
  std::string flavor_name;
  std::string pool_id;
  int node_count = 0;
  std::string log_export_path;  ///< spec.log_export_path.obs_url
};

/// One training job as create, get, terminate and search return it.
struct TrainingJobInfo {
  std::string kind;  ///< "job"
  Metadata metadata;
  Status status;
  Algorithm algorithm;
  Spec spec;
  std::string raw_json;  ///< the whole job object as received (JSON text)
};

/// POST /training-job-searches.
struct TrainingJobList {
  std::int64_t total = 0;   ///< every job of the user
  std::int64_t count = 0;   ///< jobs matching the filters
  std::int64_t limit = 0;
  std::int64_t offset = 0;
  std::string sort_by;
  std::string order;
  std::string group_by;
  std::string workspace_id;
  std::string ai_project;
  std::vector<TrainingJobInfo> items;
};

/// GET .../tasks/{task_id}/logs/preview: the newest part of the log, at most 5 MiB.
struct LogPreview {
  bool ready = false;             ///< false: 204 (ModelArts.2776, nothing to show yet); the rest is empty
  std::string content;            ///< the newest current_size bytes of the log
  std::int64_t current_size = 0;  ///< bytes in content
  std::int64_t full_size = 0;     ///< bytes the log has in all (grows while the task runs)
};

struct Metric {
  std::string metric;         ///< cpuUsage, memUsage, gpuUtil, gpuMemUsage, npuUtil, npuMemUsage
  std::vector<double> value;  ///< one averaged sample a minute; -1 means no sample
};

/// GET .../metrics/{task_id}.
struct Metrics {
  bool ready = false;  ///< false: 204 (ModelArts.2777, nothing measured yet)
  std::vector<Metric> metrics;
};

struct Event {
  std::string time;     ///< ISO-8601 with offset, e.g. "2022-11-26T16:03:41+08:00"
  std::string level;    ///< Info | Warning | Error
  std::string message;
  std::string source;   ///< K8S | Job | Task
};

/// GET .../events.
struct EventList {
  std::int64_t total = 0;
  std::int64_t limit = 0;
  std::int64_t offset = 0;
  std::string order;
  std::string start_time;
  std::string end_time;
  std::vector<Event> events;
};

/// GET /training-job-flavors: one flavor (Python get_train_instance_types).
struct FlavorInfo {
  std::string flavor_id;    ///< what train_instance_type takes, e.g. "modelarts.vm.cpu.8u"
  std::string flavor_name;
  std::string flavor_type;  ///< CPU | GPU | Ascend
  int max_num = 0;          ///< most nodes a job may use; 1: no distributed training
  std::string cpu_arch;
  int cpu_core_num = 0;
  int gpu_unit_num = 0;
  std::string gpu_product_name;
  std::int64_t memory_size = 0;
  std::string memory_unit;
  std::int64_t disk_size = 0;
  std::string disk_unit;
  std::string raw_json;
};

/// GET /training-job-engines: one preset engine (Python get_framework_list: engine_name is framework_type,
/// engine_version is framework_version).
struct EngineInfo {
  std::string engine_id;
  std::string engine_name;
  std::string engine_version;
  bool v1_compatible = false;
  std::string run_user;
  std::string cpu_image_url;
  std::string gpu_image_url;
  std::string image_version;
  std::string raw_json;
};

}  // namespace modelarts::v2
