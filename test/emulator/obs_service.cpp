// SPDX-License-Identifier: Apache-2.0
// The emulator's OBS subset against the reference (OBS API Reference), with plain HTTP
// requests whose string-to-sign is written out by hand here (only HMAC-SHA1 + Base64 come from the library).
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include <modelarts/obs_signer.hpp>
#include <modelarts/testing/emulator.hpp>

#include "support/http_client.hpp"

namespace {

namespace http = boost::beast::http;
namespace mt = modelarts::testing;
using modelarts::test::ClientResult;

const std::string kBucket = mt::kDefaultBucket;

std::string now_date(std::chrono::seconds offset = std::chrono::seconds(0)) {
  return modelarts::obs::format_http_date(std::chrono::system_clock::now() + offset);
}

/// "OBS AK:" + Base64(HMAC-SHA1(SK, text)), with the emulator's default key.
std::string obs_auth(const std::string& text, const char* scheme = "OBS") {
  return std::string(scheme) + " " + mt::kDefaultAccessKey + ":" +
         modelarts::obs::signature_of(mt::kDefaultSecretKey, text);
}

struct ObsFixture {
  explicit ObsFixture(mt::EmulatorOptions options = {}) : emulator(std::move(options)), client(emulator.port()) {}

  /// A request signed over VERB, Content-MD5, Content-Type, Date and `resource` (no x-obs- headers).
  ClientResult send(http::verb method, const std::string& target, const std::string& resource,
                    std::string body = {}, const std::string& content_type = {},
                    std::initializer_list<std::pair<std::string, std::string>> extra = {}) {
    const std::string date = now_date();
    modelarts::test::ClientRequest message{method, target, 11};
    message.set("Date", date);
    std::string md5;
    for (const auto& [name, value] : extra) {
      message.set(name, value);
      if (name == "Content-MD5") md5 = value;
    }
    if (!content_type.empty()) message.set("Content-Type", content_type);
    const std::string text = std::string(http::to_string(method)) + "\n" + md5 + "\n" + content_type + "\n" + date +
                             "\n" + resource;
    message.set("Authorization", obs_auth(text));
    message.body() = std::move(body);
    return client.send(std::move(message));
  }
  ClientResult put(const std::string& key, std::string body, const std::string& content_type = "text/plain") {
    const std::string path = "/" + kBucket + "/" + key;
    return send(http::verb::put, path, path, std::move(body), content_type);
  }
  ClientResult get(const std::string& target, const std::string& resource) {
    return send(http::verb::get, target, resource);
  }

