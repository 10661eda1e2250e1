// SPDX-License-Identifier: Apache-2.0
#include "resources/validate.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>

#include "detail/result.hpp"

namespace modelarts::detail {

void throw_invalid_argument(const std::string& message) {
  ErrorInfo info;
  info.category = ErrorCategory::invalid_argument;
  info.message = message;
  throw_error(info);
}

void require_id(const char* what, const std::string& value) {
  if (value.empty()) throw_invalid_argument(std::string(what) + " is empty");
}

void check_name(const char* what, const std::string& name, std::size_t max_length) {
  bool valid = !name.empty() && name.size() <= max_length;
  for (char c : name) {
    bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    valid = valid && allowed;
  }
  if (!valid) {
    throw_invalid_argument(std::string(what) + " must be 1 to " + std::to_string(max_length) +
                           " characters of A-Z a-z 0-9 _ -");
  }
}

void check_max_length(const char* what, const std::string& value, std::size_t max_length) {
  if (value.size() > max_length) {
    throw_invalid_argument(std::string(what) + " is longer than " + std::to_string(max_length) + " characters");
  }
}

void check_inputs(const Inputs& inputs) {
  switch (inputs.kind()) {
    case Inputs::Kind::none:
      throw_invalid_argument("inputs: give exactly one of Inputs::obs, Inputs::dataset or Inputs::data_sources");
    case Inputs::Kind::obs:
      if (inputs.data_url().empty()) throw_invalid_argument("inputs: the OBS data path is empty");
      return;
    case Inputs::Kind::dataset:
      if (inputs.dataset_id().empty() || inputs.dataset_version_id().empty()) {
        throw_invalid_argument("inputs: dataset_id and dataset_version_id are both required");
      }
      return;
    case Inputs::Kind::data_sources:
      if (inputs.sources().empty()) throw_invalid_argument("inputs: data_sources is empty");
      return;
  }
}

std::string generate_name(const Session& session, const std::string& prefix, std::size_t max_length) {
  std::shared_ptr<Clock> clock = session.options().clock() ? session.options().clock() : system_clock();
  std::time_t now = std::chrono::system_clock::to_time_t(clock->now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char stamp[32];
  std::snprintf(stamp, sizeof stamp, "%04d%02d%02d-%02d%02d%02d", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                utc.tm_hour, utc.tm_min, utc.tm_sec);
  thread_local std::mt19937 random{std::random_device{}()};
  char suffix[8];
  std::snprintf(suffix, sizeof suffix, "%04x", static_cast<unsigned>(random() & 0xffffu));
  std::string name = prefix + stamp + '-' + suffix;
  // Short limits (visualization names: 20) keep the prefix and the random tail, dropping the date.
  if (name.size() > max_length) name = prefix + std::string(stamp).substr(9) + '-' + suffix;
  if (name.size() > max_length) name = name.substr(name.size() - max_length);
  return name;
}

}  // namespace modelarts::detail
