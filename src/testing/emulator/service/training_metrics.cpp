// SPDX-License-Identifier: Apache-2.0
#include "training_metrics.hpp"

#include <cstdio>
#include <string>

namespace modelarts::testing::detail::service {

namespace {
/// A value in [low, high) derived from (seed, index): the same version always reports the same numbers.
double sample(std::int64_t seed, std::int64_t index, double low, double high) {
  std::uint64_t x = static_cast<std::uint64_t>(seed) * 0x9E3779B97F4A7C15ull + static_cast<std::uint64_t>(index);
  x ^= x >> 31;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 29;
  return low + (high - low) * static_cast<double>(x % 10000) / 10000.0;
}

std::string fixed2(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}
}  // namespace

json::object system_metric_list(std::int64_t version_id, std::int64_t running_ms) {
  const std::int64_t samples = running_ms / 10'000;
  const char* names[] = {"cpuUsage",     "memUsage",      "gpuUtil",       "gpuMemUsage",
                         "diskReadRate", "diskWriteRate", "recvBytesRate", "sendBytesRate"};
  json::object out;
  std::int64_t series = 0;
  for (const char* name : names) {
    json::array values;
    for (std::int64_t i = 0; i < samples; ++i)
      values.push_back(json::string(fixed2(sample(version_id * 16 + series, i, 5.0, 95.0))));
    out[name] = std::move(values);
    ++series;
  }
  out["interval"] = 10;
  return out;
}

json::object model_metric_list(std::int64_t version_id, bool completed) {
  json::object out;
  json::array metric;
  double total[3] = {0, 0, 0};
  if (completed) {
    const char* classes[] = {"cat", "dog"};
    for (std::int64_t id = 0; id < 2; ++id) {
      const double recall = sample(version_id, id * 3, 0.80, 0.99);
      const double precision = sample(version_id, id * 3 + 1, 0.80, 0.99);
      const double accuracy = sample(version_id, id * 3 + 2, 0.80, 0.99);
      total[0] += recall / 2;
      total[1] += precision / 2;
      total[2] += accuracy / 2;
      metric.push_back(json::object{
          {"metric_values", json::object{{"recall", recall}, {"precision", precision}, {"accuracy", accuracy}}},
          {"reserved_data", json::object{}},
          {"metric_meta", json::object{{"class_name", classes[id]}, {"class_id", id}}}});
    }
  }
  const double f1 = (total[0] + total[1]) > 0 ? 2 * total[0] * total[1] / (total[0] + total[1]) : 0.0;
  out["metric"] = std::move(metric);
  out["total_metric"] = json::object{
      {"total_metric_meta", json::object{}},
      {"total_reserved_data", json::object{}},
      {"total_metric_values",
       json::object{{"f1_score", f1}, {"recall", total[0]}, {"precision", total[1]}, {"accuracy", total[2]}}}};
  return out;
}

}  // namespace modelarts::testing::detail::service