  mt::Emulator emulator;
  modelarts::test::HttpClient client;
};

std::string element(const std::string& xml, const std::string& name, std::size_t from = 0) {
  const std::size_t start = xml.find("<" + name + ">", from);
  if (start == std::string::npos) return "<absent>";
  const std::size_t text = start + name.size() + 2;
  return xml.substr(text, xml.find("</" + name + ">", text) - text);
}

int count(const std::string& xml, const std::string& needle) {
  int n = 0;
  for (std::size_t at = xml.find(needle); at != std::string::npos; at = xml.find(needle, at + 1)) ++n;
  return n;
}

void check_error(const ClientResult& result, int status, const std::string& code) {
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(result.status() == status);
  BOOST_TEST(result.header("Content-Type") == "application/xml");
  BOOST_TEST(element(result.response.body(), "Code") == code);
  BOOST_TEST(element(result.response.body(), "RequestId") == result.header("x-obs-request-id"));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(obs_service)

BOOST_AUTO_TEST_CASE(default_bucket_exists_and_buckets_are_created) {
  ObsFixture f;
  const std::string root = "/" + kBucket;
  BOOST_TEST(f.send(http::verb::head, root, root).status() == 200);
  // Bucket-level resources are accepted with and without the trailing slash (docs/service-quirks.md, O3).
  BOOST_TEST(f.send(http::verb::head, root, root + "/").status() == 200);
  const ClientResult missing = f.send(http::verb::head, "/no-such-bucket", "/no-such-bucket");
  BOOST_TEST(missing.status() == 404);
  BOOST_TEST(missing.response.body().empty());  // HEAD errors carry no body
  BOOST_TEST(f.send(http::verb::put, "/new-bucket", "/new-bucket").status() == 200);
  BOOST_TEST(f.send(http::verb::head, "/new-bucket", "/new-bucket").status() == 200);
  check_error(f.send(http::verb::put, "/new-bucket", "/new-bucket"), 409, "BucketAlreadyExists");
  check_error(f.send(http::verb::put, "/Bad_Name", "/Bad_Name"), 400, "InvalidBucketName");
  check_error(f.send(http::verb::put, "/192.168.1.1", "/192.168.1.1"), 400, "InvalidBucketName");
  check_error(f.send(http::verb::get, "/missing-bkt/x", "/missing-bkt/x"), 404, "NoSuchBucket");
}

BOOST_AUTO_TEST_CASE(object_put_get_head_delete) {
  ObsFixture f;
  const std::string body = "import torch\nprint('hello from ModelArts')\n";
  const std::string path = "/" + kBucket + "/stage/code/train%20v1.py";
  const ClientResult put = f.send(http::verb::put, path, path, body, "text/x-python",
                                  {{"x-obs-meta-run-id", "r-42"}});
  // The meta header is an x-obs- header: unsigned above, so this must have been refused...
  check_error(put, 403, "SignatureDoesNotMatch");
  BOOST_TEST(element(put.response.body(), "StringToSign").find("x-obs-meta-run-id:r-42\n") != std::string::npos);
  // ...and is accepted when signed as a canonical header.
  const std::string date = now_date();
  const ClientResult signed_put = f.client.request(
      http::verb::put, path, body,
      {{"Date", date},
       {"Content-Type", "text/x-python"},
       {"Content-MD5", "mSgSfmmHA13+oWzz2tjGWQ=="},
       {"X-Obs-Meta-Run-Id", "r-42"},
       {"Authorization",
        obs_auth("PUT\nmSgSfmmHA13+oWzz2tjGWQ==\ntext/x-python\n" + date + "\nx-obs-meta-run-id:r-42\n" + path)}});
  BOOST_TEST(signed_put.status() == 200);
  BOOST_TEST(signed_put.header("ETag") == "\"99281" "27e6987035dfea16cf3dad8c659\"");
  BOOST_TEST(signed_put.header("x-obs-request-id").size() == 32u);

  const ClientResult got = f.get(path, path);
  BOOST_TEST(got.status() == 200);
  BOOST_TEST(got.response.body() == body);
  BOOST_TEST(got.header("Content-Type") == "text/x-python");
  BOOST_TEST(got.header("x-obs-meta-run-id") == "r-42");
  BOOST_TEST(got.header("ETag") == signed_put.header("ETag"));

  const ClientResult head = f.send(http::verb::head, path, path);
  BOOST_TEST(head.status() == 200);
  BOOST_TEST(head.header("Content-Length") == std::to_string(body.size()));
  BOOST_TEST(head.response.body().empty());
  // The connection is still usable after a HEAD (no body bytes were left in it).
  BOOST_TEST(f.get(path, path).status() == 200);

  BOOST_TEST(f.send(http::verb::delete_, path, path).status() == 204);
  // Also when missing (docs/service-quirks.md, O13).
  BOOST_TEST(f.send(http::verb::delete_, path, path).status() == 204);
  const ClientResult gone = f.get(path, path);
  check_error(gone, 404, "NoSuchKey");
  BOOST_TEST(element(gone.response.body(), "Key") == "stage/code/train v1.py");
  BOOST_TEST(f.send(http::verb::head, path, path).status() == 404);
}

BOOST_AUTO_TEST_CASE(ranges) {
  ObsFixture f;
  BOOST_REQUIRE(f.put("r.bin", "0123456789").status() == 200);
  const std::string path = "/" + kBucket + "/r.bin";
  const auto ranged = [&](const std::string& range) {
    return f.send(http::verb::get, path, path, {}, {}, {{"Range", range}});
  };
  const ClientResult middle = ranged("bytes=2-4");
  BOOST_TEST(middle.status() == 206);
  BOOST_TEST(middle.response.body() == "234");
  BOOST_TEST(middle.header("Content-Range") == "bytes 2-4/10");
  BOOST_TEST(ranged("bytes=7-").response.body() == "789");
  BOOST_TEST(ranged("bytes=-3").response.body() == "789");
  BOOST_TEST(ranged("bytes=8-100").response.body() == "89");
  check_error(ranged("bytes=10-"), 416, "InvalidRange");
  const ClientResult malformed = ranged("bytes=x-y");  // malformed: the whole object
  BOOST_TEST(malformed.status() == 200);
  BOOST_TEST(malformed.response.body() == "0123456789");
}

BOOST_AUTO_TEST_CASE(bad_digest_and_limits) {
  ObsFixture f;
  const std::string path = "/" + kBucket + "/d.txt";
  check_error(f.send(http::verb::put, path, path, "abc", {}, {{"Content-MD5", "mSgSfmmHA13+oWzz2tjGWQ=="}}), 400,
              "BadDigest");
  check_error(f.put(std::string(1025, 'k'), "x"), 400, "KeyTooLongError");
  // OBS bodies may exceed the ModelArts API's 1 MiB body limit.
  BOOST_TEST(f.put("big.bin", std::string(3 * 1024 * 1024, 'b')).status() == 200);
}

BOOST_AUTO_TEST_CASE(signature_checks) {
  ObsFixture f;
  BOOST_REQUIRE(f.put("s.txt", "secret").status() == 200);
  const std::string path = "/" + kBucket + "/s.txt";
  const auto get_with = [&](std::initializer_list<std::pair<std::string, std::string>> headers) {
    return f.client.request(http::verb::get, path, {}, headers);
  };
  check_error(get_with({{"Date", now_date()}}), 403, "AccessDenied");  // anonymous
  const std::string date = now_date();
  check_error(get_with({{"Date", date}, {"Authorization", obs_auth("GET\n\n\n" + date + "\n/other" + path)}}), 403,
              "SignatureDoesNotMatch");
  check_error(get_with({{"Date", date}, {"Authorization", "OBS UNKNOWNKEY:abc="}}), 403, "InvalidAccessKeyId");
  const std::string old = now_date(-std::chrono::minutes(16));
  check_error(get_with({{"Date", old}, {"Authorization", obs_auth("GET\n\n\n" + old + "\n" + path)}}), 403,
              "RequestTimeTooSkewed");
  check_error(get_with({{"Date", "yesterday"}, {"Authorization", obs_auth("GET\n\n\nyesterday\n" + path)}}), 403,
              "AccessDenied");
  // x-obs-date: the Date line is empty and the x-obs-date value is signed (and checked) instead.
  const ClientResult obs_date = get_with(
      {{"x-obs-date", date}, {"Authorization", obs_auth("GET\n\n\n\nx-obs-date:" + date + "\n" + path)}});
  BOOST_TEST(obs_date.status() == 200);
  BOOST_TEST(obs_date.response.body() == "secret");
  const ClientResult stale_obs_date =
      get_with({{"Date", date}, {"x-obs-date", old}, {"Authorization", obs_auth("GET\n\n\n\nx-obs-date:" + old + "\n" + path)}});
  check_error(stale_obs_date, 403, "RequestTimeTooSkewed");
  // S3 V2: "AWS AK:sig" with x-amz- canonical headers (docs/service-quirks.md, O9).
  const ClientResult s3 = get_with({{"Date", date},
                                    {"x-amz-meta-note", "n"},
                                    {"Authorization", obs_auth("GET\n\n\n" + date + "\nx-amz-meta-note:n\n" + path, "AWS")}});
  BOOST_TEST(s3.status() == 200);
  // Lenient date parsing (docs/service-quirks.md, O7): upper case and +0000.
  std::string shouting = date;
  for (char& c : shouting) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  shouting.replace(shouting.size() - 3, 3, "+0000");
  BOOST_TEST(get_with({{"Date", shouting}, {"Authorization", obs_auth("GET\n\n\n" + shouting + "\n" + path)}}).status() ==
             200);
}

BOOST_AUTO_TEST_CASE(presigned_urls) {
  ObsFixture f;
  BOOST_REQUIRE(f.put("logs/job.log", "line 1\n").status() == 200);
  const std::string path = "/" + kBucket + "/logs/job.log";
  const auto expires = std::chrono::duration_cast<std::chrono::seconds>(
                           (std::chrono::system_clock::now() + std::chrono::hours(1)).time_since_epoch())
                           .count();
  const std::string signature = modelarts::obs::signature_of(
      mt::kDefaultSecretKey, "GET\n\n\n" + std::to_string(expires) + "\n" + path);
  const std::string query = "?AccessKeyId=" + std::string(mt::kDefaultAccessKey) +
                            "&Expires=" + std::to_string(expires) + "&Signature=" + modelarts::percent_encode(signature);
  const ClientResult ok = f.client.request(http::verb::get, path + query);
  BOOST_TEST(ok.status() == 200);
  BOOST_TEST(ok.response.body() == "line 1\n");
  // The S3 form, as ModelArts' log-URL links use.
  const ClientResult s3 = f.client.request(http::verb::get, path + "?AWSAccessKeyId=" +
                                                                std::string(mt::kDefaultAccessKey) + "&Expires=" +
                                                                std::to_string(expires) + "&Signature=" +
                                                                modelarts::percent_encode(signature));
  BOOST_TEST(s3.status() == 200);
  const std::string expired_signature =
      modelarts::obs::signature_of(mt::kDefaultSecretKey, "GET\n\n\n1000\n" + path);
  check_error(f.client.request(http::verb::get, path + "?AccessKeyId=" + std::string(mt::kDefaultAccessKey) +
                                                    "&Expires=1000&Signature=" +
                                                    modelarts::percent_encode(expired_signature)),
              403, "AccessDenied");
  check_error(f.client.request(http::verb::get, path + query + "x"), 403, "SignatureDoesNotMatch");
}

BOOST_AUTO_TEST_CASE(list_objects) {
  ObsFixture f;
  for (const char* key : {"stage/code/a.py", "stage/code/b.py", "stage/code/models/m1.py", "stage/code/models/m2.py",
                          "stage/code/z.py", "stage/data.csv", "other.txt"}) {
    BOOST_REQUIRE(f.put(key, key).status() == 200);
  }
  const std::string root = "/" + kBucket;
  // Query parameters are not sub-resources: the resource is just the bucket.
  const ClientResult all = f.get(root + "?prefix=stage%2Fcode%2F", root);
  BOOST_TEST(all.status() == 200);
  BOOST_TEST(all.header("Content-Type") == "application/xml");
  const std::string& xml = all.response.body();
  BOOST_TEST(count(xml, "<Contents>") == 5);
  BOOST_TEST(element(xml, "Name") == kBucket);
  BOOST_TEST(element(xml, "IsTruncated") == "false");
  BOOST_TEST(element(xml, "ETag") == "&quot;" + modelarts::obs::md5_hex("stage/code/a.py") + "&quot;");
  BOOST_TEST(element(xml, "Size") == "15");
  BOOST_TEST(element(xml, "LastModified").size() == 24u);  // 2026-11-29T08:30:01.482Z

  // Delimiter: the models/ folder rolls up and counts once toward max-keys; page with NextMarker.
  std::vector<std::string> seen;
  std::string marker;
  int pages = 0;
  while (true) {
    const ClientResult page =
        f.get(root + "?prefix=stage/code/&delimiter=/&max-keys=2&marker=" + modelarts::percent_encode(marker), root);
    BOOST_REQUIRE(page.status() == 200);
    const std::string& body = page.response.body();
    ++pages;
    for (std::size_t at = body.find("<Key>"); at != std::string::npos; at = body.find("<Key>", at + 1))
      seen.push_back(element(body, "Key", at));
    for (std::size_t at = body.find("<CommonPrefixes>"); at != std::string::npos;
         at = body.find("<CommonPrefixes>", at + 1))
      seen.push_back(element(body, "Prefix", at));
    if (element(body, "IsTruncated") != "true") break;
    marker = element(body, "NextMarker");
    BOOST_REQUIRE(pages < 10);
  }
  BOOST_TEST(pages == 2);
  const std::vector<std::string> expected{"stage/code/a.py", "stage/code/b.py", "stage/code/z.py",
                                          "stage/code/models/"};
  BOOST_TEST(seen.size() == expected.size());
  for (const auto& key : expected) BOOST_TEST((std::find(seen.begin(), seen.end(), key) != seen.end()), key);

  BOOST_TEST(element(f.get(root + "?max-keys=5000", root).response.body(), "MaxKeys") == "1000");
  check_error(f.get(root + "?max-keys=-1", root), 400, "InvalidArgument");
  check_error(f.get("/no-such-bucket?prefix=a", "/no-such-bucket"), 404, "NoSuchBucket");
}

BOOST_AUTO_TEST_CASE(multipart_upload) {
  ObsFixture f;
  const std::string path = "/" + kBucket + "/data/shard.tar";
  const ClientResult init = f.send(http::verb::post, path + "?uploads", path + "?uploads", {}, "application/x-tar");
  BOOST_REQUIRE(init.status() == 200);
  const std::string id = element(init.response.body(), "UploadId");
  BOOST_TEST(id.size() == 32u);
  const auto part = [&](int number, std::string body) {
    const std::string target = path + "?partNumber=" + std::to_string(number) + "&uploadId=" + id;
    // Signed sub-resources are sorted by name: partNumber before uploadId.
    return f.send(http::verb::put, target, path + "?partNumber=" + std::to_string(number) + "&uploadId=" + id,
                  std::move(body));
  };
  const std::string one(100 * 1024, 'a');
  const std::string two = "tail";
  const ClientResult p1 = part(1, one);
  const ClientResult p2 = part(2, two);
  BOOST_REQUIRE(p1.status() == 200);
  BOOST_TEST(p1.header("ETag") == "\"" + modelarts::obs::md5_hex(one) + "\"");
  BOOST_REQUIRE(p2.status() == 200);
  check_error(part(0, "x"), 400, "InvalidArgument");
  check_error(part(10001, "x"), 400, "InvalidArgument");

  const ClientResult listed = f.get("/" + kBucket + "?uploads", "/" + kBucket + "/?uploads");
  BOOST_TEST(listed.status() == 200);
  BOOST_TEST(element(listed.response.body(), "UploadId") == id);

  const std::string complete_target = path + "?uploadId=" + id;
  const auto complete = [&](const std::string& body) {
    return f.send(http::verb::post, complete_target, complete_target, body, "application/xml");
  };
  const auto part_xml = [](int n, const std::string& etag) {
    return "<Part><PartNumber>" + std::to_string(n) + "</PartNumber><ETag>" + etag + "</ETag></Part>";
  };
  check_error(complete("<CompleteMultipartUpload></CompleteMultipartUpload>"), 400, "MalformedXML");
  check_error(complete("<CompleteMultipartUpload>" + part_xml(2, p2.header("ETag")) + part_xml(1, p1.header("ETag")) +
                       "</CompleteMultipartUpload>"),
              400, "InvalidPartOrder");
  check_error(complete("<CompleteMultipartUpload>" + part_xml(1, "\"0000\"") + "</CompleteMultipartUpload>"), 400,
              "InvalidPart");
  // Unquoted part ETags are accepted (docs/service-quirks.md, O11).
  const std::string p2_unquoted = p2.header("ETag").substr(1, 32);
  const ClientResult done = complete("<CompleteMultipartUpload>" + part_xml(1, p1.header("ETag")) +
                                     part_xml(2, p2_unquoted) + "</CompleteMultipartUpload>");
  BOOST_REQUIRE(done.status() == 200);
  // MD5 of the concatenated raw part MD5s, then "-2" (docs/service-quirks.md, O10).
  std::string raw;
  for (const std::string& hex : {modelarts::obs::md5_hex(one), modelarts::obs::md5_hex(two)}) {
    for (std::size_t i = 0; i < hex.size(); i += 2) raw += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  BOOST_TEST(element(done.response.body(), "ETag") == "&quot;" + modelarts::obs::md5_hex(raw) + "-2&quot;");
  const ClientResult object = f.get(path, path);
  BOOST_TEST(object.response.body() == one + two);
  BOOST_TEST(object.header("Content-Type") == "application/x-tar");
  BOOST_TEST(f.send(http::verb::head, path, path).header("x-obs-uploadId") == id);
  // Completed: the upload is gone.
  check_error(part(3, "x"), 404, "NoSuchUpload");
  BOOST_TEST(count(f.get("/" + kBucket + "?uploads", "/" + kBucket + "/?uploads").response.body(), "<Upload>") == 0);
}

BOOST_AUTO_TEST_CASE(multipart_small_parts_and_abort) {
  ObsFixture f;
  const std::string path = "/" + kBucket + "/small.bin";
  const std::string id =
      element(f.send(http::verb::post, path + "?uploads", path + "?uploads").response.body(), "UploadId");
  const auto part = [&](int n) {
    const std::string target = path + "?partNumber=" + std::to_string(n) + "&uploadId=" + id;
    return f.send(http::verb::put, target, target, "tiny");
  };
  const std::string e1 = part(1).header("ETag");
  const std::string e2 = part(2).header("ETag");
  const std::string target = path + "?uploadId=" + id;
  check_error(f.send(http::verb::post, target, target,
                     "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>" + e1 +
                         "</ETag></Part><Part><PartNumber>2</PartNumber><ETag>" + e2 +
                         "</ETag></Part></CompleteMultipartUpload>"),
              400, "EntityTooSmall");
  BOOST_TEST(f.send(http::verb::delete_, target, target).status() == 204);
  check_error(f.send(http::verb::delete_, target, target), 404, "NoSuchUpload");
  check_error(f.get(path, path), 404, "NoSuchKey");
}

BOOST_AUTO_TEST_CASE(faults_are_xml) {
  ObsFixture f{mt::EmulatorOptions{}.fault_rate(1.0).fault_seed(7)};
  int xml_errors = 0;
  for (int i = 0; i < 12; ++i) {
    const std::string path = "/" + kBucket + "/f" + std::to_string(i);
    const ClientResult result = f.send(http::verb::put, path, path, "x");
    if (!result.ok()) {
      f.client.close();  // cut off mid-reply
      continue;
    }
    if (result.status() >= 500) {
      ++xml_errors;
      const std::string code = element(result.response.body(), "Code");
      BOOST_TEST((code == "InternalError" || code == "ServiceUnavailable" || code == "SlowDown"), code);
    }
  }
  BOOST_TEST(xml_errors > 0);
  BOOST_TEST(f.emulator.stats().faults_injected >= 12u);
}

/// A --state file's OBS store on disk: "<state>.obs" (the index), "<state>.obs.journal", "<state>.obs.d/".
struct StoreFiles {
  explicit StoreFiles(const std::string& name)
      : state(std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()) + ".json")),
        index(state.string() + ".obs"),
        journal(state.string() + ".obs.journal"),
        folder(state.string() + ".obs.d") {
    clear();
  }
  ~StoreFiles() { clear(); }
  void clear() const {
    std::filesystem::remove(state);
    std::filesystem::remove(index);
    std::filesystem::remove(journal);
    std::filesystem::remove_all(folder);
  }
  std::vector<std::filesystem::path> data_files() const {
    std::vector<std::filesystem::path> found;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) found.push_back(entry.path());
    return found;
  }
  static std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  mt::EmulatorOptions options() const { return mt::EmulatorOptions{}.state_file(state.string()); }

