// SPDX-License-Identifier: Apache-2.0
// Decoders from v2 reply bodies to the public structs (lenient as docs/service-quirks.md asks: numbers as
// numbers or numeric strings, `context` for the older `content`, unknown fields kept in raw_json).
#pragma once

#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include <modelarts/v2/training_job_info.hpp>

#include "detail/result.hpp"

namespace modelarts::v2::detail {

using modelarts::detail::Result;

/// A job object; metadata.id is required.
Result<TrainingJobInfo> decode_job(const boost::json::value& body, const std::string& context);
Result<TrainingJobList> decode_job_list(const boost::json::value& body, const std::string& context);
/// A 204 or empty body gives ready == false.
Result<LogPreview> decode_log_preview(int http_status, const boost::json::value& body, const std::string& context);
Result<std::string> decode_log_url(const boost::json::value& body, const std::string& context);
Result<Metrics> decode_metrics(int http_status, const boost::json::value& body, const std::string& context);
Result<EventList> decode_events(const boost::json::value& body, const std::string& context);
Result<std::vector<FlavorInfo>> decode_flavors(const boost::json::value& body, const std::string& context);
Result<std::vector<EngineInfo>> decode_engines(const boost::json::value& body, const std::string& context);

}  // namespace modelarts::v2::detail
