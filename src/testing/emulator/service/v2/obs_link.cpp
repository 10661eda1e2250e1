// SPDX-License-Identifier: Apache-2.0
#include "obs_link.hpp"

#include "testing/emulator/service/reply.hpp"

namespace modelarts::testing::detail::service::v2 {

std::optional<ObsLocation> split_obs_path(const std::string& path) {
  std::string rest;
  if (path.rfind("obs://", 0) == 0) rest = path.substr(6);
  else if (path.rfind("/", 0) == 0) rest = path.substr(1);
  else return std::nullopt;
  const std::size_t slash = rest.find('/');
  ObsLocation location{rest.substr(0, slash), slash == std::string::npos ? std::string() : rest.substr(slash + 1)};
  if (location.bucket.empty()) return std::nullopt;
  return location;
}

std::optional<Failure> check_code_on_obs(const RequestContext& ctx, const boost::json::object& algorithm) {
  if (ctx.config.obs == nullptr) return std::nullopt;
  const ObjectStorage& obs = *ctx.config.obs;
  const auto text = [&](const char* name) {
    const boost::json::value* value = algorithm.if_contains(name);
    return value != nullptr && value->is_string() ? std::string(value->as_string()) : std::string();
  };
  const std::optional<ObsLocation> code = split_obs_path(text("code_dir"));
  if (!code || !obs.bucket_exists(code->bucket)) return std::nullopt;
  std::string prefix = code->key;
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  if (!obs.prefix_exists(code->bucket, prefix)) {
    return Failure{"ModelArts.2757", "Code directory error: " + printable(text("code_dir")) + " does not exist in OBS."};
  }
  const std::optional<ObsLocation> boot = split_obs_path(text("boot_file"));
  if (!boot || boot->bucket != code->bucket || !obs.object_exists(boot->bucket, boot->key)) {
    return Failure{"ModelArts.2758", "Boot file error: " + printable(text("boot_file")) + " does not exist in OBS."};
  }
  return std::nullopt;
}

std::optional<ObsLocation> exported_log(const RequestContext& ctx, const boost::json::object& spec,
                                        const std::string& job_id, const std::string& task) {
  if (ctx.config.obs == nullptr) return std::nullopt;
  const boost::json::value* log = spec.if_contains("log_export_path");
  const boost::json::value* url = log != nullptr && log->is_object() ? log->as_object().if_contains("obs_url") : nullptr;
  if (url == nullptr || !url->is_string()) return std::nullopt;
  std::optional<ObsLocation> location = split_obs_path(std::string(url->as_string()));
  if (!location || !ctx.config.obs->bucket_exists(location->bucket)) return std::nullopt;
  if (!location->key.empty() && location->key.back() != '/') location->key += '/';
  location->key += "modelarts-job-" + job_id + "-" + task + ".log";
  return location;
}

}  // namespace modelarts::testing::detail::service::v2
