// SPDX-License-Identifier: Apache-2.0
// Fault soak: a seeded mixed workflow (create, update, stop, delete across training, visualization and label
// jobs) against an emulator that faults 20% (and, in a second run, 50%) of requests (429 with Retry-After 0, 500,
// 503, delays, replies cut off after the request took effect). The same workflow runs against a fault-free
// emulator; both end states must equal what the workflow meant: every effect exactly once, nothing lost, no job
// twice. Every success the SDK reports is checked at once against the service (faults paused for the check):
// two more counts, both 0, say how many reported something that did not happen, and how many creates returned a
// resource they did not create.
//
// The default run is a smoke of 300 operations (100 at 50%); MODELARTS_SOAK_OPS=2000 runs the full soak:
//   MODELARTS_SOAK_OPS=2000 build/bin/integration_tests --run_test=fault_soak
//
// The SDK must absorb every fault itself: it retries GET/PUT/DELETE (a retried delete answering "not found"
// after a lost answer succeeded), and resends creates and stops after a cut reply (a resent create answering
// "name already exists" finds the job it made by name; a resent stop answering "can't be stop" had taken
// effect). So no fault may reach the caller. The workflow still repeats a call that failed with a fault, as a
// careful caller would, and counts it, so that a regression shows as a failed check with figures rather than
// as a lost job.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <modelarts/modelarts.hpp>
#include <modelarts/testing/emulator.hpp>

#include "support/estimator_options.hpp"
#include "support/reliability_support.hpp"

using namespace modelarts;
using namespace modelarts::test;
namespace mt = modelarts::testing;
using namespace std::chrono_literals;

namespace {

enum class Family { training, visualization, label };
const char* family_name(Family f) {
  switch (f) {
    case Family::training: return "training";
    case Family::visualization: return "visualization";
    case Family::label: return "label";
  }
  return "?";
}

/// One job as the workflow means it to be.
struct PlannedJob {
  Family family;
  std::string name;
  std::string id;
  std::string version_id;  // training only
  std::string desc;
  bool stopped = false;
  bool deleted = false;
};

/// A job as the service reports it at the end, keyed by family + name.
struct Observed {
  int count = 0;  // how many jobs carry this name: must be 1
  std::string desc;
  bool stopped = false;
  friend bool operator==(const Observed& a, const Observed& b) {
    return a.count == b.count && a.desc == b.desc && a.stopped == b.stopped;
  }
};
using EndState = std::map<std::string, Observed>;

std::ostream& operator<<(std::ostream& out, const EndState& state) {
  for (const auto& [key, o] : state) out << key << "{n=" << o.count << ",desc=" << o.desc << ",stopped=" << o.stopped << "} ";
  return out;
}

struct SoakFigures {
  int operations = 0;
  std::map<std::string, int> operations_by_kind;
  std::uint64_t faults_injected = 0;
  std::size_t sdk_retries = 0;              // "retrying ..." log lines: faults the SDK absorbed
  int surfaced_idempotent = 0;              // faults that reached the caller on PUT/DELETE: must stay 0
  int surfaced_post = 0;                    // faults that reached the caller on create/stop
  int creates_found_by_name = 0;            // a repeated create answered 0103: the cut reply had taken effect
  int stops_already_applied = 0;            // a repeated stop answered 0105: the cut reply had taken effect
  int false_successes = 0;                  // calls that reported success for something that did not happen: 0
  int foreign_returns = 0;                  // creates that returned a resource they did not create: 0
};

/// A failure that a fault may cause (and that is worth doing the same call again for).
bool is_fault(const std::exception& e) {
  if (dynamic_cast<const TransportError*>(&e) != nullptr) return true;
  if (const auto* api = dynamic_cast<const ApiError*>(&e)) {
    const int s = api->http_status();
    return s == 429 || s == 500 || s == 502 || s == 503 || s == 504;
  }
  return false;
}

bool has_code(const std::exception& e, const char* code) {
  const auto* api = dynamic_cast<const ApiError*>(&e);
  return api != nullptr && api->error_code() == code;
}

class Workflow {
 public:
  /// `emulator`, `fault_rate`: the service under the workflow, whose faults are paused while each reported
  /// success is checked against what the service really holds.
  Workflow(Session session, SoakFigures& figures, mt::Emulator& emulator, double fault_rate)
      : session_(std::move(session)),
        estimator_(session_, pytorch_on_cpu().job_description("d0")),
        figures_(figures),
        emulator_(emulator),
        fault_rate_(fault_rate),
        checker_(emulator.session_options()) {}

