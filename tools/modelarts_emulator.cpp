// SPDX-License-Identifier: Apache-2.0
// modelarts-emulator: serves the ModelArts v1 + IAM emulator until SIGINT or SIGTERM.
// The first stdout line is "listening on http(s)://HOST:PORT"; tools and tests read it to find the port.
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>

#include <boost/program_options.hpp>

#include <modelarts/error.hpp>
#include <modelarts/testing/emulator.hpp>

namespace {

namespace po = boost::program_options;
namespace mt = modelarts::testing;

constexpr int kUsageError = 2;

struct UsageError {
  std::string message;
};

/// "ACCOUNT/USER:PASSWORD"
void apply_user(const std::string& text, mt::EmulatorOptions& options) {
  const std::size_t slash = text.find('/');
  const std::size_t colon = slash == std::string::npos ? std::string::npos : text.find(':', slash + 1);
  if (slash == 0 || colon == std::string::npos || colon == slash + 1) {
    throw UsageError{"--user must be ACCOUNT/USER:PASSWORD"};
  }
  options.account(text.substr(0, slash)).username(text.substr(slash + 1, colon - slash - 1)).password(text.substr(colon + 1));
}

po::options_description describe_options() {
  const mt::EmulatorOptions defaults;
  po::options_description description("Options");
  description.add_options()
      ("help,h", "print this help and exit")
      ("host", po::value<std::string>()->default_value(defaults.host()), "address to listen on")
      ("port", po::value<std::uint16_t>()->default_value(defaults.port()), "port; 0 picks a free one")
      ("tls", po::bool_switch(), "serve HTTPS with a self-signed certificate made at start")
      ("cert-out", po::value<std::string>(), "write that certificate (PEM) to FILE for clients to trust")
      ("ak", po::value<std::string>()->default_value(defaults.access_key()), "access key accepted for AK/SK signing")
      ("sk", po::value<std::string>()->default_value(defaults.secret_key()), "secret key of --ak")
      ("user", po::value<std::string>()->default_value(defaults.account() + '/' + defaults.username() + ':' +
                                                       defaults.password()),
       "IAM password login, ACCOUNT/USER:PASSWORD")
      ("project-id", po::value<std::string>()->default_value(defaults.project_id()), "the only project ID served")
      ("region", po::value<std::string>()->default_value(defaults.region()), "region = the project's name in IAM")
      ("time-scale", po::value<double>()->default_value(defaults.time_scale()),
       "job time runs X times faster than wall time (1000: a minute of job life takes 60 ms)")
      ("fault-rate", po::value<double>()->default_value(defaults.fault_rate()),
       "share P (0..1) of ModelArts and OBS requests answered with an error (ModelArts 429/500/503, OBS XML "
       "500/503), delayed, or cut off mid-reply (never IAM)")
      ("fault-seed", po::value<std::uint64_t>()->default_value(defaults.fault_seed()), "seed of the fault sequence")
      ("retry-after", po::value<int>()->default_value(defaults.retry_after_seconds()),
       "Retry-After seconds of injected 429 replies")
      ("state", po::value<std::string>(),
       "keep the jobs in FILE, the OBS index in FILE.obs, its changes since in FILE.obs.journal and each "
       "object's bytes in FILE.obs.d/ (loaded at start; each change is on disk before its reply)")
      ("bucket", po::value<std::string>()->default_value(defaults.default_bucket()),
       "OBS bucket that exists from the start")
      ("threads", po::value<int>()->default_value(defaults.threads()), "server threads")
      ("v2-log-window", po::value<std::int64_t>()->default_value(defaults.v2_log_window()),
       "bytes of a v2 task log the logs/preview window shows (the service's: 5 MiB)")
      ("v2-record-offsets", po::bool_switch(),
       "read v2 training-job-searches offset as a record offset (default: a page index)");
  return description;
}

void print_usage(std::ostream& out, const po::options_description& description) {
  out << "Usage: modelarts-emulator [--host 127.0.0.1] [--port 0] [--tls] [--cert-out FILE] [--ak AK --sk SK]\n"
         "                          [--user ACCOUNT/USER:PASSWORD] [--project-id ID] [--region R]\n"
         "                          [--time-scale X] [--fault-rate P] [--fault-seed N] [--state FILE]\n"
         "                          [--bucket NAME]\n\n"
         "Serves the ModelArts v1 job API, the v2 training API (/v2/{project_id}/training-jobs...; a job\n"
         "parameter emulator_outcome or env EMULATOR_OUTCOME = fail|abnormal|hang makes it end badly) and\n"
         "IAM (/v3/auth/tokens, /v3/projects, /v3.0/OS-CREDENTIAL/securitytokens) from memory, verifying\n"
         "AK/SK signatures and IAM tokens like the API gateway.\n"
         "Any other path (first segment not a version prefix) is OBS, path-style (ENDPOINT/BUCKET/KEY),\n"
         "with the OBS and S3 V2 signatures; the bucket \"" << mt::kDefaultBucket << "\" exists from the start (--bucket).\n"
         "GET /health answers without authentication. Prints \"listening on http(s)://HOST:PORT\" first,\n"
         "then serves until SIGINT or SIGTERM (exit status 0).\n\n"
      << description;
}

mt::EmulatorOptions options_from(const po::variables_map& vm) {
  mt::EmulatorOptions options;
  options.host(vm["host"].as<std::string>()).port(vm["port"].as<std::uint16_t>()).tls(vm["tls"].as<bool>());
  if (vm.count("cert-out")) options.cert_out(vm["cert-out"].as<std::string>());
  if (vm["ak"].defaulted() != vm["sk"].defaulted()) throw UsageError{"--ak and --sk go together"};
  options.access_key(vm["ak"].as<std::string>()).secret_key(vm["sk"].as<std::string>());
  if (options.access_key().empty() || options.secret_key().empty()) throw UsageError{"--ak and --sk must not be empty"};
  apply_user(vm["user"].as<std::string>(), options);
  options.project_id(vm["project-id"].as<std::string>()).region(vm["region"].as<std::string>());
  const double time_scale = vm["time-scale"].as<double>();
  if (!(time_scale > 0)) throw UsageError{"--time-scale must be positive"};
  const double fault_rate = vm["fault-rate"].as<double>();
  if (!(fault_rate >= 0 && fault_rate <= 1)) throw UsageError{"--fault-rate must be in [0, 1]"};
  const int retry_after = vm["retry-after"].as<int>();
  if (retry_after < 0) throw UsageError{"--retry-after must not be negative"};
  const int threads = vm["threads"].as<int>();
  if (threads < 1 || threads > 256) throw UsageError{"--threads must be in [1, 256]"};
  options.time_scale(time_scale).fault_rate(fault_rate).fault_seed(vm["fault-seed"].as<std::uint64_t>())
      .retry_after_seconds(retry_after).threads(threads);
  if (vm.count("state")) options.state_file(vm["state"].as<std::string>());
  const std::int64_t window = vm["v2-log-window"].as<std::int64_t>();
  if (window < 1) throw UsageError{"--v2-log-window must be at least 1"};
  options.v2_log_window(window).v2_search_record_offsets(vm["v2-record-offsets"].as<bool>());
  options.default_bucket(vm["bucket"].as<std::string>());
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  const po::options_description description = describe_options();
  mt::EmulatorOptions options;
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(description).run(), vm);
    po::notify(vm);
    if (vm.count("help")) {
      print_usage(std::cout, description);
      return 0;
    }
    options = options_from(vm);
  } catch (const po::error& error) {
    std::cerr << "modelarts-emulator: " << error.what() << "\n\n";
    print_usage(std::cerr, description);
    return kUsageError;
  } catch (const UsageError& error) {
    std::cerr << "modelarts-emulator: " << error.message << "\n\n";
    print_usage(std::cerr, description);
    return kUsageError;
  }

  // Block the stop signals before any server thread exists, so that only sigwait below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  std::optional<mt::Emulator> emulator;
  try {
    emulator.emplace(options);
  } catch (const modelarts::Error& error) {
    std::cerr << error.what() << '\n';
    return 1;
  }
  std::cout << "listening on " << emulator->endpoint() << std::endl;  // flushed: readers wait for this line

  int received = 0;
  sigwait(&stop_signals, &received);
  emulator->stop();
  emulator.reset();
  return 0;
}
