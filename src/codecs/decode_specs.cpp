// SPDX-License-Identifier: Apache-2.0
#include <boost/json/serialize.hpp>

#include "codecs/decode.hpp"
#include "codecs/json_fields.hpp"
#include "resources/request.hpp"

namespace modelarts::detail {
namespace json = boost::json;

Result<std::vector<SpecInfo>> decode_specs(const json::value& body, const std::string& context) {
  std::optional<ErrorInfo> error;
  const json::object* object = body_object(body, context, error);
  if (!object) return *error;
  FieldReader r(*object, context);
  auto specs = read_rows<SpecInfo>(r, "specs", "spec_id", [&](const json::object& row) {
    FieldReader f(row, context);
    SpecInfo spec;
    spec.spec_id = f.integer("spec_id");
    spec.spec_code = f.text("spec_code");
    spec.core = f.text("core");
    spec.cpu = f.text("cpu");
    spec.gpu_num = f.integer("gpu_num");
    spec.gpu_type = f.text("gpu_type");
    spec.max_num = f.integer("max_num");
    spec.unit_num = f.integer("unit_num");
    spec.storage = f.text("storage");
    spec.interface_type = f.integer("interface_type");
    spec.no_resource = f.boolean("no_resource");
    spec.raw_json = json::serialize(row);
    return spec;
  });
  if (!r.ok()) return r.error();
  return specs;
}

Result<std::vector<EngineInfo>> decode_engines(const json::value& body, const std::string& context) {
  std::optional<ErrorInfo> error;
  const json::object* object = body_object(body, context, error);
  if (!object) return *error;
  FieldReader r(*object, context);
  auto engines = read_rows<EngineInfo>(r, "engines", "engine_id", [&](const json::object& row) {
    FieldReader f(row, context);
    EngineInfo engine;
    engine.engine_type = f.integer("engine_type");
    engine.engine_id = f.integer("engine_id");
    engine.engine_name = f.text("engine_name");
    engine.engine_version = f.text("engine_version");
    engine.raw_json = json::serialize(row);
    return engine;
  });
  if (!r.ok()) return r.error();
  return engines;
}

Result<AlgorithmPage> decode_algorithms(const json::value& body, const std::string& context) {
  std::optional<ErrorInfo> error;
  const json::object* object = body_object(body, context, error);
  if (!object) return *error;
  FieldReader r(*object, context);
  AlgorithmPage page;
  page.model_total_count = r.integer("model_total_count");
  page.models = read_rows<AlgorithmInfo>(r, "models", "model_id", [&](const json::object& row) {
    FieldReader f(row, context);
    AlgorithmInfo algorithm;
    algorithm.model_id = f.integer("model_id");
    algorithm.model_name = f.text("model_name");
    algorithm.model_usage = f.integer("model_usage");
    algorithm.model_precision = f.text("model_precision");
    algorithm.model_size = f.text("model_size");
    algorithm.model_train_dataset = f.text("model_train_dataset");
    algorithm.model_dataset_format = f.text("model_dataset_format");
    algorithm.model_description_url = f.text("model_description_url");
    const json::value* parameter = f.find("parameter");
    algorithm.parameter = parameter ? (parameter->is_string() ? std::string(parameter->get_string())
                                                              : json::serialize(*parameter))
                                    : std::string{};
    algorithm.create_time = f.integer("create_time");
    algorithm.engine_id = f.integer("engine_id");
    algorithm.engine_name = f.text("engine_name");
    algorithm.engine_version = f.text("engine_version");
    algorithm.raw_json = json::serialize(row);
    return algorithm;
  });
  if (!r.ok()) return r.error();
  return page;
}

}  // namespace modelarts::detail
