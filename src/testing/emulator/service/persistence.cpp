#include "persistence.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "field_reader.hpp"

namespace modelarts::testing::detail::service {

namespace {
namespace json = boost::json;
constexpr const char* kFormat = "modelarts-emulator-state";
constexpr std::int64_t kFormatVersion = 1;

json::object config_json(const TrainingConfig& config, ConfigUse use) { return training_config_request(config, use); }

TrainingConfig config_from(const json::value& value, ConfigUse use) {
  const json::object& object = value.as_object();
  FieldReader reader(object);
  std::vector<std::string_view> extra;
  TrainingConfig config = read_training_config(reader, use, extra);
  if (!reader.ok()) throw std::runtime_error("invalid training config: " + reader.failure().message);
  return config;
}

std::string text(const json::value& v) { return std::string(v.as_string()); }
std::int64_t integer(const json::value& v) { return v.to_number<std::int64_t>(); }
}  // namespace

std::string state_to_text(const ServiceState& state) {
  json::object root;
  root["format"] = kFormat;
  root["version"] = kFormatVersion;
  root["next_training_job_id"] = state.next_training_job_id;
  root["next_version_id"] = state.next_version_id;
  root["next_visualization_id"] = state.next_visualization_id;
  root["next_dls_prj_id"] = state.next_dls_prj_id;
  json::array jobs;
  for (const auto& [id, job] : state.training_jobs) {
    json::array versions;
    for (const auto& [vid, v] : job.versions)
      versions.push_back(json::object{
          {"version_id", v.version_id},
          {"version_name", v.version_name},
          {"job_desc", v.job_desc},
          {"create_ms", v.create_ms},
          {"stop_ms", v.stop_ms},
          {"config", config_json(v.config, v.config.pre_version_id != 0 ? ConfigUse::version : ConfigUse::job)}});
    jobs.push_back(json::object{{"job_id", job.job_id},
                                {"job_name", job.job_name},
                                {"job_desc", job.job_desc},
                                {"workspace_id", job.workspace_id},
                                {"create_ms", job.create_ms},
                                {"next_version_number", job.next_version_number},
                                {"versions", std::move(versions)}});
  }
  root["training_jobs"] = std::move(jobs);
  json::array configs;
  for (const auto& [name, preset] : state.job_configs)
    configs.push_back(json::object{{"config_name", preset.config_name},
                                   {"config_desc", preset.config_desc},
                                   {"create_ms", preset.create_ms},
                                   {"config", config_json(preset.config, ConfigUse::preset)}});
  root["job_configs"] = std::move(configs);
  json::array visualization;
  for (const auto& [id, job] : state.visualization_jobs)
    visualization.push_back(json::object{{"job_id", job.job_id},
                                         {"job_name", job.job_name},
                                         {"job_desc", job.job_desc},
                                         {"train_url", job.train_url},
                                         {"job_type", job.job_type},
                                         {"flavor_code", job.flavor_code},
                                         {"workspace_id", job.workspace_id},
                                         {"schedule_hours", job.schedule_hours},
                                         {"create_ms", job.create_ms},
                                         {"run_start_ms", job.run_start_ms},
                                         {"restarted", job.restarted},
                                         {"stop_ms", job.stop_ms}});
  root["visualization_jobs"] = std::move(visualization);
  json::array labels;
  for (const auto& [id, job] : state.label_jobs) {
    json::value rate = nullptr;
    if (job.last_pass_rate) rate = *job.last_pass_rate;
    labels.push_back(json::object{{"id", job.id},
                                  {"name", job.name},
                                  {"description", job.description},
                                  {"data_type", job.data_type},
                                  {"path", job.path},
                                  {"filter_id", job.filter_id},
                                  {"type", job.type},
                                  {"create_ms", job.create_ms},
                                  {"dls_prj_id", job.dls_prj_id},
                                  {"image_count", job.image_count},
                                  {"last_pass_rate", rate},
                                  {"last_validation_ms", job.last_validation_ms}});
  }
  root["label_jobs"] = std::move(labels);
  root["v2_training_jobs"] = v2::jobs_to_json(state.v2_jobs);
  return json::serialize(root);
}

ServiceState state_from_text(const std::string& document) {
  ServiceState state;
  try {
    const json::object root = json::parse(document).as_object();
    if (text(root.at("format")) != kFormat || integer(root.at("version")) != kFormatVersion)
      throw std::runtime_error("not a modelarts-emulator-state document of version 1");
    state.next_training_job_id = integer(root.at("next_training_job_id"));
    state.next_version_id = integer(root.at("next_version_id"));
    state.next_visualization_id = integer(root.at("next_visualization_id"));
    state.next_dls_prj_id = integer(root.at("next_dls_prj_id"));
    for (const auto& item : root.at("training_jobs").as_array()) {
      const auto& o = item.as_object();
      TrainingJob job;
      job.job_id = integer(o.at("job_id"));
      job.job_name = text(o.at("job_name"));
      job.job_desc = text(o.at("job_desc"));
      job.workspace_id = text(o.at("workspace_id"));
      job.create_ms = integer(o.at("create_ms"));
      job.next_version_number = integer(o.at("next_version_number"));
      for (const auto& vitem : o.at("versions").as_array()) {
        const auto& vo = vitem.as_object();
        TrainingVersion v;
        v.version_id = integer(vo.at("version_id"));
        v.version_name = text(vo.at("version_name"));
        v.job_desc = text(vo.at("job_desc"));
        v.create_ms = integer(vo.at("create_ms"));
        v.stop_ms = integer(vo.at("stop_ms"));
        const bool derived = vo.at("config").as_object().contains("pre_version_id");
        v.config = config_from(vo.at("config"), derived ? ConfigUse::version : ConfigUse::job);
        job.versions[v.version_id] = std::move(v);
      }
      state.training_jobs[job.job_id] = std::move(job);
    }
    for (const auto& item : root.at("job_configs").as_array()) {
      const auto& o = item.as_object();
      JobConfigPreset preset{text(o.at("config_name")), text(o.at("config_desc")), integer(o.at("create_ms")),
                             config_from(o.at("config"), ConfigUse::preset)};
      state.job_configs[preset.config_name] = std::move(preset);
    }
    for (const auto& item : root.at("visualization_jobs").as_array()) {
      const auto& o = item.as_object();
      VisualizationJob job;
      job.job_id = integer(o.at("job_id"));
      job.job_name = text(o.at("job_name"));
      job.job_desc = text(o.at("job_desc"));
      job.train_url = text(o.at("train_url"));
      job.job_type = text(o.at("job_type"));
      job.flavor_code = text(o.at("flavor_code"));
      job.workspace_id = text(o.at("workspace_id"));
      job.schedule_hours = integer(o.at("schedule_hours"));
      job.create_ms = integer(o.at("create_ms"));
      job.run_start_ms = integer(o.at("run_start_ms"));
      job.restarted = o.at("restarted").as_bool();
      job.stop_ms = integer(o.at("stop_ms"));
      state.visualization_jobs[job.job_id] = std::move(job);
    }
    for (const auto& item : root.at("label_jobs").as_array()) {
      const auto& o = item.as_object();
      LabelJob job;
      job.id = text(o.at("id"));
      job.name = text(o.at("name"));
      job.description = text(o.at("description"));
      job.data_type = text(o.at("data_type"));
      job.path = text(o.at("path"));
      job.filter_id = text(o.at("filter_id"));
      job.type = text(o.at("type"));
      job.create_ms = integer(o.at("create_ms"));
      job.dls_prj_id = integer(o.at("dls_prj_id"));
      job.image_count = integer(o.at("image_count"));
      if (!o.at("last_pass_rate").is_null()) job.last_pass_rate = o.at("last_pass_rate").to_number<double>();
      job.last_validation_ms = integer(o.at("last_validation_ms"));
      state.label_jobs[job.id] = std::move(job);
    }
    state.v2_jobs = v2::jobs_from_json(root.if_contains("v2_training_jobs"));
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("invalid emulator state: ") + e.what());
  }
  return state;
}

