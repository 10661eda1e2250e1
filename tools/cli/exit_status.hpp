// SPDX-License-Identifier: Apache-2.0
// The exit status contract (README "Exit status", `modelarts --help`): 0 success, 1 any other failure,
// 2 usage error, and one code per failure class a script may want to tell apart.
#pragma once

#include <exception>

namespace modelarts::cli {

enum class ExitStatus : int {
  success = 0,
  failure = 1,           ///< anything not below (e.g. the service refused the request's content)
  usage = 2,             ///< bad command line: nothing was sent
  not_found = 3,         ///< the job, version, config or path does not exist (HTTP 404, ModelArts.0015/0102)
  auth = 4,              ///< credentials, permissions or a missing setting (HTTP 401/403, APIGW.*, configuration)
  wait_timeout = 5,      ///< `wait` gave up before the job ended (--timeout)
  job_unsuccessful = 6,  ///< the job ended, but not COMPLETED (failed, killed, ...)
  network = 7,           ///< DNS, connect, TLS, timeout or a broken connection, after the retries
};

/// The status for an exception that ended a command.
ExitStatus exit_status_for(const std::exception& error);

/// The table as `--help` prints it, one "  N  meaning" line per code.
const char* exit_status_table();

}  // namespace modelarts::cli