  std::filesystem::path state, index, journal, folder;
};

BOOST_AUTO_TEST_CASE(objects_survive_a_restart) {
  const StoreFiles disk("obs-state");
  {
    ObsFixture f{disk.options()};
    BOOST_REQUIRE(f.put("keep/me.txt", "kept").status() == 200);
    BOOST_REQUIRE(f.send(http::verb::put, "/second-bucket", "/second-bucket").status() == 200);
  }
  {
    ObsFixture f{disk.options()};
    const std::string path = "/" + kBucket + "/keep/me.txt";
    BOOST_TEST(f.get(path, path).response.body() == "kept");
    BOOST_TEST(f.send(http::verb::head, "/second-bucket", "/second-bucket").status() == 200);
  }
}

std::string object_path(const std::string& key) { return "/" + kBucket + "/" + key; }

// A PUT writes its own bytes and one small journal record, never the index or every object again (rewriting
// the index made each PUT cost the whole store: 1,000 small uploads took 6 s, the next 1,000 11 s). Each
// object's bytes are one file, written once; an overwritten or deleted object's file goes once its replacement
// is durable. A restart keeps everything.
BOOST_AUTO_TEST_CASE(a_put_writes_its_own_bytes_and_a_record_only) {
  namespace fs = std::filesystem;
  const StoreFiles disk("obs-files");
  {
    ObsFixture f{disk.options()};
    BOOST_REQUIRE(f.put("a.bin", std::string(1024 * 1024, 'a')).status() == 200);
    BOOST_TEST_REQUIRE(disk.data_files().size() == 1u);
    const fs::path a_file = disk.data_files().front();
    const auto a_written = fs::last_write_time(a_file);
    const std::string index_before = StoreFiles::read(disk.index);
    const auto journal_before = fs::file_size(disk.journal);
    BOOST_REQUIRE(f.put("b.bin", std::string(1024 * 1024, 'b')).status() == 200);
    BOOST_TEST(disk.data_files().size() == 2u);
    BOOST_TEST((fs::last_write_time(a_file) == a_written));  // a.bin was not written again
    BOOST_TEST(StoreFiles::read(disk.index) == index_before);  // nor the index
    BOOST_TEST(fs::file_size(disk.journal) > journal_before);  // one record...
    BOOST_TEST(fs::file_size(disk.journal) - journal_before < 1024u);  // ...without the object's bytes
    BOOST_REQUIRE(f.put("a.bin", "replaced").status() == 200);
    BOOST_TEST(!fs::exists(a_file));
    BOOST_REQUIRE(f.send(http::verb::delete_, object_path("b.bin"), object_path("b.bin")).status() == 204);
    BOOST_TEST(disk.data_files().size() == 1u);
  }
  {
    ObsFixture f{disk.options()};
    BOOST_TEST(f.get(object_path("a.bin"), object_path("a.bin")).response.body() == "replaced");
    BOOST_TEST(f.get(object_path("b.bin"), object_path("b.bin")).status() == 404);
    BOOST_TEST(disk.data_files().size() == 1u);
  }
}