  /// Runs `operations` seeded steps; the plan depends only on the seed, never on faults.
  void run(int operations, std::uint32_t seed) {
    std::mt19937 random(seed);
    for (int i = 0; i < operations; ++i) {
      const int roll = static_cast<int>(random() % 100);
      const Family family = static_cast<Family>(random() % 3);
      std::vector<PlannedJob*> live;
      for (PlannedJob& job : jobs_) {
        if (job.family == family && !job.deleted && !job.stopped) live.push_back(&job);
      }
      PlannedJob* target = live.empty() ? nullptr : live[random() % live.size()];
      if (target == nullptr || roll < 30) {
        create(family, i);
      } else if (roll < 65) {
        update(*target, "d" + std::to_string(i));
      } else if (roll < 80 && family != Family::label) {
        // A training version completes after 65 s of job time, so stops go to the newest job,
        // which the workflow created seconds ago at most.
        stop(family == Family::training ? *live.back() : *target);
      } else {
        remove(*target);
      }
      ++figures_.operations;
    }
  }

  /// What the service should hold now.
  EndState expected() const {
    EndState state;
    for (const PlannedJob& job : jobs_) {
      if (job.deleted) continue;
      state[std::string(family_name(job.family)) + "/" + job.name] = Observed{1, job.desc, job.stopped};
    }
    return state;
  }

 private:
  void count(const std::string& kind) { ++figures_.operations_by_kind[kind]; }

  /// Runs `call` until it succeeds; a fault that reaches us is counted (for a PUT/DELETE it should not).
  /// `applied` is asked about any other error: true means an earlier attempt already took effect.
  /// `holds`: asked (with faults paused) after the SDK reported success: does the service hold the effect?
  void until_done(bool idempotent, const std::function<void()>& call,
                  const std::function<bool(const std::exception&)>& applied, const std::function<bool()>& holds) {
    for (int attempt = 1;; ++attempt) {
      try {
        call();
        if (!checked(holds)) ++figures_.false_successes;
        return;
      } catch (const Error& e) {
        if (attempt > 1 && applied(e)) return;
        if (!is_fault(e) || attempt >= 20) throw;
        ++(idempotent ? figures_.surfaced_idempotent : figures_.surfaced_post);
      }
    }
  }

  void create(Family family, int step) {
    PlannedJob job{family, std::string("soak-") + family_name(family)[0] + std::to_string(step), {}, {}, "d0"};
    count(std::string("create ") + family_name(family));
    auto found_by_name = [&](const std::exception& e) {
      if (!has_code(e, "ModelArts.0103")) return false;
      ++figures_.creates_found_by_name;
      look_up_by_name(session_, job);
      return true;
    };
    // Which job of this name existed before each SDK call: a create that returns one of them did not make it.
    std::string existed_before;
    auto before = [&] {
      PlannedJob probe = job;
      probe.id.clear();
      checked([&] { look_up_by_name(checker_, probe); return true; });
      existed_before = probe.id;
    };
    auto holds = [&] {
      if (!existed_before.empty() && job.id == existed_before) ++figures_.foreign_returns;
      PlannedJob probe = job;
      look_up_by_name(checker_, probe);
      return !probe.id.empty() && probe.id == job.id;
    };
    switch (family) {
      case Family::training:
        until_done(false, [&] {
          before();
          TrainingJob created = estimator_.fit(Inputs::obs("/bucket/data/"), false, job.name);
          job.id = created.job_id();
          job.version_id = created.version_id();
        }, found_by_name, holds);
        break;
      case Family::visualization:
        until_done(false, [&] {
          before();
          job.id = VisualizationJob(session_).create_visualization_job("/bucket/out/", job.name, "d0").job_id();
        }, found_by_name, holds);
        break;
      case Family::label:
        until_done(false, [&] {
          before();
          job.id = LabelJob::create(session_, CreateLabelRequest{job.name, "d0", "OBS", "/bucket/data/", "",
                                                                 "Manual Image classify"}).job_id();
        }, found_by_name, holds);
        break;
    }
    BOOST_REQUIRE_MESSAGE(!job.id.empty(), "no id for " << job.name);
    jobs_.push_back(std::move(job));
  }

