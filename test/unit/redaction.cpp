// SPDX-License-Identifier: Apache-2.0
// The one redaction function (detail::redact_secrets) on every form a server may quote a secret in, the URL
// and control-byte cleaning of what messages show.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "detail/redaction.hpp"

using namespace modelarts::detail;

namespace {

const std::string kSecret = "SKsecret/7f3b\"9c1e\\5d2a-XYZZY";
const std::string kToken = "MIIYXQYJKoZIhvcNAQcCoIIYTjCCGEoCAQExDTALBglghkgBZQMEAgEwghZrBgkqhkiG9w0BBwGgghZc";

std::string redacted(std::string text, const std::vector<std::string_view>& secrets = {kSecret, kToken}) {
  redact_secrets(text, secrets);
  return text;
}

std::string json_escaped(const std::string& text) {  // as a JSON encoder that escapes '/' writes it
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\' || c == '/') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string all_u_escaped(const std::string& text, bool upper) {
  std::string out;
  char buffer[8];
  for (char c : text) {
    std::snprintf(buffer, sizeof buffer, upper ? "\\u%04X" : "\\u%04x", static_cast<unsigned char>(c));
    out += buffer;
  }
  return out;
}

std::string percent_encoded(const std::string& text, bool upper, bool everything) {
  std::string out;
  char buffer[4];
  for (char c : text) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (plain && !everything) {
      out.push_back(c);
      continue;
    }
    std::snprintf(buffer, sizeof buffer, upper ? "%%%02X" : "%%%02x", static_cast<unsigned char>(c));
    out += buffer;
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(redaction)

BOOST_AUTO_TEST_CASE(every_encoding_of_a_secret_is_masked) {
  const std::vector<std::pair<std::string, std::string>> forms = {
      {"raw", kSecret},
      {"json", json_escaped(kSecret)},
      {"all \\u lower", all_u_escaped(kSecret, false)},
      {"all \\u upper", all_u_escaped(kSecret, true)},
      {"percent upper", percent_encoded(kSecret, true, false)},
      {"percent lower", percent_encoded(kSecret, false, false)},
      {"percent every byte", percent_encoded(kSecret, false, true)},
      {"json of percent", json_escaped(percent_encoded(kSecret, true, false))},
      {"percent of json", percent_encoded(json_escaped(kSecret), true, false)},
      {"\\u of json", all_u_escaped(json_escaped(kSecret), false)},
      {"percent of percent", percent_encoded(percent_encoded(kSecret, true, true), true, true)},
      {"html", "SKsecret&#47;7f3b&quot;9c1e&#x5C;5d2a-XYZZY"},
      {"\\x", "SKsecret\\x2f7f3b\\x229c1e\\x5c5d2a-XYZZY"},
      {"prefix of 8", kSecret.substr(0, 8)},
      {"middle 8, json", json_escaped(kSecret.substr(7, 8))},
      {"suffix, percent", percent_encoded(kSecret.substr(kSecret.size() - 9), false, true)},
      {"token prefix", kToken.substr(0, 40)},
      {"token middle, \\u", all_u_escaped(kToken.substr(10, 30), true)},
  };
  for (const auto& [name, form] : forms) {
    BOOST_TEST_CONTEXT(name << ": " << form) {
      BOOST_TEST(redacted("{\"error_msg\":\"sig mismatch: <" + form + "> rest\"}") ==
                 "{\"error_msg\":\"sig mismatch: <***> rest\"}");
    }
  }
}

BOOST_AUTO_TEST_CASE(text_without_a_secret_is_left_alone) {
  std::string text = "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information: "
                     "verify aksk signature fail, SKsecre (7 bytes), \\u0041%41&amp;\"}";
  const std::string before = text;
  BOOST_TEST(!redact_secrets(text, {kSecret, kToken}));
  BOOST_TEST(text == before);
  BOOST_TEST(!redact_secrets(text, {}));
  BOOST_TEST(!redact_secrets(text, {"", ""}));
}

BOOST_AUTO_TEST_CASE(short_secrets_are_masked_whole_and_fragments_only_from_eight_bytes) {
  BOOST_TEST(redacted("user pw=abc12 ok", {"abc12"}) == "user pw=*** ok");
  BOOST_TEST(redacted("user pw=abc%31%32 ok", {"abc12"}) == "user pw=*** ok");
  BOOST_TEST(redacted("first 7: SKsecre", {kSecret}) == "first 7: SKsecre");
}

BOOST_AUTO_TEST_CASE(masks_whole_utf8_characters) {
  const std::string secret = "p\xC3\xA4sswo\xC3\xB6rd-\xE2\x82\xAC-secret";  // pässwoörd-€-secret
  // A fragment starting inside a character: the whole character goes.
  const std::string text = "x \xC4\xB6rd-\xE2\x82\xAC- y";  // "ķrd-€-": only "\xB6rd-€-" is from the secret
  BOOST_TEST(redacted(text, {secret}) == "x *** y");
  BOOST_TEST(redacted("x " + all_u_escaped("sswo", false) + "\\u00f6rd-\\u20ac y", {secret}) == "x *** y");
}

BOOST_AUTO_TEST_CASE(text_escaped_deeper_than_it_can_undo_is_withheld) {
  std::string deep = kSecret;
  for (int i = 0; i < 10; ++i) deep = percent_encoded(deep, true, true);
  BOOST_TEST(redacted("echo " + deep) == std::string(kWithheldText));
  // Nesting that deep without any secret configured is left as it is (nothing to hide).
  std::string text = "echo " + deep;
  BOOST_TEST(!redact_secrets(text, {}));
}

BOOST_AUTO_TEST_CASE(adjacent_and_overlapping_echoes_become_one_mask) {
  BOOST_TEST(redacted(kSecret + kSecret + " " + kToken) == "*** ***");
}

BOOST_AUTO_TEST_CASE(urls_lose_user_info_query_and_fragment) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"https://user:pa/ss@host/", "https://***@host/"},
      {"https://user:pa#ss@host/x", "https://***@host/x"},
      {"https://user:pa?ss@host/", "https://***@host/"},
      {"https://user:p@ss@host:8443/v1", "https://***@host:8443/v1"},
      {"https://host/p?access_token=abcdef", "https://host/p?***"},
      {"https://host/p#frag", "https://host/p?***"},
      {"user:password@host", "***@host"},
      {"https://host\r\n\x1b[2J/", "https://host\\x0d\\x0a\\x1b[2J/"},
      {"https://modelarts.cn-north-4.myhuaweicloud.com", "https://modelarts.cn-north-4.myhuaweicloud.com"},
  };
  for (const auto& [url, shown] : cases) BOOST_TEST(redact_url(url) == shown);
}

