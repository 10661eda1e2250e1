// SPDX-License-Identifier: Apache-2.0
#include "training_version_ops.hpp"

#include <chrono>
#include <ostream>
#include <thread>

#include <modelarts/status.hpp>

#include "formatting.hpp"
#include "json_output.hpp"
#include "options.hpp"
#include "progress_line.hpp"
#include "terminal_text.hpp"
#include "training_views.hpp"
#include "usage_error.hpp"

namespace modelarts::cli {

namespace {

/// Version IDs are decimal numbers kept as text: compare by length, then digits.
bool newer_than(const std::string& a, const std::string& b) {
  return a.size() != b.size() ? a.size() > b.size() : a > b;
}

std::string progress_text(const JobInfo& info, std::chrono::steady_clock::duration waited) {
  const auto waited_ms = std::chrono::duration_cast<std::chrono::milliseconds>(waited).count();
  std::string text = "job " + info.job_id + " version " + info.version_id + ": " + format_status(info.status);
  if (info.duration > 0) text += ", running " + format_duration_ms(info.duration);
  text += ", waited " + (waited_ms >= 1000 ? format_duration_ms(waited_ms) : std::to_string(waited_ms) + "ms");
  return text;
}

/// Log text is untrusted: cleaned, keeping its line breaks and tabs (layout, not terminal control).
void print_log_text(Invocation& invocation, const std::string& content) {
  invocation.out() << terminal_safe(content, {true, true});
  if (!content.empty() && content.back() != '\n') invocation.out() << '\n';
  invocation.out().flush();
}

template <class Log>  // JobLog (by lines) or JobLogRange (by bytes)
int print_log(Invocation& invocation, const Log& log) {
  if (invocation.json()) {
    print_json_text(invocation, log.raw_json);
    return 0;
  }
  print_log_text(invocation, log.content);
  return 0;
}

/// --follow: the newest lines, then whatever comes after the last line read, until the version has ended and
/// a read brings nothing new. -o json prints one log object per read (JSON lines).
int follow_log(Invocation& invocation, const TrainingJob& version, const std::string& file) {
  const auto interval = seconds_flag(invocation, "interval", 2.0);
  LogQuery query;
  query.lines(invocation.get_or<int>("lines", 50));
  bool ended = false;
  for (;;) {
    const JobLog log = version.get_job_log(file, query);
    if (log.lines > 0 || query.base_line().empty()) {
      if (invocation.json()) print_log(invocation, log);
      else if (!log.content.empty()) print_log_text(invocation, log.content);
    }
    if (!log.end_line.empty()) query.base_line(log.end_line);
    query.order("desc").lines(500);
    if (log.lines > 0) continue;  // more may be waiting: read on at once
    if (ended) return 0;
    // Ended: one more read, since the last lines may have been written between the read above and this look.
    if (is_terminal_status(version.get_job_info().status)) {
      ended = true;
      continue;
    }
    std::this_thread::sleep_for(interval);
  }
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

std::chrono::milliseconds seconds_flag(const Invocation& invocation, const std::string& name, double fallback) {
  const double seconds = invocation.get_or<double>(name, fallback);
  if (!(seconds >= 0) || seconds > 1e9) throw UsageError("--" + name + " must be a number of seconds >= 0");
  return std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000.0));
}

void add_wait_flags(CLI::App& app) {
  number(app, "timeout", "SECONDS", "give up (exit 5) after this long (default 24 h)");
  number(app, "interval", "SECONDS", "first pause between polls (default 5)");
  number(app, "max-interval", "SECONDS", "longest pause between polls (default 60)");
}

void add_log_flags(CLI::App& app) {
  text(app, "file", "NAME", "log file (default: the first of 'log-files')");
  integer(app, "lines", "N", "lines to read, 0..500 (default 50)");
  text(app, "base-line", "MARK", "read from this position (a start/end line of an earlier read)");
  text(app, "order", "asc|desc", "desc reads downward from --base-line, asc upward");
  integer(app, "start-byte", "N",
          "Python get_job_log(start_byte=): 0 the start, -1 the newest bytes, else a byte position");
  integer(app, "offset", "N", "Python get_job_log(offset=): bytes to read, < 0 reads backward (-2048..2048)");
  flag(app, "follow", "print the newest lines, then new lines as they come, until the version ends");
  number(app, "interval", "SECONDS", "with --follow: pause between reads when nothing is new (default 2)");
}

int show_job_info(Invocation& invocation, const JobInfo& info) {
  if (invocation.json())
    print_json_text(invocation, info.raw_json);
  else
    print_fields(invocation.out(), job_info_fields(info));
  return 0;
}

int show_version(Invocation& invocation, const TrainingJob& version) {
  return show_job_info(invocation, version.get_job_info());
}

int wait_for_version(Invocation& invocation, const TrainingJob& version) {
  ProgressLine progress(invocation.err(), is_terminal(2));
  const auto started = std::chrono::steady_clock::now();
  WaitOptions options;
  options.timeout(seconds_flag(invocation, "timeout", 24 * 3600.0))
      .initial_interval(seconds_flag(invocation, "interval", 5.0))
      .max_interval(seconds_flag(invocation, "max-interval", 60.0))
      .on_progress([&](const JobInfo& info) { progress.show(progress_text(info, std::chrono::steady_clock::now() - started)); });
  const JobInfo final_info = version.wait(options);
  progress.finish();
  show_job_info(invocation, final_info);
  if (final_info.status != JobStatus::completed)
    throw CommandFailure("training job " + version.job_id() + " version " + version.version_id() + " ended " +
                             format_status(final_info.status),
                         ExitStatus::job_unsuccessful);
  return 0;
}

int show_log(Invocation& invocation, const TrainingJob& version) {
  std::string file = invocation.get_or<std::string>("file", "");
  if (file.empty()) {
    const auto files = version.get_job_log_file_list();
    if (files.empty()) throw CommandFailure("training job " + version.job_id() + " version " + version.version_id() + " has no log files yet");
    file = files.front();
  }
  if (invocation.flag("follow")) {
    if (invocation.has("base-line") || invocation.has("order") || invocation.has("start-byte") || invocation.has("offset"))
      throw UsageError("--follow reads from the newest lines on; it does not mix with --base-line, --order, --start-byte or --offset");
    return follow_log(invocation, version, file);
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
    boost::json::array items;
    for (const auto& file : files) items.emplace_back(boost::json::string(file));
    const auto total = static_cast<std::int64_t>(items.size());
    print_json(invocation, list_document(std::move(items), total));
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
    print_json(invocation, success_document({{"job_id", id_value(version.job_id())}, {"version_id", id_value(version.version_id())}}));
  else
    invocation.out() << "Stopping training job " << version.job_id() << " version " << version.version_id() << ".\n";
  return 0;
}

}  // namespace modelarts::cli