// Many PUTs, overwrites and deletes over two buckets, across compactions: a restart keeps exactly the live
// objects (bytes, ETag, Content-Type), and the folder holds exactly their files.
BOOST_AUTO_TEST_CASE(a_restart_keeps_exactly_the_live_objects) {
  const StoreFiles disk("obs-live");
  std::map<std::string, std::string> live;  // "/bucket/key" -> body
  {
    ObsFixture f{disk.options()};
    BOOST_REQUIRE(f.send(http::verb::put, "/second-bucket", "/second-bucket").status() == 200);
    for (int i = 0; i < 60; ++i) {  // 99 records: the journal is compacted on the way
      const std::string key = "k/" + std::to_string(i) + ".txt";
      BOOST_REQUIRE(f.put(key, "v1 of " + key).status() == 200);
      live[object_path(key)] = "v1 of " + key;
      if (i % 3 == 0) {
        BOOST_REQUIRE(f.put(key, "v2 of " + key, "text/x-v2").status() == 200);
        live[object_path(key)] = "v2 of " + key;
      }
      if (i % 5 == 0) {
        BOOST_REQUIRE(f.send(http::verb::delete_, object_path(key), object_path(key)).status() == 204);
        live.erase(object_path(key));
      }
      if (i % 10 == 0) {
        const std::string path = "/second-bucket/" + std::to_string(i);
        BOOST_REQUIRE(f.send(http::verb::put, path, path, "in second " + std::to_string(i)).status() == 200);
        live[path] = "in second " + std::to_string(i);
      }
    }
    BOOST_TEST(count(StoreFiles::read(disk.journal), "\n") < 60);  // compacted: the rest is in the index
  }
  ObsFixture f{disk.options()};
  std::size_t listed = 0;
  for (const std::string& bucket : {kBucket, std::string("second-bucket")}) {
    const std::string xml = f.get("/" + bucket, "/" + bucket).response.body();
    for (std::size_t at = xml.find("<Key>"); at != std::string::npos; at = xml.find("<Key>", at + 1)) {
      const std::string path = "/" + bucket + "/" + element(xml, "Key", at);
      BOOST_TEST(live.count(path) == 1u, path);
      ++listed;
    }
  }
  BOOST_TEST(listed == live.size());
  for (const auto& [path, body] : live) {
    const ClientResult got = f.get(path, path);
    BOOST_TEST(got.response.body() == body, path);
    BOOST_TEST(got.header("ETag") == "\"" + modelarts::obs::md5_hex(body) + "\"");
    const char* type = body.rfind("v2", 0) == 0 ? "text/x-v2" : body.rfind("v1", 0) == 0 ? "text/plain" : "binary/octet-stream";
    BOOST_TEST(got.header("Content-Type") == type);
  }
  BOOST_TEST(disk.data_files().size() == live.size());
}

