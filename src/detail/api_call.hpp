// SPDX-License-Identifier: Apache-2.0
// ApiCall: the description of one service request that resource classes hand to the pipeline
// (retry -> authenticate each attempt -> redacted log -> transport -> decode).
#pragma once

#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include <modelarts/http.hpp>
#include <modelarts/session.hpp>
#include <modelarts/signer.hpp>

#include "detail/result.hpp"

namespace modelarts::detail {

enum class Service { modelarts, iam };

/// How the body reports failure beyond the HTTP status.
enum class Envelope {
  v1,      ///< `"is_success": false` is a failure whatever the HTTP status
  plain,   ///< only the HTTP status counts (label jobs, IAM)
};

struct ApiCall {
  std::string method;                 ///< "GET", "POST", "PUT", "DELETE"
  /// Path segments after the endpoint, each decoded: {"v1", project_id, "visualization-jobs", id}. Each is
  /// percent-encoded on the wire, so an ID can never change the path; empty, "." and ".." are refused.
  std::vector<std::string> segments;
  QueryParams query;
  std::string body;                   ///< JSON text; empty for none
  Envelope envelope = Envelope::v1;
  Service service = Service::modelarts;
  /// A POST whose repetition the caller turns into the intended outcome (a create by name meets the
  /// duplicate-name rule; a stop/restart meets the state rule), so it may be resent after it was written.
  bool resendable = false;
  /// Whether a retry after the request may have reached the server is safe.
  bool idempotent() const noexcept { return method != "POST" || resendable; }
};

struct ApiResponse {
  int status = 0;
  HttpHeaders headers;
  std::string body;
  boost::json::value json;   ///< parsed body; null when the body was empty
  AttemptLog attempts;       ///< what became of each attempt: the recovery rules read it
  /// "GET /v1/<pid>/training-jobs" (segments encoded, no endpoint base path): how decoders name the call.
  std::string context;
};

/// Runs the call through the session's pipeline. Never throws.
Result<ApiResponse> try_call(const Session& session, const ApiCall& call) noexcept;

/// try_call, then throw_error on failure.
ApiResponse call(const Session& session, const ApiCall& call);

}  // namespace modelarts::detail