  static void look_up_by_name(const Session& session, PlannedJob& job) {
    switch (job.family) {
      case Family::training:
        for (const JobInfo& row : Estimator::get_job_list(session, ListOptions{}.search_content(job.name).per_page(1000)).items) {
          if (row.job_name == job.name) {
            job.id = row.job_id;
            job.version_id = row.version_id;
          }
        }
        break;
      case Family::visualization:
        for (const auto& row :
             VisualizationJob::get_visualization_job_list(session, ListOptions{}.search_content(job.name).per_page(1000)).items) {
          if (row.job_name == job.name) job.id = row.job_id;
        }
        break;
      case Family::label:
        for (const auto& row : LabelApi(session)
                                   .query_label_jobs(session.project_id(), LabelJobQuery{}.search_content(job.name).limit(1000))
                                   .items) {
          if (row.name == job.name) job.id = row.id;
        }
        break;
    }
  }

  void update(PlannedJob& job, const std::string& desc) {
    count(std::string("update ") + family_name(job.family));
    auto never = [](const std::exception&) { return false; };
    auto holds = [&] { return observed(job).desc == desc; };
    switch (job.family) {
      case Family::training:
        until_done(true, [&] { TrainingJob(session_, job.id).update_job_description(desc); }, never, holds);
        break;
      case Family::visualization:
        until_done(true, [&] { VisualizationJob(session_, job.id).update_visualization_job(desc); }, never, holds);
        break;
      case Family::label:
        until_done(true, [&] { LabelJob(session_, job.id).update_label_job(ModLabelRequest{job.name, desc}); }, never,
                   holds);
        break;
    }
    job.desc = desc;
  }

  void stop(PlannedJob& job) {
    count(std::string("stop ") + family_name(job.family));
    auto already_stopping = [&](const std::exception& e) {
      if (!has_code(e, "ModelArts.0105")) return false;
      ++figures_.stops_already_applied;
      return true;
    };
    auto holds = [&] { return observed(job).stopped; };
    if (job.family == Family::training) {
      until_done(false, [&] { TrainingJob(session_, job.id, job.version_id).stop_job_version(); }, already_stopping,
                 holds);
    } else {
      // A visualization job can be stopped once it is waiting or running (2 s of job time after creation).
      const auto deadline = std::chrono::steady_clock::now() + 10s;
      while (VisualizationJob(session_, job.id).get_visualization_job_info().status_code() == 1 &&
             std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(20ms);
      }
      until_done(false, [&] { VisualizationJob(session_, job.id).stop_visualization_job(); }, already_stopping, holds);
    }
    job.stopped = true;
  }

  void remove(PlannedJob& job) {
    count(std::string("delete ") + family_name(job.family));
    auto never = [](const std::exception&) { return false; };
    auto holds = [&] { return observed(job).count == 0; };
    switch (job.family) {
      case Family::training: until_done(true, [&] { TrainingJob(session_, job.id).delete_job(); }, never, holds); break;
      case Family::visualization:
        until_done(true, [&] { VisualizationJob(session_, job.id).delete_visualization_job(); }, never, holds);
        break;
      case Family::label: until_done(true, [&] { LabelJob(session_, job.id).delete_label_job(); }, never, holds); break;
    }
    job.deleted = true;
  }

