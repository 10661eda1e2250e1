#include "training_version_ops.hpp"

#include <chrono>
#include <ostream>

#include <modelarts/status.hpp>

#include "formatting.hpp"
#include "json_output.hpp"
#include "progress_line.hpp"
#include "training_views.hpp"
#include "usage_error.hpp"

namespace modelarts::cli {

namespace {

/// Version IDs are decimal numbers kept as text: compare by length, then digits.
bool newer_than(const std::string& a, const std::string& b) {
  return a.size() != b.size() ? a.size() > b.size() : a > b;
}

std::chrono::milliseconds seconds_option(const Invocation& invocation, const std::string& name, double fallback) {
  const double seconds = invocation.get_or<double>(name, fallback);
  if (!(seconds >= 0) || seconds > 1e9) throw UsageError("--" + name + " must be a number of seconds >= 0");
  return std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000.0));
}

std::string progress_text(const JobInfo& info, std::chrono::steady_clock::duration waited) {
  const auto waited_ms = std::chrono::duration_cast<std::chrono::milliseconds>(waited).count();
  std::string text = "job " + info.job_id + " version " + info.version_id + ": " + format_status(info.status);
  if (info.duration > 0) text += ", running " + format_duration_ms(info.duration);
  text += ", waited " + (waited_ms >= 1000 ? format_duration_ms(waited_ms) : std::to_string(waited_ms) + "ms");
  return text;
}

template <class Log>  // JobLog (by lines) or JobLogRange (by bytes)
int print_log(Invocation& invocation, const Log& log) {
  if (invocation.json()) {
    print_json(invocation.out(), log.raw_json);
    return 0;
  }
  invocation.out() << log.content;
  if (!log.content.empty() && log.content.back() != '\n') invocation.out() << '\n';
  return 0;
}

}  // namespace

std::string latest_version_id(const Session& session, const std::string& job_id) {
  const JobVersionList versions = TrainingJob(session, job_id).get_job_version_info();
  std::string latest;
  for (const auto& version : versions.versions)
    if (latest.empty() || newer_than(version.version_id, latest)) latest = version.version_id;
  if (latest.empty()) throw CommandFailure("training job " + job_id + " has no versions");
  return latest;
}

TrainingJob version_handle(Invocation& invocation, const std::string& job_id, const std::string& version_id) {
  const Session& session = invocation.session();
  return TrainingJob(session, job_id, version_id.empty() ? latest_version_id(session, job_id) : version_id);
}

void add_wait_flags(po::options_description& options) {
  options.add_options()
      ("timeout", po::value<double>()->value_name("SECONDS"), "give up (exit 1) after this long (default 24 h)")
      ("interval", po::value<double>()->value_name("SECONDS"), "first pause between polls (default 5)")
      ("max-interval", po::value<double>()->value_name("SECONDS"), "longest pause between polls (default 60)");
}

void add_log_flags(po::options_description& options) {
  options.add_options()
      ("file", po::value<std::string>()->value_name("NAME"), "log file (default: the first of 'log-files')")
      ("lines", po::value<int>()->value_name("N"), "lines to read, 0..500 (default 50)")
      ("base-line", po::value<std::string>()->value_name("MARK"), "read from this position (a start/end line of an earlier read)")
      ("order", po::value<std::string>()->value_name("asc|desc"), "desc reads downward from --base-line, asc upward")
      ("start-byte", po::value<std::int64_t>()->value_name("N"), "Python get_job_log(start_byte=): 0 the start, -1 the newest bytes, else a byte position")
      ("offset", po::value<std::int64_t>()->value_name("N"), "Python get_job_log(offset=): bytes to read, < 0 reads backward (-2048..2048)");
}

int show_version(Invocation& invocation, const TrainingJob& version) {
  const JobInfo info = version.get_job_info();
  if (invocation.json())
    print_json(invocation.out(), info.raw_json);
  else
    print_fields(invocation.out(), job_info_fields(info));
  return 0;
}

int wait_for_version(Invocation& invocation, const TrainingJob& version) {
  ProgressLine progress(invocation.err(), is_terminal(2));
  const auto started = std::chrono::steady_clock::now();
  WaitOptions options;
  options.timeout(seconds_option(invocation, "timeout", 24 * 3600.0))
      .initial_interval(seconds_option(invocation, "interval", 5.0))
      .max_interval(seconds_option(invocation, "max-interval", 60.0))
      .on_progress([&](const JobInfo& info) { progress.show(progress_text(info, std::chrono::steady_clock::now() - started)); });
  const JobInfo final_info = version.wait(options);
  progress.finish();
  if (invocation.json())
    print_json(invocation.out(), final_info.raw_json);
  else
    print_fields(invocation.out(), job_info_fields(final_info));
  if (final_info.status != static_cast<int>(JobStatus::completed))
    throw CommandFailure("training job " + version.job_id() + " version " + version.version_id() + " ended " +
                         format_status(final_info.status));
  return 0;
}

int show_log(Invocation& invocation, const TrainingJob& version) {
  std::string file = invocation.get_or<std::string>("file", "");
  if (file.empty()) {
    const auto files = version.get_job_log_file_list();
    if (files.empty()) throw CommandFailure("training job " + version.job_id() + " version " + version.version_id() + " has no log files yet");
    file = files.front();
  }
  const auto start_byte = invocation.get<std::int64_t>("start-byte");
  const auto offset = invocation.get<std::int64_t>("offset");
  if (start_byte || offset) {
    if (invocation.has("lines") || invocation.has("base-line") || invocation.has("order"))
      throw UsageError("--start-byte/--offset (the Python SDK's form) do not mix with --lines/--base-line/--order");
    return print_log(invocation, version.get_job_log(file, start_byte.value_or(0), offset.value_or(2048)));
  }
  LogQuery query;
  if (auto lines = invocation.get<int>("lines")) query.lines(*lines);
  if (auto base_line = invocation.get<std::string>("base-line")) query.base_line(*base_line);
  if (auto order = invocation.get<std::string>("order")) {
    if (*order != "asc" && *order != "desc") throw UsageError("--order must be asc or desc, not '" + *order + "'");
    query.order(*order);
  }
  return print_log(invocation, version.get_job_log(file, query));
}

int show_log_files(Invocation& invocation, const TrainingJob& version) {
  const auto files = version.get_job_log_file_list();
  if (invocation.json()) {
    std::vector<std::string> quoted;
    for (const auto& file : files) quoted.push_back(json_quote(file));
    print_json(invocation.out(), "{\"is_success\":true,\"log_file_list\":" + json_array(quoted) + "}");
    return 0;
  }
  Table table({"LOG_FILE"});
  for (const auto& file : files) table.add_row({file});
  table.print(invocation.out());
  return 0;
}

int stop_version(Invocation& invocation, const TrainingJob& version) {
  version.stop_job_version();
  if (invocation.json())
    print_json(invocation.out(), json_success({{"job_id", version.job_id()}, {"version_id", version.version_id()}}));
  else
    invocation.out() << "Stopping training job " << version.job_id() << " version " << version.version_id() << ".\n";
  return 0;
}

}  // namespace modelarts::cli
