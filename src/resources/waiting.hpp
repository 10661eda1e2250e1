// SPDX-License-Identifier: Apache-2.0
// A v1 wait(): poll_until over one GET whose reply decodes to an info with a numeric job status, with the
// timeout error every v1 wait reports (WaitTimeoutError naming the job and its last status).
#pragma once

#include <string>

#include <modelarts/session.hpp>
#include <modelarts/status.hpp>
#include <modelarts/wait.hpp>

#include "resources/request.hpp"
#include "detail/poll_until.hpp"

namespace modelarts::detail {

/// Polls `call` (decoded by `decode(json, context) -> Result<Info>`) until `done(info)`; `what` names the job
/// ("training job 10 version 3") and `goal` what it has not done by the deadline ("finished"). `held_status`
/// is the status known before the first poll (0 when none). Throws at the public surface.
template <class Info, class Decode, class Done>
Info wait_on_call(const Session& session, const ApiCall& call, Decode decode, Done done,
                  const BasicWaitOptions<Info>& options, int held_status, const std::string& what,
                  const char* goal) {
  const std::string context = describe(call);
  return poll_until<Info>(
             *session_clock(session), poll_schedule(options),
             [&]() -> Result<Info> {
               Result<ApiResponse> polled = try_call(session, call);
               if (!polled.ok()) return polled.error();
               return decode(polled.value().json, context);
             },
             done,
             [&](const Info& info) {
               if (options.on_progress()) options.on_progress()(info);
             },
             [&](const Info* last, const std::string& last_problem) {
               ErrorInfo timeout;
               timeout.last_status = last ? last->status_code() : held_status;
               timeout.message = what + " not " + goal + " after " + std::to_string(options.timeout().count()) +
                                 " ms (status " + std::to_string(timeout.last_status) + ' ' +
                                 std::string(status_name(timeout.last_status)) + ')' +
                                 (last_problem.empty() ? "" : "; last poll failed: " + last_problem);
               return timeout;
             })
      .value_or_throw();
}

}  // namespace modelarts::detail
