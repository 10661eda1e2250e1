// SPDX-License-Identifier: Apache-2.0
#include "detail/redaction.hpp"

#include "detail/utf8.hpp"

#include <cstdint>
#include <cstring>
#include <unordered_set>

namespace modelarts::detail {
namespace {

constexpr int kMaxDecodeDepth = 8;
// How many distinct decodings one text may have before it counts as undecidable (withheld).
constexpr std::size_t kMaxViews = 48;

// Escape kinds. Each is also undone alone: all at once would read a secret's own "&amp;" or "%41" as escapes.
constexpr unsigned kPercent = 1, kJson = 2, kHex = 4, kHtml = 8, kAll = 15;
constexpr unsigned kDecoders[] = {kAll, kPercent, kJson, kHex, kHtml};

// A decoded view of the original text: each byte of `text` came from original bytes [begin[i], end[i]).
struct View {
  std::string text;
  std::vector<std::uint32_t> begin;
  std::vector<std::uint32_t> end;
};

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The value of `count` hex digits at `at`, or -1.
long hex_at(std::string_view text, std::size_t at, std::size_t count) noexcept {
  if (at + count > text.size()) return -1;
  long value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const int digit = hex_value(text[at + i]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

// UTF-8 of a code point; surrogates too (as their 3-byte form), so that nothing a decoder could produce is lost.
std::string utf8(unsigned long code_point) {
  std::string out;
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x110000) {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
  return out;
}

// One escape at `at` (JSON "\x", "\uXXXX" with surrogate pairs, C-style "\xHH", "%HH", HTML "&#N;", "&#xH;" and
// the five named entities): sets `length` to the bytes it spans and returns what it decodes to; "" for none.
std::string decode_escape(std::string_view text, std::size_t at, std::size_t& length, unsigned kinds) {
  const char c = text[at];
  if (c == '%' && (kinds & kPercent) != 0) {
    const long byte = hex_at(text, at + 1, 2);
    if (byte < 0) return {};
    length = 3;
    return std::string(1, static_cast<char>(byte));
  }
  if (c == '\\' && at + 1 < text.size() && (kinds & (kJson | kHex)) != 0) {
    const char next = text[at + 1];
    length = 2;
    if (next == 'x' ? (kinds & kHex) == 0 : (kinds & kJson) == 0) return {};
    switch (next) {
      case '"': case '\\': case '/': case '\'': return std::string(1, next);
      case 'b': return "\b";
      case 'f': return "\f";
      case 'n': return "\n";
      case 'r': return "\r";
      case 't': return "\t";
      case 'x': {
        const long byte = hex_at(text, at + 2, 2);
        if (byte < 0) return {};
        length = 4;
        return std::string(1, static_cast<char>(byte));
      }
      case 'u': {
        long unit = hex_at(text, at + 2, 4);
        if (unit < 0) return {};
        length = 6;
        if (unit >= 0xD800 && unit < 0xDC00 && text.substr(at + 6, 2) == "\\u") {
          const long low = hex_at(text, at + 8, 4);
          if (low >= 0xDC00 && low < 0xE000) {
            length = 12;
            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
          }
        }
        return utf8(static_cast<unsigned long>(unit));
      }
      default: return {};
    }
  }
  if (c == '&' && (kinds & kHtml) != 0) {
    const std::size_t semicolon = text.find(';', at);
    if (semicolon == std::string_view::npos || semicolon - at > 10) return {};
    const std::string_view entity = text.substr(at + 1, semicolon - at - 1);
    length = semicolon - at + 1;
    if (entity == "quot") return "\"";
    if (entity == "amp") return "&";
    if (entity == "lt") return "<";
    if (entity == "gt") return ">";
    if (entity == "apos") return "'";
    if (entity.size() >= 2 && entity[0] == '#') {
      const bool hex = entity[1] == 'x' || entity[1] == 'X';
      const std::string_view digits = entity.substr(hex ? 2 : 1);
      if (digits.empty()) return {};
      unsigned long value = 0;
      for (char d : digits) {
        const int digit = hex ? hex_value(d) : (d >= '0' && d <= '9' ? d - '0' : -1);
        if (digit < 0) return {};
        value = value * (hex ? 16 : 10) + static_cast<unsigned long>(digit);
      }
      return utf8(value);
    }
  }
  return {};
}

// Undoes one layer of the escapes of `kinds`; false when there was none.
bool decode_once(const View& in, View& out, unsigned kinds) {
  out.text.clear();
  out.begin.clear();
  out.end.clear();
  bool changed = false;
  const std::string_view text = in.text;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t length = 1;
    std::string decoded;
    const char c = text[at];
    if (c == '%' || c == '\\' || c == '&') decoded = decode_escape(text, at, length, kinds);
    if (decoded.empty()) {
      decoded.assign(1, c);
      length = 1;
    } else {
      changed = true;
    }
    for (char byte : decoded) {
      out.text.push_back(byte);
      out.begin.push_back(in.begin[at]);
      out.end.push_back(in.end[at + length - 1]);
    }
    at += length;
  }
  return changed;
}

std::uint64_t gram_at(const char* data) noexcept {
  std::uint64_t value = 0;
  std::memcpy(&value, data, sizeof value);
  return value;
}

static_assert(kSecretFragment == sizeof(std::uint64_t), "fragments are compared as 64-bit words");

class SecretMatcher {
 public:
  explicit SecretMatcher(const std::vector<std::string_view>& secrets) {
    for (std::string_view secret : secrets) {
      if (secret.empty()) continue;
      if (secret.size() < kSecretFragment) {
        whole_.push_back(secret);
        continue;
      }
      for (std::size_t at = 0; at + kSecretFragment <= secret.size(); ++at) {
        const std::uint64_t gram = gram_at(secret.data() + at);
        grams_.insert(gram);
        filter_[(gram * 0x9E3779B97F4A7C15ull) >> 52] = true;
      }
    }
  }

  bool empty() const noexcept { return whole_.empty() && grams_.empty(); }

  // Marks in `masked` (original coordinates) every stretch of `view` showing a secret; true when any does.
  bool mark(const View& view, std::vector<char>& masked) const {
    bool found = false;
    const std::string& text = view.text;
    const auto mark_range = [&](std::size_t first, std::size_t last) {  // view bytes [first, last]
      found = true;
      for (std::uint32_t i = view.begin[first]; i < view.end[last]; ++i) masked[i] = 1;
    };
    if (!grams_.empty() && text.size() >= kSecretFragment) {
      for (std::size_t at = 0; at + kSecretFragment <= text.size(); ++at) {
        const std::uint64_t gram = gram_at(text.data() + at);
        if (!filter_[(gram * 0x9E3779B97F4A7C15ull) >> 52] || grams_.count(gram) == 0) continue;
        mark_range(at, at + kSecretFragment - 1);
      }
    }
    for (std::string_view secret : whole_) {
      for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 1)) {
        mark_range(at, at + secret.size() - 1);
      }
    }
    return found;
  }

