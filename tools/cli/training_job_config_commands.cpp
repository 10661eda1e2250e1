// SPDX-License-Identifier: Apache-2.0
// `modelarts training-job-config ...`: training parameter presets, keyed by name (Python create_job_configs,
// get_job_configs_list, get_job_configs_info, update_job_configs, delete_job_configs).
#include <ostream>

#include <modelarts/estimator.hpp>
#include <modelarts/training_job_config.hpp>

#include "estimator_flags.hpp"
#include "formatting.hpp"
#include "groups.hpp"
#include "json_output.hpp"
#include "list_flags.hpp"
#include "list_output.hpp"
#include "options.hpp"
#include "table.hpp"
#include "training_views.hpp"

namespace modelarts::cli {

namespace {

Fields config_fields(const ConfigInfo& info) {
  Fields fields{
      {"config_name", info.config_name},
      {"config_desc", info.config_desc},
      {"create_time", format_time_ms(info.create_time)},
  };
  for (auto& field : training_config_fields(info)) fields.push_back(std::move(field));
  return fields;
}

Table configs_table() { return Table({"NAME", "DESCRIPTION", "ENGINE", "CREATED"}); }

void add_config_row(Table& table, const ConfigInfo& config) {
  table.add_row({config.config_name, config.config_desc, engine_text(config), format_time_ms(config.create_time)});
}

int list_configs(Invocation& invocation) {
  const ListOptions options = list_options_from(invocation);
  const Paging paging = paging_from(invocation);
  Table table = configs_table();
  if (paging.all)
    return print_all_pages(invocation, paging, table, TrainingJobConfig::list(invocation.session(), options), add_config_row);
  const ConfigList page = Estimator::get_job_configs_list(invocation.session(), options);
  return print_one_page(invocation, paging, table, page.items, page.total_count, "configs", add_config_row);
}

int create_config(Invocation& invocation) {
  const Estimator estimator(invocation.session(), estimator_options_from(invocation));
  const TrainingJobConfig config = estimator.create_job_configs(inputs_from(invocation), invocation.arg(0),
                                                                invocation.get_or<std::string>("description", ""));
  if (invocation.json())
    print_json(invocation, success_document({{"config_name", config.config_name()}}));
  else
    invocation.out() << "Created training job config " << config.config_name() << ".\n";
  return 0;
}

int get_config(Invocation& invocation) {
  const ConfigInfo info = TrainingJobConfig(invocation.session(), invocation.arg(0)).get_job_configs_info();
  if (invocation.json())
    print_json_text(invocation, info.raw_json);
  else
    print_fields(invocation.out(), config_fields(info));
  return 0;
}

int update_config(Invocation& invocation) {
  // PUT replaces the whole config: read it, change only what the flags give, write it back.
  const TrainingJobConfig config(invocation.session(), invocation.arg(0));
  const ConfigInfo current = config.get_job_configs_info();
  const Estimator estimator(invocation.session(), estimator_options_from(invocation, estimator_options_of(current)));
  config.update_job_configs(estimator, inputs_from(invocation, inputs_of(current)),
                            invocation.get_or<std::string>("description", current.config_desc));
  if (invocation.json())
    print_json(invocation, success_document({{"config_name", invocation.arg(0)}}));
  else
    invocation.out() << "Updated training job config " << invocation.arg(0) << ".\n";
  return 0;
}

int delete_config(Invocation& invocation) {
  TrainingJobConfig(invocation.session(), invocation.arg(0)).delete_job_configs();
  if (invocation.json())
    print_json(invocation, success_document({{"config_name", invocation.arg(0)}}));
  else
    invocation.out() << "Deleted training job config " << invocation.arg(0) << ".\n";
  return 0;
}

void add_config_flags(CLI::App& app) {
  add_estimator_flags(app);
  add_input_flags(app);
  text(app, "description", "TEXT", "config description");
}

Group training_job_config_group() {
  Group group{"training-job-config", "Training job configs (parameter presets): create, list, get, update, delete", {}, false};
  group.verbs.push_back({"list", "List configs (Python get_job_configs_list)", {},
                         [](CLI::App& o) { add_list_flags(o, false); }, list_configs, {}});
  group.verbs.push_back({"create", "Create a config (Python create_job_configs); NAME is generated when omitted", {"[NAME]"},
                         add_config_flags, create_config, {}});
  group.verbs.push_back({"get", "Show a config (Python get_job_configs_info)", {"NAME"}, {}, get_config, {}});
  group.verbs.push_back({"update", "Change a config's settings: only those given (Python update_job_configs)", {"NAME"}, add_config_flags,
                         update_config, {}});
  group.verbs.push_back({"delete", "Delete a config (Python delete_job_configs)", {"NAME"}, {}, delete_config, {}});
  return group;
}

const GroupRegistration registered{30, training_job_config_group};

}  // namespace

}  // namespace modelarts::cli
