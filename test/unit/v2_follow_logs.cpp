// SPDX-License-Identifier: Apache-2.0
// The log window arithmetic (LogTail, LineBuffer) and follow_logs against a fake transport: every byte once,
// in order, while the 5 MiB window moves; gaps go to the back-fill seam; 204 means "not yet".
#include <boost/test/unit_test.hpp>

#include <modelarts/modelarts.hpp>

#include "support/v2_replies.hpp"
#include "v2/log_tail.hpp"

using namespace modelarts;
using namespace modelarts::test;
namespace v2 = modelarts::v2;
using v2::detail::LineBuffer;
using v2::detail::LogTail;
using std::chrono::seconds;

namespace {

/// The window a service with `window` bytes shows of `log`.
v2::LogPreview window_of(const std::string& log, std::size_t window) {
  v2::LogPreview p;
  p.ready = true;
  p.content = log.size() > window ? log.substr(log.size() - window) : log;
  p.current_size = static_cast<std::int64_t>(p.content.size());
  p.full_size = static_cast<std::int64_t>(log.size());
  return p;
}

std::string numbered_lines(int from, int to) {
  std::string text;
  for (int i = from; i < to; ++i) text += "line " + std::to_string(i) + "\n";
  return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(v2_follow_logs)

BOOST_AUTO_TEST_CASE(tail_delivers_each_byte_once_while_the_window_moves) {
  const std::size_t window = 64;
  std::string log;
  std::string delivered;
  LogTail tail;
  for (int step = 0; step < 40; ++step) {
    log += numbered_lines(step * 3, step * 3 + 3);  // about 21 bytes a step: the window moves every few steps
    LogTail::Delta d = tail.next(window_of(log, window));
    BOOST_TEST(d.gap_to == d.gap_from);
    delivered += d.text;
  }
  BOOST_TEST(delivered == log);
  BOOST_TEST(tail.position() == static_cast<std::int64_t>(log.size()));
}

BOOST_AUTO_TEST_CASE(tail_reports_bytes_that_left_the_window_between_polls) {
  LogTail tail;
  std::string log = numbered_lines(0, 3);
  BOOST_TEST(tail.next(window_of(log, 16)).gap_from == 0);  // the start was already out of the window
  const std::int64_t seen = tail.position();
  log += numbered_lines(3, 50);  // far more than the window between two polls
  LogTail::Delta d = tail.next(window_of(log, 16));
  BOOST_TEST(d.gap_from == seen);
  BOOST_TEST(d.gap_to == static_cast<std::int64_t>(log.size()) - 16);
  BOOST_TEST(d.text == log.substr(log.size() - 16));
}

BOOST_AUTO_TEST_CASE(tail_resyncs_when_the_log_shrinks_and_ignores_not_ready) {
  LogTail tail;
  tail.next(window_of("first run\n", 100));
  BOOST_TEST(tail.next(v2::LogPreview{}).text.empty());
  LogTail::Delta d = tail.next(window_of("again\n", 100));
  BOOST_TEST(d.restarted);
  BOOST_TEST(d.text == "again\n");
}

BOOST_AUTO_TEST_CASE(line_buffer_never_cuts_a_line) {
  LineBuffer lines;
  BOOST_TEST(lines.push("ab").empty());
  BOOST_TEST(lines.push("c\nde") == "abc\n");
  BOOST_TEST(lines.push("\xC3") .empty());  // half of a UTF-8 sequence waits for the rest
  BOOST_TEST(lines.push("\xA9\n") == "de\xC3\xA9\n");
  BOOST_TEST(lines.push("tail") .empty());
  BOOST_TEST(lines.finish() == "tail");
}

BOOST_AUTO_TEST_CASE(follow_logs_waits_through_204_and_writes_every_line_once) {
  ApiTestSession t(RetryOptions{}.max_attempts(1));
  const std::size_t window = 40;
  std::string log;
  int polls = 0;
  t.transport->set_fallback([&](const HttpRequest& r) -> TransportResult {
    const bool preview = r.target.find("/logs/preview") != std::string::npos;
    if (preview) {
      ++polls;
      if (polls <= 2) return HttpResponse{204, {}, ""};  // ModelArts.2776: not yet
      // Two lines a poll, the second cut in half across polls (odd polls end mid-line).
      if (polls <= 12) log += numbered_lines(polls * 2, polls * 2 + 1) + (polls % 2 ? "half a line, " : "rest\n");
      auto p = window_of(log, window);
      return HttpResponse{200, {}, v2_preview(p.content, p.full_size)};
    }
    return HttpResponse{200, {}, v2_job(polls > 12 ? "Completed" : "Running")};
  });
  std::string written;
  v2::TrainingJobInfo done = v2::TrainingJob(t.session, kJobId)
                                 .follow_logs("worker-0", [&](std::string_view text) { written += text; },
                                              v2::FollowOptions{}.poll_interval(seconds(1)));
  BOOST_TEST(v2::succeeded(done));
  BOOST_TEST(written == log);
  BOOST_TEST(written.find("modelarts:") == std::string::npos);  // nothing was lost
}

BOOST_AUTO_TEST_CASE(follow_logs_sends_a_gap_to_the_backfill_seam) {
  ApiTestSession t(RetryOptions{}.max_attempts(1));
  const std::string full = numbered_lines(0, 30);
  int polls = 0;
  t.transport->set_fallback([&](const HttpRequest& r) -> TransportResult {
    if (r.target.find("/logs/preview") != std::string::npos) {
      ++polls;
      const std::string log = polls == 1 ? full.substr(0, 16) : full;  // then a jump far past the window
      auto p = window_of(log, 32);
      return HttpResponse{200, {}, v2_preview(p.content, p.full_size)};
    }
    return HttpResponse{200, {}, v2_job(polls >= 2 ? "Completed" : "Running")};
  });
  std::string written;
  std::vector<std::pair<std::int64_t, std::int64_t>> asked;
  v2::TrainingJob(t.session, kJobId)
      .follow_logs("worker-0", [&](std::string_view text) { written += text; },
                   v2::FollowOptions{}.poll_interval(seconds(1)).backfill(
                       [&](const std::string& task, std::int64_t from, std::int64_t to) -> std::optional<std::string> {
                         BOOST_TEST(task == "worker-0");
                         asked.emplace_back(from, to);
                         return full.substr(static_cast<std::size_t>(from), static_cast<std::size_t>(to - from));
                       }));
  BOOST_TEST(asked.size() == 1u);
  BOOST_TEST(written == full);
}

BOOST_AUTO_TEST_CASE(follow_logs_marks_a_gap_it_cannot_fill) {
  ApiTestSession t(RetryOptions{}.max_attempts(1));
  const std::string full = numbered_lines(0, 30);
  int polls = 0;
  t.transport->set_fallback([&](const HttpRequest& r) -> TransportResult {
    if (r.target.find("/logs/preview") != std::string::npos) {
      ++polls;
      auto p = window_of(polls == 1 ? full.substr(0, 16) : full, 32);
      return HttpResponse{200, {}, v2_preview(p.content, p.full_size)};
    }
    return HttpResponse{200, {}, v2_job("Completed")};
  });
  std::string written;
  v2::TrainingJob(t.session, kJobId)
      .follow_logs("worker-0", [&](std::string_view text) { written += text; }, v2::FollowOptions{}.poll_interval(seconds(1)));
  BOOST_TEST(written.find("bytes of the log were not available]") != std::string::npos);
  BOOST_TEST(written.rfind(full.substr(full.size() - 32)) == written.size() - 32);  // the window's text still ends it
}

BOOST_AUTO_TEST_CASE(follow_logs_times_out_and_cancels) {
  ApiTestSession t(RetryOptions{}.max_attempts(1));
  t.transport->set_fallback([](const HttpRequest& r) -> TransportResult {
    if (r.target.find("/logs/preview") != std::string::npos) return HttpResponse{204, {}, ""};
    return HttpResponse{200, {}, v2_job("Pending")};
  });
  auto sink = [](std::string_view) {};
  BOOST_CHECK_THROW(v2::TrainingJob(t.session, kJobId).follow_logs("worker-0", sink, v2::FollowOptions{}.timeout(seconds(10))),
                    WaitTimeoutError);
  BOOST_CHECK_THROW(
      v2::TrainingJob(t.session, kJobId).follow_logs("worker-0", sink, v2::FollowOptions{}.cancelled([] { return true; })),
      v2::WaitCancelledError);
  BOOST_CHECK_THROW(v2::TrainingJob(t.session, kJobId).follow_logs("", sink), InvalidArgumentError);
}

BOOST_AUTO_TEST_SUITE_END()
