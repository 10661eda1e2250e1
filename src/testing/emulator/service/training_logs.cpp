// SPDX-License-Identifier: Apache-2.0
#include "training_logs.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "catalog.hpp"
#include "query_reader.hpp"
#include "time_format.hpp"
#include "training_jobs.hpp"
#include "training_versions.hpp"

namespace modelarts::testing::detail::service {

namespace {
constexpr std::int64_t kStepEveryMs = 2'000;  // job time between two training-step lines

struct LogLine {
  std::int64_t id;  ///< the AOM line number: version creation ms x 10^6 + position
  std::string text;
};

std::vector<LogLine> log_lines(const RequestContext& ctx, const TrainingJob& job, const TrainingVersion& version,
                               std::int64_t worker) {
  const StatusView view = ctx.version_status(version);
  const TrainingConfig& config = version.config;
  const ResourceSpec* spec = find_spec(config.spec_id);
  const AiEngine* engine = find_engine(effective_engine_id(config));
  const double scale = ctx.config.time_scale;
  std::vector<std::pair<std::int64_t, std::string>> texts;  // (job-time offset, text)
  texts.emplace_back(0, "job " + job.job_name + " " + version.version_name + " submitted");
  if (view.status != status::kInit) {
    texts.emplace_back(job_time::kWaitingAt, "waiting for resources: " + std::to_string(config.worker_server_num) +
                                                 " x " + (spec ? spec->spec_code : std::string("unknown")));
  }
  if (view.start_time != 0) {
    texts.emplace_back(job_time::kRunningAt,
                       "starting " +
                           (engine ? engine->engine_name + " " + engine->engine_version : std::string("custom image")) +
                           (config.boot_file_url.empty() ? "" : ": " + config.boot_file_url));
    const std::int64_t steps = view.duration / kStepEveryMs;
    for (std::int64_t step = 1; step <= steps; ++step) {
      const double loss = 2.0 / static_cast<double>(step + 1) + static_cast<double>(version.version_id % 7) / 100.0;
      char buffer[96];
      std::snprintf(buffer, sizeof buffer, "step %lld/%lld: loss=%.4f", static_cast<long long>(step),
                    static_cast<long long>(job_time::kTrainingRun / kStepEveryMs), loss);
      texts.emplace_back(job_time::kRunningAt + step * kStepEveryMs, buffer);
    }
  }
  const std::int64_t end = job_time::kRunningAt + view.duration;
  if (view.status == status::kCompleted) texts.emplace_back(end, "training completed, output in " + config.train_url);
  if (view.status == status::kFailed) texts.emplace_back(end, "training failed: emulator_outcome=fail");
  if (view.status == status::kKilling || view.status == status::kKilled)
    texts.emplace_back(end, "training stopped by user");

  std::vector<LogLine> lines;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const std::int64_t wall = wall_after(version.create_ms, texts[i].first, scale);
    lines.push_back({version.create_ms * 1'000'000 + static_cast<std::int64_t>(i) + 1,
                     "[" + datetime_text(wall) + "] [worker-" + std::to_string(worker) + "] INFO " + texts[i].second});
  }
  return lines;
}

std::string log_file_name(const TrainingJob& job, std::int64_t worker) {
  return job.job_name + "." + std::to_string(worker);
}

struct LogTarget {
  TrainingJob* job = nullptr;
  TrainingVersion* version = nullptr;
  std::int64_t worker = 0;
  std::optional<Failure> failure;
};

LogTarget locate(RequestContext& ctx, const std::string& job_id, const std::string& version_id, bool need_file) {
  LogTarget out;
  LocatedVersion found = locate_version(ctx, job_id, version_id);
  out.job = found.job;
  out.version = found.version;
  out.failure = found.failure;
  if (out.failure || !need_file) return out;
  QueryReader query(ctx.request.query);
  auto file = query.get("log_file");
  if (!file || file->empty()) {
    out.failure = invalid_argument("Missing required parameter: log_file");
    return out;
  }
  for (std::int64_t w = 0; w < out.version->config.worker_server_num; ++w) {
    if (*file == log_file_name(*out.job, w)) {
      out.worker = w;
      return out;
    }
  }
  out.failure = not_found("Log file " + printable(*file) + " does not exist");
  return out;
}
}  // namespace

