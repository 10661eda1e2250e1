// SPDX-License-Identifier: Apache-2.0
#include "testing/emulator/obs/xml.hpp"

namespace modelarts::testing::detail::obs {
namespace {

/// The text between <name> and </name> starting at or after `from`, and where it ends; nullopt if absent.
std::optional<std::pair<std::string_view, std::size_t>> element(std::string_view doc, std::string_view name,
                                                                std::size_t from, std::size_t until) {
  const std::string open = "<" + std::string(name) + ">";
  const std::string close = "</" + std::string(name) + ">";
  const std::size_t start = doc.find(open, from);
  if (start == std::string_view::npos || start >= until) return std::nullopt;
  const std::size_t text = start + open.size();
  const std::size_t end = doc.find(close, text);
  if (end == std::string_view::npos || end > until) return std::nullopt;
  return std::make_pair(doc.substr(text, end - text), end + close.size());
}

std::string unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      for (const auto& [entity, c] : {std::pair<std::string_view, char>{"&quot;", '"'}, {"&amp;", '&'},
                                      {"&lt;", '<'}, {"&gt;", '>'}, {"&apos;", '\''}}) {
        if (text.compare(i, entity.size(), entity) == 0) {
          out += c;
          i += entity.size() - 1;
          goto next;
        }
      }
    }
    out += text[i];
  next:;
  }
  return out;
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\r' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\r' || text.back() == '\t'))
    text.remove_suffix(1);
  return unescape(text);
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string error_document(std::string_view code, std::string_view message, std::string_view request_id,
                           std::string_view extra_elements) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Error><Code>";
  out += xml_escape(code);
  out += "</Code><Message>";
  out += xml_escape(message);
  out += "</Message><RequestId>";
  out += xml_escape(request_id);
  out += "</RequestId><HostId>modelarts-emulator</HostId>";
  out += extra_elements;
  out += "</Error>";
  return out;
}

std::optional<std::vector<std::pair<std::string, std::string>>> complete_parts(std::string_view body) {
  const auto root = element(body, "CompleteMultipartUpload", 0, body.size());
  if (!root) return std::nullopt;
  const std::string_view doc = root->first;
  std::vector<std::pair<std::string, std::string>> parts;
  std::size_t at = 0;
  while (auto part = element(doc, "Part", at, doc.size())) {
    const std::string_view inner = part->first;
    const auto number = element(inner, "PartNumber", 0, inner.size());
    const auto etag = element(inner, "ETag", 0, inner.size());
    if (!number || !etag) return std::nullopt;
    parts.emplace_back(trimmed(number->first), trimmed(etag->first));
    at = part->second;
  }
  return parts;
}

}  // namespace modelarts::testing::detail::obs
