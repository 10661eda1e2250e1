// SPDX-License-Identifier: Apache-2.0
#include <modelarts/training_job_config.hpp>

#include <modelarts/estimator.hpp>

#include "codecs/decode.hpp"
#include "resources/listing.hpp"
#include "resources/request.hpp"
#include "resources/validate.hpp"

namespace modelarts {
using namespace detail;

TrainingJobConfig::TrainingJobConfig(Session session, std::string config_name)
    : session_(std::move(session)), config_name_(std::move(config_name)) {}

TrainingJobConfig::TrainingJobConfig(Session session, ConfigInfo info)
    : session_(std::move(session)), config_name_(info.config_name), info_(std::move(info)) {}

const ConfigInfo& TrainingJobConfig::info() const {
  if (!info_) throw_invalid_argument("TrainingJobConfig " + config_name_ + " was built from a name: call get_job_configs_info()");
  return *info_;
}

ConfigInfo TrainingJobConfig::get_job_configs_info() const {
  require_id("config_name", config_name_);
  return call_and_decode(session_, v1_call(session_, "GET", {"training-job-configs", config_name_}),
                         decode_config_info);
}

void TrainingJobConfig::update_job_configs(const Estimator& estimator, const Inputs& inputs,
                                           const std::string& config_desc) const {
  estimator.update_job_configs(config_name_, inputs, config_desc);
}

void TrainingJobConfig::delete_job_configs() const {
  require_id("config_name", config_name_);
  std::move(delete_with_retry_rule(session_, v1_call(session_, "DELETE", {"training-job-configs", config_name_})))
      .value_or_throw();
}

Pager<TrainingJobConfig> TrainingJobConfig::list(const Session& session, const ListOptions& options) {
  check_list_options(options, kConfigList);
  auto fetch = [session, options](std::int64_t page) {
    ConfigList list =
        list_page(session, kConfigList, options, static_cast<int>(page), decode_config_list);
    return page_of<TrainingJobConfig>(session, std::move(list));
  };
  return Pager<TrainingJobConfig>(fetch, options.page());
}

}  // namespace modelarts
