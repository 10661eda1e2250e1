// SPDX-License-Identifier: Apache-2.0
#include "persistence.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <boost/describe.hpp>
#include <boost/json.hpp>
#include <boost/mp11.hpp>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <map>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <vector>

#include "field_reader.hpp"

namespace modelarts::testing::detail::service {

// The field table of each stored type, the one definition both directions read: a member's JSON name is its
// C++ name. The first member of a type kept in a map is its key. Every field is required, except that a
// collection missing from the file is empty (files written before it existed); a wrong type makes the file
// invalid, naming the field.
BOOST_DESCRIBE_STRUCT(TrainingVersion, (), (version_id, version_name, create_ms, stop_ms, config))
BOOST_DESCRIBE_STRUCT(TrainingJob, (), (job_id, job_name, job_desc, workspace_id, create_ms, next_version_number,
                                        versions))
BOOST_DESCRIBE_STRUCT(JobConfigPreset, (), (config_name, config_desc, create_ms, config))
BOOST_DESCRIBE_STRUCT(VisualizationJob, (), (job_id, job_name, job_desc, train_url, job_type, flavor_code,
                                             workspace_id, schedule_hours, create_ms, run_start_ms, restarted,
                                             stop_ms))
BOOST_DESCRIBE_STRUCT(LabelJob, (), (id, name, description, data_type, path, filter_id, type, create_ms, dls_prj_id,
                                     image_count, last_pass_rate, last_validation_ms))
BOOST_DESCRIBE_STRUCT(ServiceState, (), (next_training_job_id, next_version_id, next_visualization_id,
                                         next_dls_prj_id, training_jobs, job_configs, visualization_jobs,
                                         label_jobs, v2_training_jobs))
namespace v2 {
BOOST_DESCRIBE_ENUM(Outcome, complete, fail, abnormal, hang)
BOOST_DESCRIBE_STRUCT(Job, (), (id, name, description, workspace_id, create_ms, terminate_ms, outcome, annotations,
                                algorithm, spec))
}  // namespace v2

namespace {
namespace json = boost::json;
constexpr const char* kFormat = "modelarts-emulator-state";
constexpr std::int64_t kFormatVersion = 1;

template <class T>
struct is_map : std::false_type {};
template <class K, class V>
struct is_map<std::map<K, V>> : std::true_type {};
template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

template <class T>
using fields_of = boost::describe::describe_members<T, boost::describe::mod_public>;

// A training config is stored as the request body that creates it (the emulator's one reader validates it).
ConfigUse config_use(bool derived) { return derived ? ConfigUse::version : ConfigUse::job; }

template <class T>
json::value to_json(const T& value) {
  if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, std::int64_t> || std::is_same_v<T, double> ||
                std::is_same_v<T, json::object>) {
    return value;
  } else if constexpr (std::is_same_v<T, std::string>) {
    return json::string(value);
  } else if constexpr (std::is_same_v<T, TrainingConfig>) {
    return training_config_request(value, config_use(value.pre_version_id != 0));
  } else if constexpr (std::is_same_v<T, v2::Jobs>) {
    return to_json(value.by_id);
  } else if constexpr (is_optional<T>::value) {
    return value ? to_json(*value) : json::value(nullptr);
  } else if constexpr (is_map<T>::value) {
    json::array out;
    for (const auto& entry : value) out.push_back(to_json(entry.second));
    return out;
  } else if constexpr (std::is_enum_v<T>) {
    return json::string(boost::describe::enum_to_string(value, "complete"));
  } else {
    json::object out;
    boost::mp11::mp_for_each<fields_of<T>>([&](auto field) { out[field.name] = to_json(value.*field.pointer); });
    return out;
  }
}

template <class T>
void from_json(const json::value& in, T& out) {
  if constexpr (std::is_same_v<T, bool>) {
    out = in.as_bool();
  } else if constexpr (std::is_same_v<T, std::int64_t> || std::is_same_v<T, double>) {
    out = in.to_number<T>();
  } else if constexpr (std::is_same_v<T, std::string>) {
    out = std::string(in.as_string());
  } else if constexpr (std::is_same_v<T, json::object>) {
    out = in.as_object();
  } else if constexpr (std::is_same_v<T, TrainingConfig>) {
    FieldReader reader(in.as_object());
    std::vector<std::string_view> extra;
    out = read_training_config(reader, config_use(in.as_object().contains("pre_version_id")), extra);
    if (!reader.ok()) throw std::runtime_error("invalid training config: " + reader.failure().message);
  } else if constexpr (std::is_same_v<T, v2::Jobs>) {
    from_json(in, out.by_id);
  } else if constexpr (is_optional<T>::value) {
    out.reset();
    if (!in.is_null()) from_json(in, out.emplace());
  } else if constexpr (is_map<T>::value) {
    using Item = typename T::mapped_type;
    using Key = boost::mp11::mp_front<fields_of<Item>>;
    out.clear();
    for (const json::value& element : in.as_array()) {
      Item item;
      from_json(element, item);
      const auto key = item.*Key::pointer;
      out[key] = std::move(item);
    }
  } else if constexpr (std::is_enum_v<T>) {
    if (!boost::describe::enum_from_string(std::string(in.as_string()).c_str(), out))
      throw std::runtime_error("unknown value '" + std::string(in.as_string()) + "'");
  } else {
    const json::object& object = in.as_object();
    boost::mp11::mp_for_each<fields_of<T>>([&](auto field) {
      using Field = std::decay_t<decltype(out.*field.pointer)>;
      const json::value* value = object.if_contains(field.name);
      if (value == nullptr) {
        // A collection missing is empty (files written before it existed); any other field is required.
        if constexpr (is_map<Field>::value || std::is_same_v<Field, v2::Jobs>) return;
        throw std::runtime_error(std::string("missing field ") + field.name);
      }
      try {
        from_json(*value, out.*field.pointer);
      } catch (const std::exception& e) {
        throw std::runtime_error(std::string(field.name) + ": " + e.what());
      }
    });
  }
}

}  // namespace

std::string state_to_text(const ServiceState& state) {
  json::object root = to_json(state).as_object();
  root["format"] = kFormat;
  root["version"] = kFormatVersion;
  return json::serialize(root);
}

ServiceState state_from_text(const std::string& document) {
  ServiceState state;
  try {
    const json::value root = json::parse(document);
    const json::object& object = root.as_object();
    const json::value* format = object.if_contains("format");
    const json::value* version = object.if_contains("version");
    if (format == nullptr || !format->is_string() || format->as_string() != kFormat || version == nullptr ||
        !version->is_int64() || version->as_int64() != kFormatVersion)
      throw std::runtime_error("not a modelarts-emulator-state document of version 1");
    from_json(root, state);
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