// The journal is folded into the index once it outgrows the live entries: after many overwrites of one key
// the index names every object and the journal is short again.
BOOST_AUTO_TEST_CASE(the_journal_is_compacted) {
  namespace fs = std::filesystem;
  const StoreFiles disk("obs-compact");
  {
    ObsFixture f{disk.options()};
    for (int i = 0; i < 10; ++i) BOOST_REQUIRE(f.put("keep-" + std::to_string(i), "kept").status() == 200);
    int most_records = 0;
    for (int i = 0; i < 90; ++i) {
      BOOST_REQUIRE(f.put("hot", "version " + std::to_string(i)).status() == 200);
      most_records = std::max(most_records, count(StoreFiles::read(disk.journal), "\n"));
    }
    const std::string index = StoreFiles::read(disk.index);
    for (int i = 0; i < 10; ++i) BOOST_TEST(count(index, "\"keep-" + std::to_string(i) + "\"") == 1);
    BOOST_TEST(count(index, "\"hot\"") == 1);
    // At most a compaction's worth of records (64 here) stays: 100 never accumulate.
    BOOST_TEST(most_records <= 64);
    BOOST_TEST(disk.data_files().size() == 11u);
  }
  {
    ObsFixture f{disk.options()};
    BOOST_TEST(f.get(object_path("hot"), object_path("hot")).response.body() == "version 89");
    BOOST_TEST(fs::file_size(disk.journal) == 0u);  // a load compacts too
  }
}