 private:
  std::unordered_set<std::uint64_t> grams_;
  std::vector<bool> filter_ = std::vector<bool>(4096);
  std::vector<std::string_view> whole_;
};

// Marks what shows a secret in `text` at every decoding depth, each escape kind undone alone and all together.
// Returns whether anything was found; sets `undecided` when escapes go deeper than kMaxDecodeDepth or the
// decodings are more than kMaxViews.
bool scan(const std::string& text, const SecretMatcher& matcher, std::vector<char>& masked, bool& undecided) {
  View view;
  view.text = text;
  view.begin.resize(text.size());
  view.end.resize(text.size());
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    view.begin[i] = i;
    view.end[i] = i + 1;
  }
  bool found = matcher.mark(view, masked);
  undecided = false;
  if (text.find_first_of("\\%&") == std::string::npos) return found;
  std::unordered_set<std::size_t> seen{std::hash<std::string>{}(text)};
  std::vector<View> frontier;
  frontier.push_back(std::move(view));
  for (int depth = 0; !frontier.empty(); ++depth) {
    std::vector<View> next;
    for (const View& current : frontier) {
      for (unsigned kinds : kDecoders) {
        View decoded;
        if (!decode_once(current, decoded, kinds) || !seen.insert(std::hash<std::string>{}(decoded.text)).second) {
          continue;
        }
        if (depth == kMaxDecodeDepth || seen.size() > kMaxViews) {
          undecided = true;
          return found;
        }
        found |= matcher.mark(decoded, masked);
        next.push_back(std::move(decoded));
      }
    }
    frontier = std::move(next);
  }
  return found;
}

