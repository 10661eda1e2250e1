// SPDX-License-Identifier: Apache-2.0
// The URL codec: percent-encoding (RFC 3986, upper-case hex), the wire and canonical (signed) forms of a path
// and a query, and the query-string parser. One implementation for the SDK, the signer, the emulator, the CLI
// and the tests.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace modelarts {

using QueryParams = std::vector<std::pair<std::string, std::string>>;  ///< decoded key/value pairs, in any order

/// RFC 3986 percent-encoding: every byte outside A-Z a-z 0-9 - _ . ~ becomes %XY with upper-case hex.
std::string percent_encode(std::string_view text);
/// Inverse of percent_encode; malformed escapes are kept literally. '+' stays '+'.
std::string percent_decode(std::string_view text);
/// Canonical URI, the documented way: the whole path decoded, split on '/', each segment encoded, joined by '/',
/// with a trailing '/' appended ("/v1/a%2Fb" -> "/v1/a/b/").
std::string canonical_uri(std::string_view path);
/// Pairs sorted by raw key then raw value (byte order), each encoded, "k=v" joined by '&'.
std::string canonical_query_string(const QueryParams& query);
/// The path as sent on the wire: each escape decoded and each byte encoded again, an encoded slash kept as
/// "%2F" inside its segment, no trailing '/' added ("" -> "/"; "/v1/a%2fb" -> "/v1/a%2Fb").
std::string wire_path(std::string_view path);
/// wire_path(path), then "?" + canonical_query_string(query) when there is a query: the request target
/// sign_request returns, also used for token-authenticated requests.
std::string wire_target(std::string_view path, const QueryParams& query);
/// "k=v&k2=v2" -> decoded pairs in order; empty pairs ("&&") are skipped, a pair without '=' has an empty value,
/// '+' stays '+'. The inverse of the query part of wire_target, up to order.
QueryParams parse_query(std::string_view query);
/// One "k=v" pair, decoded (no '=': an empty value).
std::pair<std::string, std::string> parse_query_pair(std::string_view pair);

}  // namespace modelarts
