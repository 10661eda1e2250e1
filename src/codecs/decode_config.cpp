// SPDX-License-Identifier: Apache-2.0
#include <boost/json/serialize.hpp>

#include "codecs/decode.hpp"
#include "codecs/json_fields.hpp"
#include "codecs/reply_shapes.hpp"
#include "resources/request.hpp"

namespace modelarts::detail {
namespace json = boost::json;
namespace {

ConfigInfo read_config(const json::object& object, const std::string& context) {
  FieldReader f(object, context);
  ConfigInfo c;
  c.config_name = f.text("config_name");
  c.config_desc = f.text("config_desc");
  c.create_time = f.integer("create_time");
  read_training_config(f, c);
  c.raw_json = json::serialize(object);
  return c;
}

}  // namespace

void read_training_config(const FieldReader& f, TrainingConfigInfo& c) {
  c.worker_server_num = f.integer("worker_server_num");
  c.app_url = f.text("app_url");
  c.boot_file_url = f.text("boot_file_url");
  c.model_id = f.integer("model_id");
  c.parameter = f.parameters("parameter");
  c.spec_id = f.integer("spec_id");
  c.spec_code = f.text("spec_code");
  c.core = f.text("core");
  c.cpu = f.text("cpu");
  c.gpu_num = f.integer("gpu_num");
  c.gpu_type = f.text("gpu_type");
  c.data_url = f.text("data_url");
  c.dataset_id = f.text("dataset_id");
  c.dataset_version_id = f.text("dataset_version_id");
  c.dataset_name = f.text("dataset_name");
  c.dataset_version_name = f.text("dataset_version_name");
  c.data_source = f.data_sources("data_source");
  c.engine_type = f.integer("engine_type");
  c.engine_name = f.text("engine_name");
  c.engine_id = f.integer("engine_id");
  c.engine_version = f.text("engine_version");
  c.train_url = f.text("train_url");
  c.log_url = f.text("log_url");
  c.user_image_url = f.text("user_image_url");
  c.user_command = f.text("user_command");
  c.pool_id = f.text("pool_id");
  c.pool_name = f.text("pool_name");
}

Result<ConfigList> decode_config_list(const json::value& body, const std::string& context) {
  return decode_list_page<ConfigInfo>(body, context, kConfigPage, read_config);
}

Result<ConfigInfo> decode_config_info(const json::value& body, const std::string& context) {
  return decode_resource(body, context, {"config_name"}, read_config);
}

}  // namespace modelarts::detail
