// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the signer's canonicalization (percent_encode/decode, canonical_uri, canonical_query_string,
// wire_path/wire_target) and sign_request on fuzzed paths, queries, headers and bodies, checking invariants:
// decode(encode(x)) == x, encodings use only unreserved characters and upper-case escapes, the wire target
// can never carry a '?', '#', space or line break out of its place, and signing is deterministic.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <modelarts/error.hpp>
#include <modelarts/signer.hpp>

namespace {

using namespace modelarts;

void require(bool condition) {
  if (!condition) std::abort();
}

bool is_unreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.' || c == '~';
}

/// Every byte is unreserved, or '%' followed by two upper-case hex digits, or one of `extra`.
bool is_encoded(std::string_view text, std::string_view extra) {
  const auto is_upper_hex = [](char h) { return (h >= '0' && h <= '9') || (h >= 'A' && h <= 'F'); };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_unreserved(c) || extra.find(c) != std::string_view::npos) continue;
    if (c != '%' || i + 2 >= text.size()) return false;
    if (!is_upper_hex(text[i + 1]) || !is_upper_hex(text[i + 2])) return false;
    i += 2;
  }
  return true;
}

/// Splits the input at NUL bytes into fields.
std::vector<std::string> fields(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> out(1);
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == 0) {
      out.emplace_back();
    } else {
      out.back().push_back(static_cast<char>(data[i]));
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::string> f = fields(data, size);
  const std::string& path = f[0];

  // percent_encode / percent_decode round trip, on every field.
  for (const std::string& field : f) {
    const std::string encoded = percent_encode(field);
    require(is_encoded(encoded, ""));
    require(percent_decode(encoded) == field);
    (void)percent_decode(field);  // malformed escapes are kept literally: must not read out of bounds
  }

  // Paths.
  const std::string canonical = canonical_uri(path);
  require(!canonical.empty() && canonical.back() == '/');
  require(is_encoded(canonical, "/"));
  const std::string wire = wire_path(path);
  require(!wire.empty() && wire.front() == '/');
  require(is_encoded(wire, "/"));
  require(wire_path(wire) == wire);  // canonical form is stable: re-encoding a sent path changes nothing

  // Queries: pairs from fields 1.. (key, value, key, value...).
  QueryParams query;
  for (std::size_t i = 1; i + 1 < f.size() && i < 9; i += 2) query.emplace_back(f[i], f[i + 1]);
  const std::string canonical_query = canonical_query_string(query);
  require(is_encoded(canonical_query, "=&"));
  const std::string target = wire_target(path, query);
  require(target.rfind(wire, 0) == 0);
  require(target.find_first_of("# \r\n") == std::string::npos);
  require(query.empty() ? target == wire : target == wire + "?" + canonical_query);

  // Signing: headers from the remaining fields (name, value...), body = last field.
  SignableRequest request;
  request.method = f.size() > 9 ? f[9] : "GET";
  request.host = "modelarts.cn-north-4.myhuaweicloud.com";
  request.path = path;
  request.query = query;
  for (std::size_t i = 10; i + 1 < f.size() && i < 16; i += 2) request.headers.emplace_back(f[i], f[i + 1]);
  request.body = f.back();
  const SigningCredentials credentials{"FUZZACCESSKEY0000001", "fuzz-secret-key", size % 2 ? "token" : ""};
  try {
    const SignedRequest first = sign_request(request, credentials, "20240115T093000Z");
    const SignedRequest second = sign_request(request, credentials, "20240115T093000Z");
    require(first.signature == second.signature);
    require(first.signature.size() == 64);
    require(first.target == target);
    for (const auto& [name, value] : first.headers) {
      require(name.find_first_of("\r\n") == std::string::npos);
      require(value.find_first_of("\r\n") == std::string::npos);
    }
  } catch (const InvalidArgumentError&) {
    // Malformed header names/values and duplicates are refused: that is the contract.
  }
  return 0;
}
