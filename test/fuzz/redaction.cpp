// SPDX-License-Identifier: Apache-2.0
// Fuzz target: detail::redact_secrets. The input picks a secret, a piece of it (8 bytes or more), up to three
// layers of encodings a server may apply (JSON escapes of any subset of characters, "\u" in either case, percent
// in either case, HTML entities, "\x"), and the text around it. Finding: any 8-byte piece of a secret that a
// decoder (each kind alone or all at once, layer after layer) can bring back from the redacted text.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "detail/redaction.hpp"

namespace {

using modelarts::detail::redact_secrets;

const std::vector<std::string>& secrets() {
  static const std::vector<std::string> all = {
      "SKfuzz/\"\\secret-7f3b9c1e",
      "MIIFUZZtoken+/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/==",
      "p\xC3\xA4ssw\xC3\xB6rd-\xE2\x82\xAC/\"&amp;%41<x>",
  };
  return all;
}

/// Reads choices from the input, then zeros.
struct Choices {
  const std::uint8_t* data;
  std::size_t size;
  std::uint8_t next() {
    if (size == 0) return 0;
    --size;
    return *data++;
  }
};

enum Layer { json, u_lower, u_upper, percent_upper, percent_lower, html, c_hex, kLayers };

std::string apply(Layer layer, const std::string& text, Choices& choices) {
  std::string out;
  char buffer[16];
  std::uint8_t mask = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i % 8 == 0) mask = choices.next();
    const bool encode = (mask >> (i % 8)) & 1;
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    switch (layer) {
      case json:
        if (c == '"' || c == '\\' || (c == '/' && encode)) out.push_back('\\');
        out.push_back(c);
        break;
      case u_lower:
      case u_upper:
        if (encode || c == '"' || c == '\\') {
          std::snprintf(buffer, sizeof buffer, layer == u_upper ? "\\u%04X" : "\\u%04x", byte);
          out += buffer;
        } else {
          out.push_back(c);
        }
        break;
      case percent_upper:
      case percent_lower:
        if (encode || c == '%') {
          std::snprintf(buffer, sizeof buffer, layer == percent_upper ? "%%%02X" : "%%%02x", byte);
          out += buffer;
        } else {
          out.push_back(c);
        }
        break;
      case html:
        if (c == '&') out += "&amp;";
        else if (c == '"' && encode) out += "&quot;";
        else if (encode) out += "&#" + std::to_string(byte) + ";";
        else out.push_back(c);
        break;
      case c_hex:
        if (encode || c == '\\') {
          std::snprintf(buffer, sizeof buffer, "\\x%02x", byte);
          out += buffer;
        } else {
          out.push_back(c);
        }
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

int hex(char c) {
  return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

std::string utf8(unsigned long cp) {
  std::string out;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
  return out;
}

// A decoder of one kind (or all, kLayers), written apart from the library's.
std::string decode(const std::string& text, int kind) {
  const bool all = kind == kLayers;
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((all || kind == percent_upper) && c == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 &&
        hex(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2])));
      i += 2;
    } else if ((all || kind == json) && c == '\\' && i + 1 < text.size() &&
               std::string_view("\"\\/").find(text[i + 1]) != std::string_view::npos) {
      out.push_back(text[++i]);
    } else if ((all || kind == json) && c == '\\' && i + 5 < text.size() && text[i + 1] == 'u' &&
               hex(text[i + 2]) >= 0 && hex(text[i + 3]) >= 0 && hex(text[i + 4]) >= 0 && hex(text[i + 5]) >= 0) {
      out += utf8(static_cast<unsigned long>(((hex(text[i + 2]) * 16 + hex(text[i + 3])) * 16 + hex(text[i + 4])) * 16 +
                                             hex(text[i + 5])));
      i += 5;
    } else if ((all || kind == c_hex) && c == '\\' && i + 3 < text.size() && text[i + 1] == 'x' &&
               hex(text[i + 2]) >= 0 && hex(text[i + 3]) >= 0) {
      out.push_back(static_cast<char>(hex(text[i + 2]) * 16 + hex(text[i + 3])));
      i += 3;
    } else if ((all || kind == html) && c == '&') {
      const std::size_t semicolon = text.find(';', i);
      const std::string entity = semicolon == std::string::npos ? "" : text.substr(i + 1, semicolon - i - 1);
      std::string decoded;
      if (entity == "amp") decoded = "&";
      else if (entity == "quot") decoded = "\"";
      else if (entity.size() > 1 && entity.size() < 8 && entity[0] == '#' &&
               entity.find_first_not_of("0123456789", 1) == std::string::npos) {
        decoded = utf8(std::strtoul(entity.c_str() + 1, nullptr, 10));
      }
      if (decoded.empty()) {
        out.push_back(c);
      } else {
        out += decoded;
        i = semicolon;
      }
    } else {
      out.push_back(c);
    }
  }
  return out;
}

bool shows_a_piece(const std::string& text) {
  for (const std::string& secret : secrets()) {
    for (std::size_t at = 0; at + 8 <= secret.size(); ++at) {
      if (text.find(std::string_view(secret).substr(at, 8)) != std::string::npos) return true;
    }
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Choices choices{data, size};
  const std::string& secret = secrets()[choices.next() % secrets().size()];
  const std::size_t start = choices.next() % (secret.size() - 7);
  const std::size_t length = 8 + choices.next() % (secret.size() - start - 7);
  std::string echo = secret.substr(start, length);
  const int layers = choices.next() % 4;
  for (int i = 0; i < layers; ++i) echo = apply(static_cast<Layer>(choices.next() % kLayers), echo, choices);
  // The rest of the input is the text around the echo.
  const std::string rest(reinterpret_cast<const char*>(choices.data), choices.size);
  std::string text = rest.substr(0, rest.size() / 2) + echo + rest.substr(rest.size() / 2);

  std::vector<std::string_view> views(secrets().begin(), secrets().end());
  redact_secrets(text, views);
  if (text == modelarts::detail::kWithheldText) return 0;

  // Every decoding a reader could apply, four layers deep.
  std::set<std::string> seen{text};
  std::vector<std::string> frontier{text};
  for (int depth = 0; depth <= 4 && !frontier.empty(); ++depth) {
    std::vector<std::string> next;
    for (const std::string& candidate : frontier) {
      if (shows_a_piece(candidate)) {
        std::fprintf(stderr, "secret piece survives redaction: [%s] from [%s]\n", candidate.c_str(), text.c_str());
        std::abort();
      }
      for (int kind : {static_cast<int>(json), static_cast<int>(percent_upper), static_cast<int>(html),
                       static_cast<int>(c_hex), static_cast<int>(kLayers)}) {
        std::string decoded = decode(candidate, kind);
        if (seen.size() < 256 && seen.insert(decoded).second) next.push_back(std::move(decoded));
      }
    }
    frontier = std::move(next);
  }
  return 0;
}
