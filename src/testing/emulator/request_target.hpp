// SPDX-License-Identifier: Apache-2.0
// Splits a received request target into the raw path (what the signature covers), decoded path segments
// and decoded query pairs, refusing path tricks ("." / ".." segments, also when percent-encoded, and empty
// segments in the middle) the way the real front end refuses them.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <modelarts/signer.hpp>

namespace modelarts::testing::detail {

struct RequestTarget {
  std::string raw_path;               ///< as received, before '?'
  std::vector<std::string> segments;  ///< each percent-decoded on its own: "a%2Fb" stays one segment "a/b"
  QueryParams query;                  ///< decoded, in request order
};

struct TargetProblem {
  std::string message;
};

std::variant<RequestTarget, TargetProblem> parse_request_target(std::string_view target);

}  // namespace modelarts::testing::detail