bool continuation_byte(char c) noexcept { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

bool redact_secrets(std::string& text, const std::vector<std::string_view>& secrets) {
  if (text.empty() || text.size() > UINT32_MAX) return false;
  const SecretMatcher matcher(secrets);
  if (matcher.empty()) return false;
  std::vector<char> masked(text.size(), 0);
  bool undecided = false;
  if (!scan(text, matcher, masked, undecided) && !undecided) return false;
  // Whole characters only: a mask never leaves half of a UTF-8 sequence behind.
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (masked[i - 1] && !masked[i] && continuation_byte(text[i])) masked[i] = 1;
  }
  for (std::size_t i = text.size() - 1; i > 0; --i) {
    if (masked[i] && !masked[i - 1] && continuation_byte(text[i])) masked[i - 1] = 1;
  }
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!masked[i]) {
      out.push_back(text[i]);
    } else if (i == 0 || !masked[i - 1]) {
      out += "***";
    }
  }
  // Certain or withheld: what is left must show nothing at any depth.
  std::vector<char> left(out.size(), 0);
  if (undecided || scan(out, matcher, left, undecided) || undecided) out = std::string(kWithheldText);
  text = std::move(out);
  return true;
}

std::string escape_control(std::string_view text, std::size_t limit) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() < limit ? text.size() : limit);
  const auto escape = [&out](unsigned char byte) {
    out += "\\x";
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0xF]);
  };
  for (std::size_t at = 0; at < text.size();) {
    if (out.size() >= limit) {
      out += "...";
      break;
    }
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x20 || byte == 0x7F) {
      escape(byte);
      ++at;
      continue;
    }
    if (byte < 0x80) {
      out.push_back(static_cast<char>(byte));
      ++at;
      continue;
    }
    const std::size_t length = utf8_sequence_length(text, at);
    const bool valid = length != 0;
    if (!valid) {
      escape(byte);
      ++at;
      continue;
    }
    if (length == 2 && byte == 0xC2 && static_cast<unsigned char>(text[at + 1]) < 0xA0) {
      escape(byte);  // C1 control U+0080..U+009F
      escape(static_cast<unsigned char>(text[at + 1]));
    } else {
      out.append(text.substr(at, length));
    }
    at += length;
  }
  return out;
}

std::string redact_url(std::string_view url) {
  const std::size_t scheme_end = url.find("://");
  const std::size_t authority_start = scheme_end == std::string_view::npos ? 0 : scheme_end + 3;
  std::string shown(url.substr(0, authority_start));
  std::string_view rest = url.substr(authority_start);
  // The last '@' ends any user info, whatever the password holds ('/', '?', '#', '@').
  if (const std::size_t at = rest.rfind('@'); at != std::string_view::npos) {
    shown += "***@";
    rest.remove_prefix(at + 1);
  }
  const std::size_t query = rest.find_first_of("?#");
  shown += rest.substr(0, query);
  std::string out = escape_control(shown);
  if (query != std::string_view::npos) out += "?***";
  return out;
}

}  // namespace modelarts::detail