std::optional<ServiceState> load_state(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (::access(path.c_str(), F_OK) != 0 && errno == ENOENT) return std::nullopt;
    throw std::runtime_error("cannot read emulator state file " + path);
  }
  std::ostringstream content;
  content << in.rdbuf();
  try {
    return state_from_text(content.str());
  } catch (const std::exception& e) {
    throw std::runtime_error("emulator state file " + path + " is corrupt (" + e.what() +
                             "); remove it or point --state elsewhere");
  }
}

namespace {
[[noreturn]] void io_failure(const std::string& what, const std::string& path) {
  throw std::runtime_error("cannot " + what + " emulator state file " + path + ": " + std::strerror(errno));
}

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }
  int release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};
}  // namespace

void save_state(const ServiceState& state, const std::string& path) { write_durably(state_to_text(state), path); }

void write_durably(const std::string& document, const std::string& path) {
  const std::string temp = path + ".tmp";
  {
    FileDescriptor fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
    if (fd.get() < 0) io_failure("create", temp);
    std::size_t written = 0;
    while (written < document.size()) {
      const ssize_t n = ::write(fd.get(), document.data() + written, document.size() - written);
      if (n < 0) {
        if (errno == EINTR) continue;
        io_failure("write", temp);
      }
      written += static_cast<std::size_t>(n);
    }
    if (::fdatasync(fd.get()) != 0) io_failure("fsync", temp);
    if (::close(fd.release()) != 0) io_failure("close", temp);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) io_failure("replace", path);
  const auto slash = path.find_last_of('/');
  const std::string directory = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
  FileDescriptor dir(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() < 0 || ::fsync(dir.get()) != 0) io_failure("fsync the directory of", path);
}

}  // namespace modelarts::testing::detail::service