// Keys are UTF-8 (OBS API Reference): a key, prefix, marker or delimiter that is not is refused with an XML
// error, stores nothing, and the store still loads (a%FF.py used to be stored, then the index was not JSON and
// the emulator could not start again with that --state file).
BOOST_AUTO_TEST_CASE(a_key_that_is_not_utf8_is_refused_and_the_store_reloads) {
  const StoreFiles disk("obs-utf8");
  const std::string root = "/" + kBucket;
  {
    ObsFixture f{disk.options()};
    check_error(f.put("a%FF.py", "x"), 400, "InvalidArgument");
    check_error(f.put("b%C3.py", "x"), 400, "InvalidArgument");          // a cut-short sequence
    check_error(f.put("c%C0%AF.py", "x"), 400, "InvalidArgument");       // an overlong "/"
    check_error(f.put("d%ED%A0%80.py", "x"), 400, "InvalidArgument");    // a surrogate
    check_error(f.get(root + "?prefix=%FF", root), 400, "InvalidArgument");
    check_error(f.get(root + "?marker=a%FE", root), 400, "InvalidArgument");
    check_error(f.get(root + "?delimiter=%80", root), 400, "InvalidArgument");
    BOOST_TEST(f.send(http::verb::head, object_path("a%FF.py"), object_path("a%FF.py")).status() == 400);
    BOOST_TEST(f.put("caf%C3%A9/%E6%A8%A1%E5%9E%8B.py", "utf-8 key").status() == 200);
    const ClientResult listed = f.get(root + "?prefix=caf%C3%A9", root);
    BOOST_TEST(element(listed.response.body(), "Key") == "caf\xC3\xA9/\xE6\xA8\xA1\xE5\x9E\x8B.py");
  }
  ObsFixture f{disk.options()};
  const std::string path = object_path("caf%C3%A9/%E6%A8%A1%E5%9E%8B.py");
  BOOST_TEST(f.get(path, path).response.body() == "utf-8 key");
  const std::string xml = f.get(root, root).response.body();
  BOOST_TEST(count(xml, "<Contents>") == 1);
}