  /// `check()` with the emulator's faults paused, so that the check itself is exact.
  bool checked(const std::function<bool()>& check) {
    emulator_.set_fault_rate(0.0);
    const bool result = check();
    emulator_.set_fault_rate(fault_rate_);
    return result;
  }

  /// The job as the service holds it now (count 0: gone), read through the fault-free checker session.
  Observed observed(const PlannedJob& job) {
    Observed o;
    switch (job.family) {
      case Family::training:
        for (const JobInfo& row : Estimator::get_job_list(checker_, ListOptions{}.search_content(job.name).per_page(1000)).items) {
          if (row.job_id != job.id) continue;
          ++o.count;
          o.desc = row.job_desc;
        }
        if (o.count > 0 && !job.version_id.empty()) {
          const JobStatus status = TrainingJob(checker_, job.id, job.version_id).get_job_info().status;
          o.stopped = status == JobStatus::killing || status == JobStatus::killed;
        }
        break;
      case Family::visualization:
        for (const auto& row :
             VisualizationJob::get_visualization_job_list(checker_, ListOptions{}.search_content(job.name).per_page(1000)).items) {
          if (row.job_id != job.id) continue;
          ++o.count;
          o.desc = row.job_desc;
          o.stopped = row.status_code() == 9 || row.status_code() == 10;
        }
        break;
      case Family::label:
        for (const auto& row : LabelApi(checker_)
                                   .query_label_jobs(checker_.project_id(), LabelJobQuery{}.search_content(job.name).limit(1000))
                                   .items) {
          if (row.id != job.id) continue;
          ++o.count;
          o.desc = row.description;
        }
        break;
    }
    return o;
  }

