// SPDX-License-Identifier: Apache-2.0
// The URL codec: percent-encoding, the wire and canonical forms of paths and queries, and the one query-string
// parser the SDK, the emulator, the CLI and the tests use.
#include <modelarts/url_codec.hpp>

#include "detail/url_writing.hpp"

namespace modelarts {
using namespace detail::codec;

std::string percent_encode(std::string_view text) {
  std::string out;
  write_sized(out, text.size() * kMaxEncodedPerByte, [&](char* p) { return put_encoded(p, text); });
  return out;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  write_sized(out, text.size(), [&](char* p) { return put_decoded(p, text); });
  return out;
}

std::string wire_path(std::string_view path) {
  std::string out;
  write_sized(out, wire_path_capacity(path), [&](char* p) { return put_wire_path(p, path); });
  return out;
}

std::string canonical_uri(std::string_view path) {
  std::string out;
  write_sized(out, wire_path_capacity(path) + 1, [&](char* p) {
    char* end = put_path(p, path, PathForm::canonical);
    if (end[-1] != '/') *end++ = '/';
    return end;
  });
  return out;
}

std::string canonical_query_string(const QueryParams& query) {
  std::string out;
  write_sized(out, canonical_query_capacity(query), [&](char* p) { return put_canonical_query(p, query); });
  return out;
}

std::string wire_target(std::string_view path, const QueryParams& query) {
  std::string out;
  write_sized(out, wire_path_capacity(path) + 1 + canonical_query_capacity(query), [&](char* p) {
    char* end = put_wire_path(p, path);
    if (!query.empty()) {
      *end++ = '?';
      end = put_canonical_query(end, query);
    }
    return end;
  });
  return out;
}

std::pair<std::string, std::string> parse_query_pair(std::string_view pair) {
  const std::size_t equals = pair.find('=');
  return {percent_decode(pair.substr(0, equals)),
          equals == std::string_view::npos ? std::string() : percent_decode(pair.substr(equals + 1))};
}

QueryParams parse_query(std::string_view query) {
  QueryParams pairs;
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    if (!pair.empty()) pairs.push_back(parse_query_pair(pair));
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return pairs;
}

}  // namespace modelarts
