// SPDX-License-Identifier: Apache-2.0
#include "detail/error_decoding.hpp"

#include <algorithm>
#include <utility>

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace modelarts::detail {
namespace {

namespace json = boost::json;

constexpr std::size_t kRawBodyLimit = 64 * 1024;

// Parsed, a v1 reply takes 2.1x to 2.4x the size of its text (Boost.JSON 1.81, emulator job replies): start the
// arena at 2.5x so a reply usually fits in its first block. Only for replies up to 64 KiB: for list pages of
// hundreds of KiB, a block that size next to the reply body raised the pager's peak RSS from 1.9 to 3.0 MB
// (benchmark 5) for no gain in latency that matters.
constexpr std::size_t kArenaBodyLimit = 64 * 1024;
std::size_t arena_size(std::size_t body_size) { return std::max<std::size_t>(1024, body_size / 2 * 5); }

std::string as_text(const json::value& value) {
  if (value.is_string()) return std::string(value.get_string());
  if (value.is_null()) return {};
  return json::serialize(value);
}

// Code/message key pairs in the order the official SDKs try them.
constexpr std::pair<std::string_view, std::string_view> kKeyPairs[] = {
    {"error_code", "error_msg"}, {"error_code", "error_message"}, {"errorCode", "errorMsg"}, {"code", "message"}};

// Finds code and message in `object` or, failing that, in nested objects (Keystone's {"error":{...}}).
bool find_code_and_message(const json::object& object, std::string& code, std::string& message, int depth) {
  for (const auto& [code_key, message_key] : kKeyPairs) {
    const json::value* code_value = object.if_contains(code_key);
    const json::value* message_value = object.if_contains(message_key);
    if (code_value != nullptr && message_value != nullptr) {
      code = as_text(*code_value);
      message = as_text(*message_value);
      return true;
    }
  }
  for (const auto& [code_key, message_key] : kKeyPairs) {
    const json::value* code_value = object.if_contains(code_key);
    const json::value* message_value = object.if_contains(message_key);
    if (code_value != nullptr || message_value != nullptr) {
      if (code_value != nullptr) code = as_text(*code_value);
      if (message_value != nullptr) message = as_text(*message_value);
      return true;
    }
  }
  if (depth >= 3) return false;
  for (const auto& item : object) {
    if (item.value().is_object() && find_code_and_message(item.value().get_object(), code, message, depth + 1)) {
      return true;
    }
  }
  return false;
}

// The body parsed (null when empty). A small reply gets one arena, sized from the body: its parse makes one or
// two allocations instead of one per object, array and long string, and the value (shared by the copies
// decoders make) frees it at once.
json::value parse_body(const std::string& body, bool& is_json) {
  is_json = true;
  if (body.empty()) return nullptr;
  boost::system::error_code ec;
  json::value parsed =
      body.size() <= kArenaBodyLimit
          ? json::parse(body, ec, json::make_shared_resource<json::monotonic_resource>(arena_size(body.size())))
          : json::parse(body, ec);
  if (!ec) return parsed;
  is_json = false;
  return nullptr;
}

bool says_failure(const json::value& parsed) {
  const auto* object = parsed.if_object();
  if (object == nullptr) return false;
  const json::value* success = object->if_contains("is_success");
  if (success == nullptr) return false;
  if (success->is_bool()) return !success->get_bool();
  if (success->is_string()) return success->get_string() == "false";
  return false;
}

// The length of the valid UTF-8 sequence at the start of `text` (RFC 3629: no overlongs, no surrogates, at most
// U+10FFFF), or 0 when it does not start with one.
std::size_t utf8_sequence(std::string_view text) noexcept {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (text.size() < length || byte(1) < low || byte(1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  }
  return length;
}

// A Content-Encoding other than identity: the body is compressed (the SDK asks for identity; a server that
// ignores that gets its body named, not quoted).
std::string_view content_encoding(const HttpResponse& response) {
  std::string_view encoding = response.header("Content-Encoding");
  if (encoding.empty() || encoding == "identity") return {};
  return encoding;
}

std::string encoded_body_note(std::string_view encoding) {
  return "the reply body is encoded (Content-Encoding: " + body_excerpt(encoding, 40) +
         ") although identity was asked for; it was not decoded";
}

}  // namespace

std::string body_excerpt(std::string_view body, std::size_t limit) {
  std::string out;
  out.reserve(std::min(body.size(), limit));
  bool in_tag = false;
  bool pending_space = false;
  for (char c : body) {
    if (c == '<') {
      in_tag = true;
      pending_space = true;
      continue;
    }
    if (in_tag) {
      if (c == '>') in_tag = false;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.push_back(static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? ' ' : c);
    if (out.size() >= limit) {
      out += "...";
      break;
    }
  }
  // Error messages are valid UTF-8: a byte that does not start a whole sequence becomes U+FFFD.
  std::string valid;
  valid.reserve(out.size());
  for (std::size_t at = 0; at < out.size();) {
    const std::size_t length = utf8_sequence(std::string_view(out).substr(at));
    if (length == 0) {
      valid += "\xEF\xBF\xBD";
      ++at;
    } else {
      valid.append(out, at, length);
      at += length;
    }
  }
  return valid;
}

ApiErrorDetails api_error_details(std::string_view method, std::string_view path, const HttpResponse& response,
                                  const json::value* parsed) {
  ApiErrorDetails details;
  details.http_status = response.status;
  details.method = std::string(method);
  details.path = std::string(path);
  details.raw_body = response.body.substr(0, kRawBodyLimit);
  bool found = false;
  if (parsed != nullptr && parsed->is_object()) {
    const json::object& object = parsed->get_object();
    found = find_code_and_message(object, details.error_code, details.error_msg, 0);
    if (const json::value* solution = object.if_contains("error_solution")) details.error_solution = as_text(*solution);
    if (const json::value* id = object.if_contains("request_id")) details.request_id = as_text(*id);
    if (const json::value* solution = object.if_contains("error_solution")) details.error_solution = as_text(*solution);
  }
  if (details.error_code.empty()) details.error_code = std::to_string(response.status);
  if (!found) {
    const std::string_view encoding = content_encoding(response);
    details.error_msg = encoding.empty() ? body_excerpt(response.body) : encoded_body_note(encoding);
  }
  if (details.request_id.empty()) details.request_id = std::string(response.header("X-Request-Id"));
  return details;
}

Result<ApiResponse> decode_response(std::string_view method, std::string_view path, HttpResponse response,
                                    Envelope envelope, AttemptLog attempts) {
  bool is_json = true;
  json::value parsed = parse_body(response.body, is_json);
  // Redirects are not followed, and anything outside 2xx is not the documented success.
  const bool failed = response.status < 200 || response.status >= 300 || (envelope == Envelope::v1 && is_json && says_failure(parsed));
  if (failed) {
    ErrorInfo error;
    error.category = ErrorCategory::api;
    error.api = api_error_details(method, path, response, is_json && !response.body.empty() ? &parsed : nullptr);
    error.message = ApiError(error.api).what();
    if (!attempts.empty()) attempts.last().error_code = error.api.error_code;
    error.attempts = std::move(attempts);
    return error;
  }
  if (!is_json) {
    ErrorInfo error;
    error.category = ErrorCategory::transport;
    error.transport_kind = TransportErrorKind::invalid_reply;
    const std::string_view encoding = content_encoding(response);
    error.message = std::string(method) + ' ' + std::string(path) + " -> " + std::to_string(response.status) +
                    (encoding.empty() ? ": reply is not JSON: " + body_excerpt(response.body, 80)
                                      : ": " + encoded_body_note(encoding));
    error.attempts = std::move(attempts);
    return error;
  }
  // Constructed, not assigned: a json::value moves in O(1) only into a value of the same storage.
  return ApiResponse{response.status, std::move(response.headers), std::move(response.body), std::move(parsed),
                     std::move(attempts), {}};
}

}  // namespace modelarts::detail
