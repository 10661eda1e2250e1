// SPDX-License-Identifier: Apache-2.0
// What the signer unit tests sign: fixed credentials and date, a plain GET, and the canonical request's lines.
#pragma once

#include <string>

#include <modelarts/signer.hpp>

namespace modelarts::test {

inline const SigningCredentials kSignerCredentials{"AK0000EXAMPLE", "SK0000EXAMPLESECRET", {}};
inline constexpr const char* kSignerDate = "20240115T093000Z";
/// SHA-256 of the empty string: the payload line of a request without a body.
inline constexpr const char* kEmptyBodyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// GET /v1/p/jobs on the cn-north-4 endpoint, no headers, no body.
inline SignableRequest plain_get_request() {
  SignableRequest request;
  request.method = "GET";
  request.host = "modelarts.cn-north-4.myhuaweicloud.com";
  request.path = "/v1/p/jobs";
  return request;
}

/// The last line of a canonical request: the payload hash.
inline std::string last_line(const std::string& text) { return text.substr(text.rfind('\n') + 1); }

}  // namespace modelarts::test
