// SPDX-License-Identifier: Apache-2.0
#include "catalog.hpp"

namespace modelarts::testing::detail::service::v2 {
namespace json = boost::json;
namespace {

json::object cpu_flavor(const std::string& id, const std::string& name, int cores, int memory_gb, int max_num) {
  return json::object{
      {"flavor_id", id},
      {"flavor_name", name},
      {"max_num", max_num},
      {"flavor_type", "CPU"},
      {"billing", json::object{{"code", id}, {"unit_num", 1}}},
      {"flavor_info", json::object{{"max_num", max_num},
                                   {"cpu", json::object{{"arch", "x86"}, {"core_num", cores}}},
                                   {"memory", json::object{{"size", memory_gb}, {"unit", "GB"}}},
                                   {"disk", json::object{{"size", 50}, {"unit", "GB"}}}}},
      {"attributes", json::object{}}};
}

const json::array& flavor_list() {
  static const json::array list = [] {
    json::array all;
    all.push_back(cpu_flavor("modelarts.vm.cpu.2u", "Computing CPU(2U) instance", 2, 8, 1));
    all.push_back(cpu_flavor("modelarts.vm.cpu.8u", "Computing CPU(8U) instance", 8, 32, 16));
    all.push_back(json::object{
        {"flavor_id", "modelarts.vm.gpu.v100"},
        {"flavor_name", "Computing GPU(V100) instance"},
        {"max_num", 8},
        {"flavor_type", "GPU"},
        {"billing", json::object{{"code", "modelarts.vm.gpu.v100"}, {"unit_num", 1}}},
        {"flavor_info",
         json::object{{"max_num", 8},
                      {"cpu", json::object{{"arch", "x86"}, {"core_num", 8}}},
                      {"gpu", json::object{{"unit_num", 1}, {"product_name", "NVIDIA-V100"}, {"memory", "32GB"}}},
                      {"memory", json::object{{"size", 64}, {"unit", "GB"}}},
                      {"disk", json::object{{"size", 200}, {"unit", "GB"}}}}},
        {"attributes", json::object{}}});
    return all;
  }();
  return list;
}

json::object engine(const std::string& name, const std::string& version, bool v1_compatible) {
  return json::object{{"engine_id", version},
                      {"engine_name", name},
                      {"engine_version", version},
                      {"v1_compatible", v1_compatible},
                      {"run_user", v1_compatible ? "" : "1102"},
                      {"image_info", json::object{{"cpu_image_url", "aip/" + version + ":cpu"},
                                                  {"gpu_image_url", "aip/" + version + ":gpu"},
                                                  {"image_version", version}}}};
}

const json::array& engine_list() {
  static const json::array list = [] {
    json::array all;
    all.push_back(engine("Caffe", "caffe-1.0.0-python2.7", true));
    all.push_back(engine("TensorFlow", "tensorflow_2.1.0-cuda_10.1-py_3.7-ubuntu_18.04-x86_64", false));
    all.push_back(engine("PyTorch", "pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64", false));
    all.push_back(engine("MindSpore", "mindspore_1.7.0-cann_5.1.0-py_3.7-euler_2.8.3-aarch64", false));
    return all;
  }();
  return list;
}

}  // namespace

json::object flavors(const std::string& flavor_type) {
  json::array selected;
  for (const json::value& f : flavor_list())
    if (flavor_type.empty() || f.at("flavor_type").as_string() == flavor_type) selected.push_back(f);
  const auto count = static_cast<std::int64_t>(selected.size());
  return json::object{{"total_count", count}, {"flavors", std::move(selected)}};
}

const json::object* find_flavor(const std::string& flavor_id) {
  for (const json::value& f : flavor_list())
    if (f.at("flavor_id").as_string() == flavor_id) return &f.as_object();
  return nullptr;
}

json::object engines() {
  return json::object{{"total", static_cast<std::int64_t>(engine_list().size())}, {"items", engine_list()}};
}

const json::object* find_engine(const std::string& engine_id, const std::string& name, const std::string& version) {
  for (const json::value& e : engine_list()) {
    const json::object& o = e.as_object();
    if (!engine_id.empty() ? o.at("engine_id").as_string() == engine_id
                           : (o.at("engine_name").as_string() == name && o.at("engine_version").as_string() == version))
      return &o;
  }
  return nullptr;
}

}  // namespace modelarts::testing::detail::service::v2