ServiceResponse training_log_file_names(RequestContext& ctx, const std::string& job_id, const std::string& version_id) {
  LogTarget target = locate(ctx, job_id, version_id, false);
  if (target.failure) return error_reply(*target.failure);
  json::array files;
  for (std::int64_t w = 0; w < target.version->config.worker_server_num; ++w)
    files.push_back(json::string(log_file_name(*target.job, w)));
  return v1_success({{"log_file_list", std::move(files)}});
}

ServiceResponse training_aom_log(RequestContext& ctx, const std::string& job_id, const std::string& version_id) {
  LogTarget target = locate(ctx, job_id, version_id, true);
  if (target.failure) return error_reply(*target.failure);
  QueryReader query(ctx.request.query);
  const std::string base_text = query.get("base_line").value_or("");
  const auto count = query.integer("lines", 50, 0, 500);
  const auto order = query.choice("order", "desc", {"desc", "asc"});
  if (!query.ok()) return error_reply(query.failure());
  std::optional<std::int64_t> base_line;
  if (!base_text.empty()) {
    base_line = parse_id(base_text);
    if (!base_line) return error_reply(invalid_argument("Invalid parameter: base_line must be a line number"));
  }
  const std::vector<LogLine> lines = log_lines(ctx, *target.job, *target.version, target.worker);
  // desc reads downward (lines after base_line), asc upward (lines before it); no base_line: the newest.
  std::size_t begin = 0;
  std::size_t end = lines.size();
  const auto n = static_cast<std::size_t>(count);
  if (!base_line) {
    begin = lines.size() > n ? lines.size() - n : 0;
  } else if (order == "desc") {
    while (begin < lines.size() && lines[begin].id <= *base_line) ++begin;
    end = std::min(lines.size(), begin + n);
  } else {
    end = 0;
    while (end < lines.size() && lines[end].id < *base_line) ++end;
    begin = end > n ? end - n : 0;
  }
  std::string content;
  for (std::size_t i = begin; i < end; ++i) content += (i == begin ? "" : "\n") + lines[i].text;
  const std::string empty_mark = base_line ? std::to_string(*base_line) : "";
  return v1_success({{"content", content},
                     {"lines", static_cast<std::int64_t>(end - begin)},
                     {"start_line", begin < end ? std::to_string(lines[begin].id) : empty_mark},
                     {"end_line", begin < end ? std::to_string(lines[end - 1].id) : empty_mark}});
}

ServiceResponse training_legacy_log(RequestContext& ctx, const std::string& job_id, const std::string& version_id) {
  LogTarget target = locate(ctx, job_id, version_id, true);
  if (target.failure) return legacy_log_error(*target.failure);
  QueryReader query(ctx.request.query);
  const auto start_byte = query.integer("start_byte", 0, -1, 9'000'000'000'000'000'000);
  const auto offset = query.integer("offset", 2048, -2048, 2048);
  if (!query.ok()) return legacy_log_error(query.failure());
  std::string text;
  for (const auto& line : log_lines(ctx, *target.job, *target.version, target.worker)) text += line.text + "\n";
  const auto size = static_cast<std::int64_t>(text.size());
  std::int64_t from = 0;
  std::int64_t to = 0;
  if (start_byte == -1) {  // the newest |offset| bytes
    to = size;
    from = std::max<std::int64_t>(0, size - (offset < 0 ? -offset : offset));
  } else if (offset >= 0) {
    from = std::min(start_byte, size);
    to = std::min(size, from + offset);
  } else {
    to = std::min(start_byte, size);
    from = std::max<std::int64_t>(0, to + offset);
  }
  return v1_success({{"log", text.substr(static_cast<std::size_t>(from), static_cast<std::size_t>(to - from))},
                     {"log_byte_count", to - from},
                     {"end_byte", to}});
}

}  // namespace modelarts::testing::detail::service
