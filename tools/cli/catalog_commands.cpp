// SPDX-License-Identifier: Apache-2.0
// `modelarts spec|engine|algorithm list`: the look-ups behind --instance-type, --framework-* and --algorithm
// (Python Estimator.get_train_instance_types, get_framework_list, get_built_in_algorithms).
#include <ostream>

#include <modelarts/estimator.hpp>

#include "formatting.hpp"
#include "groups.hpp"
#include "json_output.hpp"
#include "table.hpp"

namespace modelarts::cli {

namespace {

/// -o json: the list document (json_output.hpp), the items as the service sent them.
template <class Item>
bool print_items_json(Invocation& invocation, const std::vector<Item>& items) {
  if (!invocation.json()) return false;
  boost::json::array rows;
  for (const auto& item : items) rows.push_back(parse_json(item.raw_json));
  print_json(invocation, list_document(std::move(rows), static_cast<std::int64_t>(items.size())));
  return true;
}

int list_specs(Invocation& invocation) {
  const auto specs = Estimator::get_train_instance_types(invocation.session());
  if (print_items_json(invocation, specs)) return 0;
  Table table({"SPEC_ID", "SPEC_CODE", "CORE", "CPU", "GPU", "MAX_NUM", "STORAGE"});
  for (const auto& spec : specs)
    table.add_row({std::to_string(spec.spec_id), spec.spec_code, spec.core, spec.cpu,
                   spec.gpu_num ? std::to_string(spec.gpu_num) + " " + spec.gpu_type : std::string(),
                   std::to_string(spec.max_num), spec.storage});
  table.print(invocation.out());
  return 0;
}

int list_engines(Invocation& invocation) {
  const auto engines = Estimator::get_framework_list(invocation.session());
  if (print_items_json(invocation, engines)) return 0;
  Table table({"ENGINE_ID", "FRAMEWORK_TYPE", "FRAMEWORK_VERSION", "ENGINE_TYPE"});
  for (const auto& engine : engines)
    table.add_row({std::to_string(engine.engine_id), engine.engine_name, engine.engine_version,
                   std::to_string(engine.engine_type)});
  table.print(invocation.out());
  return 0;
}

const char* usage_name(std::int64_t usage) {
  switch (usage) {
    case 1: return "image classification";
    case 2: return "object detection";
    case 3: return "image segmentation";
    case 4: return "NLP";
    case 5: return "graph embedding";
    default: return "";
  }
}

int list_algorithms(Invocation& invocation) {
  const auto algorithms = Estimator::get_built_in_algorithms(invocation.session());
  if (print_items_json(invocation, algorithms)) return 0;
  Table table({"MODEL_ID", "NAME", "USAGE", "PRECISION", "ENGINE", "DATASET_FORMAT"});
  for (const auto& algorithm : algorithms)
    table.add_row({std::to_string(algorithm.model_id), algorithm.model_name, usage_name(algorithm.model_usage),
                   algorithm.model_precision, algorithm.engine_name + " " + algorithm.engine_version,
                   algorithm.model_dataset_format});
  table.print(invocation.out());
  return 0;
}

Group list_only_group(std::string name, std::string summary, std::string verb_summary, int (*run)(Invocation&)) {
  Group group{std::move(name), std::move(summary), {}, false};
  group.verbs.push_back({"list", std::move(verb_summary), {}, {}, run, "-o json prints {\"items\": [...], \"total\": N}."});
  return group;
}

Group spec_group() {
  return list_only_group("spec", "Training resource specs (values for --instance-type)",
                         "List training resource specs (Python get_train_instance_types)", list_specs);
}

Group engine_group() {
  return list_only_group("engine", "AI engines (values for --framework-type / --framework-version)",
                         "List training engines (Python get_framework_list)", list_engines);
}

Group algorithm_group() {
  return list_only_group("algorithm", "Built-in algorithms (values for --algorithm)",
                         "List built-in algorithms (Python get_built_in_algorithms)", list_algorithms);
}

const GroupRegistration registered_spec{60, spec_group};
const GroupRegistration registered_engine{70, engine_group};
const GroupRegistration registered_algorithm{80, algorithm_group};

}  // namespace

}  // namespace modelarts::cli
