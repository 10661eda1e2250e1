// SPDX-License-Identifier: Apache-2.0
// Endpoints: the service addresses of one Session, the counterpart of Python's
// Session.set_endpoint(iam_endpoint, obs_endpoint, modelarts_endpoint, region_name). Per session, never global:
// pass it to Session::with_access_key / Session::with_password, or to SessionOptions::endpoints. The region is
// their own region_name argument.
#pragma once

#include <string>

#include <modelarts/options.hpp>

namespace modelarts {

class Endpoints {
  /// Default https://iam.{region}.myhuaweicloud.com.
  MODELARTS_OPTION(std::string, iam_endpoint);
  /// The OBS endpoint (used by the OBS client; job calls never reach OBS).
  MODELARTS_OPTION(std::string, obs_endpoint);
  /// Default https://modelarts.{region}.myhuaweicloud.com (ap-southeast-1: .myhuaweicloud.cn).
  MODELARTS_OPTION(std::string, modelarts_endpoint);
};

}  // namespace modelarts
