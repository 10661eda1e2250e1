// SPDX-License-Identifier: Apache-2.0
// The OBS signer against every vector of test/data/obs-sign-vectors.json (computed with esdk-obs-nodejs
// 3.26.8 and an independent implementation), plus the rules the vectors leave out: the pre-signed form,
// path-style resources, dates.
#include <fstream>
#include <sstream>
#include <string>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <modelarts/error.hpp>
#include <modelarts/obs_signer.hpp>

namespace json = boost::json;
using namespace modelarts;

namespace {

json::value load_vectors() {
  std::ifstream file(MODELARTS_SOURCE_DIR "/test/data/obs-sign-vectors.json", std::ios::binary);
  BOOST_REQUIRE_MESSAGE(file, "cannot open obs-sign-vectors.json");
  std::stringstream text;
  text << file.rdbuf();
  return json::parse(text.str());
}

std::string str(const json::value& v) { return std::string(v.as_string()); }

obs::ObsRequest request_of(const json::object& input, bool headers_as_given) {
  obs::ObsRequest request;
  request.method = str(input.at("method"));
  request.bucket = str(input.at("bucket"));
  if (!input.at("key_decoded").is_null()) request.key = str(input.at("key_decoded"));
  for (const auto& pair : input.at("query_decoded").as_array())
    request.query.emplace_back(str(pair.as_array().at(0)), str(pair.as_array().at(1)));
  if (headers_as_given) {
    for (const auto& pair : input.at("headers_as_given").as_array())
      request.headers.emplace_back(str(pair.as_array().at(0)), str(pair.as_array().at(1)));
  } else {
    for (const auto& item : input.at("headers").as_object()) {
      if (item.key() != "Host") request.headers.emplace_back(std::string(item.key()), str(item.value()));
    }
  }
  return request;
}

const SigningCredentials kCredentials{"HPUAOBSEXAMPLEAK0001", "ObsExampleSecretKey0123456789abcdefGHIJKL", ""};

std::string header(const obs::ObsSignedRequest& signed_request, const std::string& name) {
  for (const auto& [key, value] : signed_request.headers) {
    if (key == name) return value;
  }
  return "<absent>";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(obs_signer)

BOOST_AUTO_TEST_CASE(every_vector) {
  const json::value file = load_vectors();
  const auto& vectors = file.at("vectors").as_array();
  BOOST_REQUIRE_EQUAL(vectors.size(), 13u);
  int variants = 0;
  for (const auto& vector : vectors) {
    const auto& input = vector.at("input").as_object();
    const auto& expected = vector.at("expected").as_object();
    const auto type = str(input.at("signature_type")) == "OBS native" ? obs::SignatureType::obs
                                                                       : obs::SignatureType::s3_v2;
    for (const bool as_given : {false, true}) {
      if (as_given && !input.contains("headers_as_given")) continue;
      ++variants;
      BOOST_TEST_CONTEXT("vector " << str(vector.at("name")) << (as_given ? " (headers as given)" : "")) {
        SigningCredentials credentials{str(input.at("ak")), str(input.at("sk")), ""};
        const obs::ObsRequest request = request_of(input, as_given);
        // A date we would have chosen must lose to the request's own Date / x-obs-date.
        const auto signed_request = obs::sign_obs_request(request, credentials, "Thu, 01 Jan 1970 00:00:00 GMT", type);
        BOOST_TEST(signed_request.string_to_sign == str(expected.at("string_to_sign")));
        BOOST_TEST(signed_request.signature == str(expected.at("signature")));
        BOOST_TEST(signed_request.authorization == str(expected.at("authorization")));
        BOOST_TEST(header(signed_request, "Authorization") == str(expected.at("authorization")));
        const std::string target = str(expected.at("request_target"));
        BOOST_TEST(signed_request.target.substr(0, signed_request.target.find('?')) ==
                   target.substr(0, target.find('?')));
        const std::string path = obs::request_path(request.bucket, request.key, obs::Addressing::virtual_hosted);
        const std::string resource = obs::canonical_resource(request.bucket, path, request.query);
        BOOST_TEST(resource == str(expected.at("canonical_resource")));
      }
    }
  }
  BOOST_TEST(variants == 14);
}

BOOST_AUTO_TEST_CASE(security_token_is_added_and_signed) {
  obs::ObsRequest request;
  request.method = "HEAD";
  request.bucket = "ma-stage-bkt";
  request.key = "stage/9f2c/code/train.py";
  SigningCredentials credentials = kCredentials;
  credentials.security_token = "gQpjbi1ub3J0aC00iExampleSecurityToken+/0123456789abcdefEXAMPLE==";
  const auto signed_request = obs::sign_obs_request(request, credentials, "Mon, 04 Jan 2027 06:05:04 GMT");
  // The same as the temporary_credentials_security_token vector, where the caller set the header itself.
  BOOST_TEST(signed_request.authorization == "OBS HPUAOBSEXAMPLEAK0001:49hK2vW/mNsh80QOWRH/MikHXyU=");
  BOOST_TEST(header(signed_request, "x-obs-security-token") == credentials.security_token);
  BOOST_TEST(header(signed_request, "Date") == "Mon, 04 Jan 2027 06:05:04 GMT");
  const auto s3 = obs::sign_obs_request(request, credentials, "Mon, 04 Jan 2027 06:05:04 GMT",
                                        obs::SignatureType::s3_v2);
  BOOST_TEST(header(s3, "x-amz-security-token") == credentials.security_token);
  BOOST_TEST(s3.string_to_sign.find("x-amz-security-token:") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(path_style_resource_and_target) {
  obs::ObsRequest request;
  request.method = "GET";
  request.bucket = "modelarts-emulator";
  request.addressing = obs::Addressing::path_style;
  request.query = {{"prefix", "a b/"}, {"max-keys", "2"}};
  const auto bucket_level = obs::sign_obs_request(request, kCredentials, "Sun, 29 Nov 2026 08:30:00 GMT");
  BOOST_TEST(bucket_level.target == "/modelarts-emulator?prefix=a%20b%2F&max-keys=2");
  BOOST_TEST(bucket_level.string_to_sign == "GET\n\n\nSun, 29 Nov 2026 08:30:00 GMT\n/modelarts-emulator");
  request.key = "dir/a+b.txt";
  request.query = {{"uploadId", "ABC"}, {"partNumber", "2"}, {"uploadId", "ignored"}};
  const auto object = obs::sign_obs_request(request, kCredentials, "Sun, 29 Nov 2026 08:30:00 GMT");
  BOOST_TEST(object.target == "/modelarts-emulator/dir/a%2Bb.txt?uploadId=ABC&partNumber=2&uploadId=ignored");
  BOOST_TEST(object.string_to_sign ==
             "GET\n\n\nSun, 29 Nov 2026 08:30:00 GMT\n/modelarts-emulator/dir/a%2Bb.txt?partNumber=2&uploadId=ABC");
  request.query = {{"uploads", ""}};
  BOOST_TEST(obs::sign_obs_request(request, kCredentials, "x").target == "/modelarts-emulator/dir/a%2Bb.txt?uploads");
}

BOOST_AUTO_TEST_CASE(presigned_target) {
  obs::ObsRequest request;
  request.method = "GET";
  request.bucket = "bkt";
  request.key = "logs/a.log";
  const std::string target = obs::presign_target(request, kCredentials, 1800000000);
  const std::string signature = obs::signature_of(kCredentials.secret_key, "GET\n\n\n1800000000\n/bkt/logs/a.log");
  BOOST_TEST(target == "/logs/a.log?AccessKeyId=HPUAOBSEXAMPLEAK0001&Expires=1800000000&Signature=" +
                           percent_encode(signature));
  SigningCredentials temporary = kCredentials;
  temporary.security_token = "tok+en";
  request.addressing = obs::Addressing::path_style;
  const std::string with_token = obs::presign_target(request, temporary, 1800000000, obs::SignatureType::s3_v2);
  const std::string token_signature =
      obs::signature_of(kCredentials.secret_key, "GET\n\n\n1800000000\n/bkt/logs/a.log?x-amz-security-token=tok+en");
  BOOST_TEST(with_token == "/bkt/logs/a.log?x-amz-security-token=tok%2Ben&AWSAccessKeyId=HPUAOBSEXAMPLEAK0001"
                           "&Expires=1800000000&Signature=" + percent_encode(token_signature));
}

BOOST_AUTO_TEST_CASE(http_dates) {
  using std::chrono::system_clock;
  const auto t = system_clock::from_time_t(1795940999);  // Sun, 29 Nov 2026 08:29:59 GMT
  BOOST_TEST(obs::format_http_date(t) == "Sun, 29 Nov 2026 08:29:59 GMT");
  for (const char* text : {"Sun, 29 Nov 2026 08:29:59 GMT", "SUN, 29 NOV 2026 08:29:59 +0000",
                           "Sunday, 29-Nov-26 08:29:59 GMT", "Sun Nov 29 08:29:59 2026", "29 Nov 2026 08:29:59 UTC"}) {
    system_clock::time_point parsed;
    BOOST_TEST_CONTEXT(text) {
      BOOST_TEST(obs::parse_http_date(text, parsed));
      BOOST_TEST((parsed == t));
    }
  }
  for (const char* text : {"", "yesterday", "Sun, 29 Nov 2026 08:29 GMT", "Sun, 32 Nov 2026 08:29:59 GMT",
                           "Sun, 29 Foo 2026 08:29:59 GMT", "Sun, 29 Nov 2026 08:29:59 CET", "20261129T082959Z"}) {
    system_clock::time_point parsed;
    BOOST_TEST(!obs::parse_http_date(text, parsed), text);
  }
}

BOOST_AUTO_TEST_CASE(bad_headers_are_refused) {
  obs::ObsRequest request;
  request.method = "PUT";
  request.bucket = "bkt";
  request.key = "k";
  request.headers = {{"x-obs-meta-a", "v\r\nInjected: 1"}};
  BOOST_CHECK_THROW(obs::sign_obs_request(request, kCredentials, "d"), InvalidArgumentError);
  request.headers = {{"bad name", "v"}};
  BOOST_CHECK_THROW(obs::sign_obs_request(request, kCredentials, "d"), InvalidArgumentError);
}

BOOST_AUTO_TEST_CASE(digests) {
  BOOST_TEST(obs::md5_hex("") == "d41d8cd98f00b204e9800998ecf8427e");
  BOOST_TEST(obs::md5_base64("import torch\nprint('hello from ModelArts')\n") == "mSgSfmmHA13+oWzz2tjGWQ==");
  BOOST_TEST(obs::encode_object_key("a b/c~d+é") == "a%20b/c~d%2B%C3%A9");
}

BOOST_AUTO_TEST_SUITE_END()
