// SPDX-License-Identifier: Apache-2.0
// The writers behind the URL codec (modelarts/url_codec.hpp) and the signer: percent-encoding, the wire and
// canonical forms of a path, the canonical query string. Each writes through a pointer into a buffer its caller
// sized once for the longest possible output (write_sized), so the signer builds its canonical request, target
// and headers with one allocation each. Inline: the signer runs them on every request.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <modelarts/url_codec.hpp>

namespace modelarts::detail::codec {

constexpr char kHexUpper[] = "0123456789ABCDEF";

// Outputs are sized once for their longest possible form, written through a pointer, then cut to the length
// written: one allocation each and no per-append capacity checks.

inline char* put(char* out, std::string_view text) noexcept {
  if (!text.empty()) std::memcpy(out, text.data(), text.size());
  return out + text.size();
}

// Resizes `out` to `capacity`, lets `write` fill it from the start and returns where it stopped, then cuts it.
template <class Write>
void write_sized(std::string& out, std::size_t capacity, Write&& write) {
  out.resize(capacity);
  char* const begin = out.data();
  const char* const end = write(begin);
  out.resize(static_cast<std::size_t>(end - begin));
}


constexpr bool is_unreserved(unsigned char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.' || c == '~';
}

// A value per byte, built at compile time: one look-up instead of a chain of comparisons.
template <class Value>
struct ByteMap {
  Value values[256];
  constexpr Value operator[](unsigned char c) const noexcept { return values[c]; }
};

constexpr ByteMap<bool> kUnreserved = [] {
  ByteMap<bool> table{};
  for (unsigned c = 0; c < 256; ++c) table.values[c] = is_unreserved(static_cast<unsigned char>(c));
  return table;
}();

constexpr std::size_t kMaxEncodedPerByte = 3;  // "%XY"

inline char* put_encoded_byte(char* out, unsigned char c) noexcept {
  if (kUnreserved[c]) {
    *out++ = static_cast<char>(c);
  } else {
    *out++ = '%';
    *out++ = kHexUpper[c >> 4];
    *out++ = kHexUpper[c & 0x0F];
  }
  return out;
}

inline char* put_encoded(char* out, std::string_view text) noexcept {
  for (char ch : text) out = put_encoded_byte(out, static_cast<unsigned char>(ch));
  return out;
}

inline int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The byte at text[i], or the byte a well-formed "%XY" there stands for; `i` moves past what was read. A
// malformed escape is kept literally.
inline unsigned char next_decoded(std::string_view text, std::size_t& i) noexcept {
  if (text[i] == '%' && i + 2 < text.size()) {
    const int high = hex_value(text[i + 1]);
    const int low = hex_value(text[i + 2]);
    if (high >= 0 && low >= 0) {
      i += 3;
      return static_cast<unsigned char>((high << 4) | low);
    }
  }
  return static_cast<unsigned char>(text[i++]);
}

inline char* put_decoded(char* out, std::string_view text) noexcept {
  for (std::size_t i = 0; i < text.size();) *out++ = static_cast<char>(next_decoded(text, i));
  return out;
}

// Encoded path without the trailing slash the canonical URI adds; always starts with '/'. Every escape is
// decoded and every byte encoded again, so raw and already-encoded input give one encoding. On the wire ('wire')
// an escape that stands for '/' stays "%2F", inside its segment. The canonical URI follows the documented
// algorithm and the official signers (Python: unquote the whole path, split it on '/', quote each segment), so
// there that '/' becomes a separator: ".../a%2Fb" signs as ".../a/b/". Both in one pass: an escape never spans
// a '/', so decoding escape by escape is decoding the whole path.
constexpr std::size_t wire_path_capacity(std::string_view path) noexcept {
  return 1 + path.size() * kMaxEncodedPerByte;
}

enum class PathForm { wire, canonical };

/// `split` (when given) is set when an escape stood for '/', i.e. the two forms differ.
inline char* put_path(char* out, std::string_view path, PathForm form, bool* split = nullptr) noexcept {
  *out++ = '/';
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  for (std::size_t i = 0; i < path.size();) {
    const char c = path[i];
    if (c == '/') {
      *out++ = '/';
      ++i;
    } else if (c != '%') {
      out = put_encoded_byte(out, static_cast<unsigned char>(c));
      ++i;
    } else {
      const unsigned char decoded = next_decoded(path, i);
      if (decoded == '/' && form == PathForm::canonical) {
        *out++ = '/';
        if (split != nullptr) *split = true;
      } else {
        out = put_encoded_byte(out, decoded);
      }
    }
  }
  return out;
}

inline char* put_wire_path(char* out, std::string_view path) noexcept { return put_path(out, path, PathForm::wire); }

using QueryPair = std::pair<std::string, std::string>;

inline std::size_t canonical_query_capacity(const QueryParams& query) noexcept {
  std::size_t size = 0;
  for (const auto& [key, value] : query) size += (key.size() + value.size()) * kMaxEncodedPerByte + 2;  // '=' '&'
  return size;
}

// Pairs sorted by raw (decoded) byte order, key then value: the order the gateway and Python/Go/Node use.
inline char* put_canonical_query(char* out, const QueryParams& query) {
  if (query.empty()) return out;
  thread_local std::vector<const QueryPair*> sorted;
  sorted.clear();
  for (const auto& pair : query) sorted.push_back(&pair);
  std::sort(sorted.begin(), sorted.end(), [](const QueryPair* a, const QueryPair* b) { return *a < *b; });
  bool first = true;
  for (const QueryPair* pair : sorted) {
    if (!first) *out++ = '&';
    first = false;
    out = put_encoded(out, pair->first);
    *out++ = '=';
    out = put_encoded(out, pair->second);
  }
  return out;
}

}  // namespace modelarts::detail::codec