  Session session_;
  Estimator estimator_;
  SoakFigures& figures_;
  mt::Emulator& emulator_;
  double fault_rate_;
  Session checker_;
  std::vector<PlannedJob> jobs_;
};

/// Every job the service lists, by family/name (through the lazy pagers, so paging is exercised too).
EndState observe(const Session& session) {
  EndState state;
  for (const TrainingJob& job : TrainingJob::list(session, ListOptions{}.per_page(50))) {
    Observed& o = state["training/" + job.info().job_name];
    ++o.count;
    o.desc = job.info().job_desc;
    o.stopped = job.info().status == JobStatus::killing ||
                job.info().status == JobStatus::killed;
  }
  for (const VisualizationJob& job : VisualizationJob::list(session, ListOptions{}.per_page(50))) {
    Observed& o = state["visualization/" + job.info().job_name];
    ++o.count;
    o.desc = job.info().job_desc;
    o.stopped = job.info().status_code() == 9 || job.info().status_code() == 10;  // KILLING, then stopped
  }
  for (const LabelJob& job : LabelJob::list(session, LabelJobQuery{}.limit(50))) {
    Observed& o = state["label/" + job.info().name];
    ++o.count;
    o.desc = job.info().description;
  }
  return state;
}

int soak_operations() {
  const char* text = std::getenv("MODELARTS_SOAK_OPS");
  const int n = text != nullptr ? std::atoi(text) : 0;
  return n > 0 ? n : 300;
}

SessionOptions soak_session_options(const mt::Emulator& emulator, LogCapture& log, int max_attempts) {
  return emulator.session_options()
      .retry(RetryOptions{}.max_attempts(max_attempts).initial_backoff(1ms).max_backoff(4ms).max_total(60s))
      .log_level(LogLevel::info)
      .log_handler(log.handler());
}

// Runs the seeded workflow fault-free and with `fault_rate` of the requests faulted; both end states must equal
// the plan, and every success the SDK reported must hold.
void soak(double fault_rate, int operations, int max_attempts) {
  constexpr std::uint32_t kPlanSeed = 2024;
  // Job time 10x: a visualization job can be stopped 0.2 s after creation, a training version completes
  // 6.5 s after it (stops go to the newest training job, created well within that).
  constexpr double kTimeScale = 10.0;

  // Fault-free reference run.
  SoakFigures clean_figures;
  mt::Emulator clean(mt::EmulatorOptions{}.time_scale(kTimeScale));
  LogCapture clean_log;
  Workflow clean_run(Session(soak_session_options(clean, clean_log, max_attempts)), clean_figures, clean, 0.0);
  clean_run.run(operations, kPlanSeed);
  const EndState clean_state = observe(Session(clean.session_options()));

  // The same plan with faults.
  SoakFigures figures;
  mt::Emulator faulty(
      mt::EmulatorOptions{}.time_scale(kTimeScale).fault_rate(fault_rate).fault_seed(99).retry_after_seconds(0));
  LogCapture log;
  const auto started = std::chrono::steady_clock::now();
  Workflow faulty_run(Session(soak_session_options(faulty, log, max_attempts)), figures, faulty, fault_rate);
  faulty_run.run(operations, kPlanSeed);
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  figures.faults_injected = faulty.stats().faults_injected;
  figures.sdk_retries = log.count_containing("retrying ");
  faulty.set_fault_rate(0.0);  // read the end state without faults, so the check itself is exact
  const EndState faulty_state = observe(Session(faulty.session_options()));

  const EndState planned = faulty_run.expected();
  BOOST_TEST((planned == clean_run.expected()));  // the plan never depends on faults
  BOOST_TEST(!planned.empty());
  BOOST_TEST((clean_state == planned), "fault-free run: " << clean_state << "\nplanned: " << planned);
  BOOST_TEST((faulty_state == planned), "faulted run: " << faulty_state << "\nplanned: " << planned);
  for (const auto& [key, o] : faulty_state) BOOST_TEST(o.count == 1, key << " appears " << o.count << " times");

  BOOST_TEST(figures.surfaced_idempotent == 0, "updates/deletes must be retried by the SDK itself");
  BOOST_TEST(figures.surfaced_post == 0, "creates/stops must be resent by the SDK itself");
  BOOST_TEST(figures.false_successes == 0, "calls reported success for something that did not happen");
  BOOST_TEST(figures.foreign_returns == 0, "creates returned a resource they did not create");
  BOOST_TEST(clean_figures.false_successes == 0);
  BOOST_TEST(clean_figures.foreign_returns == 0);
  BOOST_TEST(figures.faults_injected >= static_cast<std::uint64_t>(operations * fault_rate / 2));
  BOOST_TEST(figures.sdk_retries > 0u);
  std::ostringstream report;
  report << "fault soak at " << fault_rate * 100 << "% faults: " << figures.operations << " operations in " << seconds
         << " s;";
  for (const auto& [kind, n] : figures.operations_by_kind) report << ' ' << kind << '=' << n;
  report << "; faults injected (survived): " << figures.faults_injected << "; SDK retries: " << figures.sdk_retries
         << "; faults surfaced on PUT/DELETE: " << figures.surfaced_idempotent
         << "; faults surfaced on POST create/stop (repeated by the caller): " << figures.surfaced_post
         << "; creates whose cut reply had taken effect (found by name): " << figures.creates_found_by_name
         << "; stops already applied: " << figures.stops_already_applied
         << "; successes that did not happen: " << figures.false_successes
         << "; resources returned that the call did not create: " << figures.foreign_returns
         << "; jobs at the end: " << planned.size();
  BOOST_TEST_MESSAGE(report.str());
  std::printf("%s\n", report.str().c_str());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fault_soak)

BOOST_AUTO_TEST_CASE(mixed_workflow_under_twenty_percent_faults_matches_a_fault_free_run) {
  soak(0.2, soak_operations(), 10);
}

// Half the requests faulted: the SDK still absorbs them all (20 attempts make ten faults in a row unlikely
// enough: 0.5^20 per call), loses nothing, creates nothing twice and never reports what did not happen.
BOOST_AUTO_TEST_CASE(mixed_workflow_under_fifty_percent_faults_matches_a_fault_free_run) {
  soak(0.5, std::max(100, soak_operations() / 3), 20);
}

BOOST_AUTO_TEST_SUITE_END()