BOOST_AUTO_TEST_CASE(control_bytes_and_invalid_utf8_are_escaped) {
  for (int byte = 0; byte < 0x20; ++byte) {
    char expected[8];
    std::snprintf(expected, sizeof expected, "a\\x%02xb", byte);
    BOOST_TEST(escape_control(std::string("a") + static_cast<char>(byte) + "b") == expected);
  }
  BOOST_TEST(escape_control("a\x7f" "b") == "a\\x7fb");
  for (int c1 = 0x80; c1 < 0xA0; ++c1) {
    char expected[16];
    std::snprintf(expected, sizeof expected, "\\xc2\\x%02x", c1);
    BOOST_TEST(escape_control(std::string("\xC2") + static_cast<char>(c1)) == expected);
  }
  BOOST_TEST(escape_control("caf\xC3\xA9 \xE2\x82\xAC \xC2\xA0") == "caf\xC3\xA9 \xE2\x82\xAC \xC2\xA0");
  BOOST_TEST(escape_control("bad\xff\xfe") == "bad\\xff\\xfe");
  BOOST_TEST(escape_control("\xED\xA0\x80") == "\\xed\\xa0\\x80");  // a surrogate is not UTF-8
  BOOST_TEST(escape_control(std::string(300, 'x'), 10) == "xxxxxxxxxx...");
}

BOOST_AUTO_TEST_SUITE_END()