// Stores written before load: version 1 (bytes inline, base64), version 2 (bytes in the folder), and a version 2
// index holding raw non-UTF-8 bytes (what the emulator wrote before keys were checked): all load, and are
// rewritten so that they load again (such text base64-encoded).
BOOST_AUTO_TEST_CASE(stores_written_before_load) {
  namespace fs = std::filesystem;
  const StoreFiles disk("obs-formats");
  const std::string bucket_head = R"({"format":"modelarts-emulator-obs","version":VERSION,"buckets":[{"name":")" +
                                  kBucket + R"(","created_ms":1,"objects":[)";
  const auto document = [&](const std::string& version, const std::string& objects) {
    std::string head = bucket_head;
    head.replace(head.find("VERSION"), 7, version);
    return head + objects + "]}]}";
  };
  std::ofstream(disk.index, std::ios::trunc)
      << document("1", R"({"key":"old.txt","data":"b2xkIGJ5dGVz","etag":"\"e\"",)"
                       R"("content_type":"text/plain","last_modified_ms":1,"upload_id":"","meta":[]})");
  {
    ObsFixture f{disk.options()};
    BOOST_TEST(f.get(object_path("old.txt"), object_path("old.txt")).response.body() == "old bytes");
    BOOST_TEST(disk.data_files().size() == 1u);  // the inline bytes moved to a file of their own
  }
  disk.clear();
  fs::create_directories(disk.folder);
  std::ofstream(disk.folder / "f1", std::ios::binary) << "v2 bytes";
  std::ofstream(disk.folder / "f2", std::ios::binary) << "bad key's bytes";
  std::ofstream(disk.index, std::ios::trunc | std::ios::binary)
      << document("2", R"({"key":"v2.txt","data_file":"f1","etag":"\"e\"","content_type":"text/plain",)"
                       R"("last_modified_ms":1,"upload_id":"","meta":[["x-obs-meta-a","b"]]},)"
                       "{\"key\":\"a\xFF.py\",\"data_file\":\"f2\",\"etag\":\"\\\"e\\\"\",\"content_type\":"
                       R"("text/plain","last_modified_ms":2,"upload_id":"","meta":[]})");
  for (int restart = 0; restart < 2; ++restart) {
    ObsFixture f{disk.options()};
    const ClientResult got = f.get(object_path("v2.txt"), object_path("v2.txt"));
    BOOST_TEST(got.response.body() == "v2 bytes");
    BOOST_TEST(got.header("x-obs-meta-a") == "b");
    BOOST_TEST(count(f.get("/" + kBucket, "/" + kBucket).response.body(), "<Contents>") == 2);
  }
  const std::string index = StoreFiles::read(disk.index);
  BOOST_TEST(index.find('\xFF') == std::string::npos);  // written as {"base64": ...}
  BOOST_TEST(index.find("\"base64\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(over_https) {
  mt::Emulator emulator{mt::EmulatorOptions{}.tls(true)};
  modelarts::test::HttpClient client(emulator.port(), emulator.certificate_pem());
  const std::string path = "/" + kBucket + "/tls.txt";
  const std::string date = now_date();
  const ClientResult put = client.request(
      http::verb::put, path, "over tls",
      {{"Date", date}, {"Content-Type", "text/plain"}, {"Authorization", obs_auth("PUT\n\ntext/plain\n" + date + "\n" + path)}});
  BOOST_TEST(put.status() == 200);
  const ClientResult got =
      client.request(http::verb::get, path, {}, {{"Date", date}, {"Authorization", obs_auth("GET\n\n\n" + date + "\n" + path)}});
  BOOST_TEST(got.response.body() == "over tls");
}

BOOST_AUTO_TEST_SUITE_END()
