// SPDX-License-Identifier: Apache-2.0
// session.obs() against the emulator over HTTP and HTTPS: every call, multipart with a fault in the middle
// (aborted, nothing left), incremental upload_dir (PUTs counted), the code-directory limits (nothing sent),
// temporary credentials, addressing, XML errors.
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <vector>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <modelarts/error.hpp>
#include <modelarts/obs.hpp>
#include <modelarts/obs_signer.hpp>
#include <modelarts/session.hpp>
#include <modelarts/testing/emulator.hpp>

#include "support/fake_transport.hpp"
#include "support/http_client.hpp"
#include "support/temp_dir.hpp"

namespace {

namespace fs = std::filesystem;
using modelarts::test::TempDir;
namespace mt = modelarts::testing;
namespace mo = modelarts::obs;
using modelarts::HttpRequest;
using modelarts::HttpTransport;
using modelarts::TransportResult;

const std::string kBucket = std::string("obs://") + mt::kDefaultBucket + "/";

/// Passes requests to the real transport, counting them by method, and lets a test fail chosen ones.
class CountingTransport : public HttpTransport {
 public:
  explicit CountingTransport(std::shared_ptr<HttpTransport> inner) : inner_(std::move(inner)) {}
  TransportResult send(const HttpRequest& request) override {
    ++total;
    if (request.method == "PUT") ++puts;
    if (fail && fail(request)) {
      return modelarts::TransportFailure{modelarts::TransportErrorKind::io, modelarts::BytesWritten::all, "injected: connection reset"};
    }
    if (lose_reply && lose_reply(request)) {  // the server does the work; its answer never arrives
      (void)inner_->send(request);
      return modelarts::TransportFailure{modelarts::TransportErrorKind::io, modelarts::BytesWritten::all, "injected: reply lost"};
    }
    return inner_->send(request);
  }
  std::atomic<int> total{0};
  std::atomic<int> puts{0};
  std::function<bool(const HttpRequest&)> fail;
  std::function<bool(const HttpRequest&)> lose_reply;

 private:
  std::shared_ptr<HttpTransport> inner_;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string random_bytes(std::size_t size, unsigned seed) {
  std::mt19937 engine(seed);
  std::string data(size, '\0');
  for (char& c : data) c = static_cast<char>(engine() & 0xFF);
  return data;
}

struct ClientFixture {
  explicit ClientFixture(bool tls = false) : emulator(mt::EmulatorOptions{}.tls(tls).retry_after_seconds(0)) {
    modelarts::SessionOptions options = emulator.session_options();
    counting = std::make_shared<CountingTransport>(modelarts::make_default_transport(options.transport_options()));
    options.transport(counting);
    options.retry(modelarts::RetryOptions{}.initial_backoff(std::chrono::milliseconds(1)));
    session.emplace(options);
  }
  mo::ObsClient obs() const { return session->obs(); }

  /// In-progress multipart uploads, asked with a plain signed HTTP request (ListMultipartUploads).
  int uploads_in_progress() {
    modelarts::test::HttpClient client(emulator.port(), emulator.certificate_pem());
    const std::string date = mo::format_http_date(std::chrono::system_clock::now());
    const std::string resource = std::string("/") + mt::kDefaultBucket + "?uploads";
    const auto reply = client.request(
        boost::beast::http::verb::get, resource, {},
        {{"Date", date},
         {"Authorization", std::string("OBS ") + mt::kDefaultAccessKey + ":" +
                               mo::signature_of(mt::kDefaultSecretKey, "GET\n\n\n" + date + "\n" + resource)}});
    BOOST_REQUIRE_EQUAL(reply.status(), 200);
    int n = 0;
    const std::string& body = reply.response.body();
    for (auto at = body.find("<Upload>"); at != std::string::npos; at = body.find("<Upload>", at + 1)) ++n;
    return n;
  }

  mt::Emulator emulator;
  std::shared_ptr<CountingTransport> counting;
  std::optional<modelarts::Session> session;
};

mo::TransferOptions small_parts() {
  return mo::TransferOptions{}.part_size(100 * 1024).multipart_threshold(150 * 1024).parallelism(3);
}

void object_calls(ClientFixture& f) {
  const mo::ObsClient obs = f.obs();
  const std::string url = kBucket + "calls/hello world+1.txt";
  const std::string etag = obs.put_object(url, "hello, obs");
  BOOST_TEST(etag == "\"" + mo::md5_hex("hello, obs") + "\"");
  BOOST_TEST(obs.get_object(url) == "hello, obs");
  BOOST_TEST(obs.get_object(url, mo::ByteRange{7, 9}) == "obs");
  BOOST_TEST(obs.get_object(url, mo::ByteRange{7, std::nullopt}) == "obs");
  const mo::ObjectMetadata head = obs.head_object(url);
  BOOST_TEST(head.size == 10u);
  BOOST_TEST(head.etag == etag);
  BOOST_TEST(head.content_type == "text/plain");
  BOOST_TEST(obs.exists(url));
  BOOST_TEST(obs.exists(kBucket + "calls/"));
  BOOST_TEST(!obs.exists(kBucket + "nothing/"));
  obs.delete_object(url);
  obs.delete_object(url);  // missing: still fine (docs/service-quirks.md, O13)
  BOOST_TEST(!obs.exists(url));
  try {
    obs.get_object(url);
    BOOST_FAIL("expected NoSuchKey");
  } catch (const modelarts::ApiError& e) {
    BOOST_TEST(e.http_status() == 404);
    BOOST_TEST(e.error_code() == "NoSuchKey");
    BOOST_TEST(e.error_msg() == "The specified key does not exist.");
    BOOST_TEST(e.request_id().size() == 32u);
    // The emulator's default secrets share no 8-byte run with its names: redaction leaves the bucket readable.
    BOOST_TEST(std::string(e.what()).find(url) != std::string::npos, e.what());
  }
  try {
    obs.head_object(url);
    BOOST_FAIL("expected 404");
  } catch (const modelarts::ApiError& e) {
    BOOST_TEST(e.http_status() == 404);
  }
}

void transfers(ClientFixture& f) {
  const mo::ObsClient obs = f.obs();
  TempDir dir{"obs-client"};
  const std::string big = random_bytes(350 * 1024, 1);  // 4 parts of 100 KiB
  const std::string file = dir.write("big.bin", big);
  int reports = 0;
  std::uint64_t last_done = 0;
  const std::string url = obs.upload_file(file, kBucket + "up/", small_parts().progress([&](const mo::TransferProgress& p) {
    ++reports;
    BOOST_TEST(p.bytes_done >= last_done);
    last_done = p.bytes_done;
    BOOST_TEST(p.bytes_total == big.size());
  }));
  BOOST_TEST(url == kBucket + "up/big.bin");
  BOOST_TEST(last_done == big.size());
  BOOST_TEST(reports >= 4);
  const mo::ObjectMetadata head = obs.head_object(url);
  BOOST_TEST(head.size == big.size());
  BOOST_TEST(head.etag.find("-4\"") != std::string::npos);  // a multipart ETag
  BOOST_TEST(obs.get_object(url) == big);
  BOOST_TEST(f.uploads_in_progress() == 0);

  const std::string local = obs.download_file(url, (dir.path / "down").string() + "/", small_parts());
  BOOST_TEST(read_file(local) == big);
  BOOST_TEST(!fs::exists(local + ".part"));

  // copy both ways, file and folder
  dir.write("tree/a.py", "print('a')\n");
  dir.write("tree/sub/b.txt", "b");
  obs.copy((dir.path / "tree").string(), kBucket + "copied/", small_parts());
  BOOST_TEST(obs.get_object(kBucket + "copied/tree/sub/b.txt") == "b");
  obs.copy(kBucket + "copied/tree/", (dir.path / "back").string(), small_parts());
  BOOST_TEST(read_file((dir.path / "back" / "tree" / "a.py").string()) == "print('a')\n");
  BOOST_TEST(read_file((dir.path / "back" / "tree" / "sub" / "b.txt").string()) == "b");
  obs.copy(kBucket + "copied/tree/a.py", (dir.path / "single.py").string(), small_parts());
  BOOST_TEST(read_file((dir.path / "single.py").string()) == "print('a')\n");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(obs_client)

BOOST_AUTO_TEST_CASE(object_calls_over_http) {
  ClientFixture f;
  object_calls(f);
}

BOOST_AUTO_TEST_CASE(object_calls_over_https) {
  ClientFixture f(true);
  object_calls(f);
}

BOOST_AUTO_TEST_CASE(transfers_over_http) {
  ClientFixture f;
  transfers(f);
}

BOOST_AUTO_TEST_CASE(transfers_over_https) {
  ClientFixture f(true);
  transfers(f);
}

BOOST_AUTO_TEST_CASE(listing_is_lazy_over_markers) {
  ClientFixture f;
  const mo::ObsClient obs = f.obs();
  for (int i = 0; i < 7; ++i) obs.put_object(kBucket + "list/k" + std::to_string(i), "x");
  obs.put_object(kBucket + "list/sub/deep", "x");
  obs.put_object(kBucket + "other", "x");
  const int before = f.counting->total;
  mo::ObjectListing listing = obs.list(kBucket + "list/", {}, 3);
  BOOST_TEST(f.counting->total == before);  // nothing fetched until iterated
  auto it = listing.begin();
  BOOST_TEST(f.counting->total == before + 1);  // one page
  std::vector<std::string> keys;
  for (; it != listing.end(); ++it) keys.push_back(it->key);
  BOOST_TEST(keys.size() == 8u);
  BOOST_TEST(f.counting->total == before + 3);  // 3 + 3 + 2
  BOOST_TEST(keys.front() == "list/k0");
  const auto grouped = obs.list(kBucket + "list/", "/").all();
  BOOST_TEST(grouped.size() == 8u);  // 7 keys and the sub/ prefix
  BOOST_TEST(grouped.back().key == "list/sub/");
  BOOST_TEST(grouped.back().is_prefix);
}

BOOST_AUTO_TEST_CASE(multipart_fault_in_the_middle_leaves_nothing) {
  ClientFixture f;
  const mo::ObsClient obs = f.obs();
  TempDir dir{"obs-client"};
  const std::string file = dir.write("big.bin", random_bytes(500 * 1024, 2));
  // Part 3 never gets through: every attempt's connection breaks after the request was written.
  f.counting->fail = [](const HttpRequest& request) {
    return request.method == "PUT" && request.target.find("partNumber=3&") != std::string::npos;
  };
  BOOST_CHECK_THROW(obs.upload_file(file, kBucket + "faulty/", small_parts()), modelarts::TransportError);
  f.counting->fail = nullptr;
  BOOST_TEST(!obs.exists(kBucket + "faulty/big.bin"));
  BOOST_TEST(f.uploads_in_progress() == 0);  // aborted
}

// Peak memory of an upload is part_size x parallelism only if the pipeline holds each body once: the bytes given
// to put_object are the very buffer the transport writes, on the first attempt and on a retry.
BOOST_AUTO_TEST_CASE(an_object_body_reaches_the_transport_without_a_copy) {
  ClientFixture f;
  std::string data = random_bytes(1024 * 1024, 4);
  const char* const buffer = data.data();
  std::vector<const char*> sent;
  f.counting->fail = [&](const HttpRequest& request) {
    if (request.method != "PUT") return false;
    sent.push_back(request.body.data());
    return sent.size() == 1;  // the first attempt breaks after it was written: the PUT is resent
  };
  f.obs().put_object(kBucket + "held-once.bin", std::move(data));
  f.counting->fail = nullptr;
  BOOST_TEST_REQUIRE(sent.size() == 2u);
  BOOST_TEST((sent[0] == buffer && sent[1] == buffer));
}

bool is_complete(const HttpRequest& r) {
  return r.method == "POST" && r.target.find("uploadId=") != std::string::npos;
}
bool is_initiate(const HttpRequest& r) { return r.method == "POST" && r.target.find("?uploads") != std::string::npos; }

/// Uploads a 300 KiB file in parts under `folder` with the server's first answer to the calls `picked` lost (the
/// server did the work); checks the object is whole and no upload is left; returns how many such calls were sent.
int upload_losing_the_first_answer(ClientFixture& f, bool (*picked)(const HttpRequest&), const std::string& folder) {
  TempDir dir{"obs-client"};
  const std::string data = random_bytes(300 * 1024, 5);
  const std::string file = dir.write("big.bin", data);
  int sent = 0;
  f.counting->lose_reply = [&](const HttpRequest& r) { return picked(r) && ++sent == 1; };
  const std::string url = f.obs().upload_file(file, kBucket + folder, small_parts());
  f.counting->lose_reply = nullptr;
  BOOST_TEST(url == kBucket + folder + "big.bin");
  BOOST_TEST(f.obs().get_object(url) == data);
  BOOST_TEST(f.uploads_in_progress() == 0);
  return sent;
}

// A complete whose answer was lost is not a failure when the object now holds exactly our parts: a HEAD shows the
// ETag they make, and the complete is not sent again. Before, the upload reported failure while the object existed.
BOOST_AUTO_TEST_CASE(a_lost_complete_answer_is_proven_by_the_object_etag) {
  ClientFixture f;
  BOOST_TEST(upload_losing_the_first_answer(f, is_complete, "lost-complete/") == 1);
}

// An initiate whose answer was lost is sent again; the upload it may have started is aborted afterwards, so no
// upload is left dangling.
BOOST_AUTO_TEST_CASE(a_lost_initiate_answer_leaves_no_dangling_upload) {
  ClientFixture f;
  BOOST_TEST(upload_losing_the_first_answer(f, is_initiate, "lost-initiate/") == 2);
}

BOOST_AUTO_TEST_CASE(multipart_rides_out_injected_faults) {
  ClientFixture f;
  const mo::ObsClient obs = f.obs();
  TempDir dir{"obs-client"};
  const std::string data = random_bytes(450 * 1024, 3);
  const std::string file = dir.write("big.bin", data);
  // Injected 500/503/429-style replies and delays; parts are idempotent PUTs, so the pipeline retries them.
  f.emulator.set_fault_rate(0.2);
  std::string url;
  for (int attempt = 0; attempt < 8 && url.empty(); ++attempt) {
    try {
      url = obs.upload_file(file, kBucket + "retried/", small_parts());
    } catch (const modelarts::Error&) {
      // a part whose every attempt failed ends the upload (aborted); a new upload starts over
    }
  }
  f.emulator.set_fault_rate(0);
  BOOST_REQUIRE(!url.empty());
  BOOST_TEST(obs.get_object(url) == data);
  BOOST_TEST(f.emulator.stats().faults_injected > 0u);
}

BOOST_AUTO_TEST_CASE(upload_dir_is_incremental) {
  ClientFixture f;
  const mo::ObsClient obs = f.obs();
  TempDir dir{"obs-client"};
  for (int i = 0; i < 5; ++i) dir.write("code/f" + std::to_string(i) + ".py", "print(" + std::to_string(i) + ")\n");
  dir.write("code/pkg/big.bin", random_bytes(200 * 1024, 4));  // multipart: its ETag never equals its MD5
  const std::string code = (dir.path / "code").string();

  const int puts_before = f.counting->puts;
  std::size_t files_reported = 0;
  const mo::UploadDirResult first =
      obs.upload_dir(code, kBucket + "stage/", small_parts().progress([&](const mo::TransferProgress& p) {
        files_reported = p.files_done;
        BOOST_TEST(p.files_total == 6u);
      }));
  BOOST_TEST(first.obs_prefix == kBucket + "stage/code/");
  BOOST_TEST(first.files_uploaded == 6u);
  BOOST_TEST(first.files_skipped == 0u);
  BOOST_TEST(files_reported == 6u);
  BOOST_TEST(obs.get_object(kBucket + "stage/code/f3.py") == "print(3)\n");
  const int first_puts = f.counting->puts - puts_before;
  BOOST_TEST(first_puts == 5 + 2);  // five single PUTs, two parts

  // Unchanged tree: the same hash, nothing sent. The multipart object's ETag is not its MD5 but the MD5 of its
  // parts' MD5s, "-2": computed locally with the same part size, it matches too.
  const int puts_same = f.counting->puts;
  const mo::UploadDirResult same = obs.upload_dir(code, kBucket + "stage/", small_parts());
  BOOST_TEST(same.tree_hash == first.tree_hash);
  BOOST_TEST(same.files_skipped == 6u);
  BOOST_TEST(f.counting->puts - puts_same == 0);

  dir.write("code/f2.py", "print('changed')\n");
  const int puts_mid = f.counting->puts;
  const mo::UploadDirResult second = obs.upload_dir(code, kBucket + "stage/", small_parts().multipart_threshold(1024 * 1024));
  BOOST_TEST(second.tree_hash != first.tree_hash);
  BOOST_TEST(second.files_uploaded == 2u);  // f2.py, and big.bin (now under the threshold: sent whole)
  BOOST_TEST(f.counting->puts - puts_mid == 2);
  BOOST_TEST(obs.get_object(kBucket + "stage/code/f2.py") == "print('changed')\n");

  // Now big.bin is stored with a single-PUT ETag: a third run sends nothing at all.
  const int puts_third = f.counting->puts;
  const mo::UploadDirResult third = obs.upload_dir(code, kBucket + "stage/", small_parts().multipart_threshold(1024 * 1024));
  BOOST_TEST(third.files_uploaded == 0u);
  BOOST_TEST(third.files_skipped == 6u);
  BOOST_TEST(f.counting->puts - puts_third == 0);
}

// Keys are the names inside the tree: a symlink is uploaded under its own name (its target's bytes), never under
// a path built from its target; "." names the current folder; a name OBS cannot hold, or that a hop could
// resolve elsewhere, is refused before anything is sent.
BOOST_AUTO_TEST_CASE(keys_are_the_names_inside_the_tree) {
  ClientFixture f;
  const mo::ObsClient obs = f.obs();
  TempDir dir{"obs-client"};
  const std::string outside = dir.write("outside.py", "print('outside')\n");
  dir.write("code/train.py", "print('in')\n");
  fs::create_symlink(outside, dir.path / "code" / "link.py");
  fs::create_symlink("train.py", dir.path / "code" / "alias.py");
  const mo::UploadDirResult sent = obs.upload_dir((dir.path / "code").string(), kBucket + "links/", small_parts());
  BOOST_TEST(sent.files_uploaded == 3u);
  BOOST_TEST(obs.get_object(kBucket + "links/code/link.py") == "print('outside')\n");
  BOOST_TEST(obs.get_object(kBucket + "links/code/alias.py") == "print('in')\n");
  BOOST_TEST(obs.get_object(kBucket + "links/code/train.py") == "print('in')\n");

  const fs::path cwd = fs::current_path();
  fs::current_path(dir.path / "code");
  const mo::UploadDirResult dot = obs.upload_dir(".", kBucket + "dot/", small_parts());
  fs::current_path(cwd);
  BOOST_TEST(dot.obs_prefix == kBucket + "dot/code/");

  const int before = f.counting->total;
  for (const std::string& name : {std::string("bad\x1b[31m.py"), std::string("bad\xff.py")}) {
    TempDir odd{"obs-client"};
    odd.write("tree/ok.py", "x");
    odd.write("tree/" + name, "x");
    BOOST_CHECK_THROW(obs.upload_dir((odd.path / "tree").string(), kBucket + "odd/"), modelarts::InvalidArgumentError);
  }
  for (const char* url : {"obs://modelarts-emulator/a/../b.txt", "obs://modelarts-emulator/./b.txt",
                          "obs://modelarts-emulator/a/..", "/modelarts-emulator/../x/"}) {
    BOOST_CHECK_THROW(obs.put_object(url, "x"), modelarts::InvalidArgumentError);
  }
  BOOST_CHECK_THROW(obs.stage_code_dir((dir.path / "code").string(), "obs://modelarts-emulator/../stage/"),
                    modelarts::InvalidArgumentError);
  BOOST_TEST(f.counting->total == before);  // nothing was sent
}

BOOST_AUTO_TEST_CASE(limits_are_checked_before_anything_is_sent) {
  ClientFixture f;
  const mo::ObsClient obs = f.obs();
  TempDir dir{"obs-client"};
  // The documented limit: 1,000 files including folders. 999 files and one folder pass the check...
  for (int i = 0; i < 4; ++i) dir.write("few/f" + std::to_string(i), "x");
  dir.write("few/sub/g", "x");  // 4 files + "sub" + 1 file = 6 entries
  BOOST_CHECK_THROW(obs.upload_dir((dir.path / "few").string(), kBucket + "lim/", small_parts(), mo::DirectoryLimits{5}),
                    modelarts::InvalidArgumentError);
  BOOST_TEST(f.counting->total == 0);
  BOOST_TEST(obs.upload_dir((dir.path / "few").string(), kBucket + "lim/", small_parts(), mo::DirectoryLimits{6})
                 .files_uploaded == 5u);
  const int before = f.counting->total;
  // ...and with the defaults, 1,000 files plus a folder are refused before anything is sent.
  for (int i = 0; i < 1000; ++i) dir.write("many/f" + std::to_string(i), "");
  dir.write("many/sub/.keep", "");
  BOOST_CHECK_THROW(obs.upload_dir((dir.path / "many").string(), kBucket + "lim/"), modelarts::InvalidArgumentError);
  BOOST_TEST(f.counting->total == before);  // nothing sent, not even a listing
  dir.write("sized/a.bin", std::string(600, 'a'));
  BOOST_CHECK_THROW(obs.upload_dir((dir.path / "sized").string(), kBucket + "lim/", {}, mo::DirectoryLimits{1000, 500}),
                    modelarts::InvalidArgumentError);
  BOOST_TEST(f.counting->total == before);
}

BOOST_AUTO_TEST_CASE(temporary_credentials_send_the_security_token) {
  ClientFixture f;
  modelarts::test::HttpClient client(f.emulator.port());
  const auto token_reply = client.request(
      boost::beast::http::verb::post, "/v3/auth/tokens",
      R"({"auth":{"identity":{"methods":["password"],"password":{"user":{"name":")" + std::string(mt::kDefaultUsername) +
          R"(","password":")" + mt::kDefaultPassword + R"(","domain":{"name":")" + mt::kDefaultAccount +
          R"("}}}},"scope":{"project":{"id":")" + mt::kDefaultProjectId + R"("}}}})",
      {{"Content-Type", "application/json"}});
  BOOST_REQUIRE_EQUAL(token_reply.status(), 201);
  const auto issued = client.request(
      boost::beast::http::verb::post, "/v3.0/OS-CREDENTIAL/securitytokens",
      R"({"auth":{"identity":{"methods":["token"],"token":{"duration_seconds":900}}}})",
      {{"Content-Type", "application/json"}, {"X-Auth-Token", token_reply.header("X-Subject-Token")}});
  BOOST_REQUIRE_EQUAL(issued.status(), 201);
  const auto credential = boost::json::parse(issued.response.body()).at("credential").as_object();
  modelarts::SessionOptions options = f.emulator.session_options();
  options.access_key(std::string(credential.at("access").as_string()))
      .secret_key(std::string(credential.at("secret").as_string()))
      .security_token(std::string(credential.at("securitytoken").as_string()));
  const mo::ObsClient obs = modelarts::Session(options).obs();
  obs.put_object(kBucket + "temp.txt", "temporary");
  BOOST_TEST(obs.get_object(kBucket + "temp.txt") == "temporary");
  options.security_token("wrong-token");
  try {
    modelarts::Session(options).obs().get_object(kBucket + "temp.txt");
    BOOST_FAIL("expected AccessDenied");
  } catch (const modelarts::ApiError& e) {
    BOOST_TEST(e.error_code() == "AccessDenied");
    BOOST_TEST(std::string(e.what()).find("wrong-token") == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(wrong_secret_is_signature_does_not_match) {
  ClientFixture f;
  modelarts::SessionOptions options = f.emulator.session_options();
  options.secret_key("not-the-secret-key-0123456789");
  try {
    modelarts::Session(options).obs().get_object(kBucket + "x");
    BOOST_FAIL("expected SignatureDoesNotMatch");
  } catch (const modelarts::ApiError& e) {
    BOOST_TEST(e.http_status() == 403);
    BOOST_TEST(e.error_code() == "SignatureDoesNotMatch");
    BOOST_TEST(std::string(e.what()).find("not-the-secret-key") == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(addressing_and_bad_paths) {
  auto transport = std::make_shared<modelarts::test::FakeTransport>();
  transport->set_fallback([](const HttpRequest&) {
    return modelarts::HttpResponse{200, {{"ETag", "\"e\""}}, ""};
  });
  auto options = modelarts::test::fake_session_options(transport);
  modelarts::Session session(options);
  session.obs().put_object("obs://ma-stage-bkt/a b/c.py", "x");
  // The default endpoint, virtual-hosted: the bucket is in the host name, the key alone in the path.
  const HttpRequest virtual_hosted = transport->requests().back();
  BOOST_TEST(virtual_hosted.host == "ma-stage-bkt.obs.cn-north-4.myhuaweicloud.com");
  BOOST_TEST(virtual_hosted.scheme == "https");
  BOOST_TEST(virtual_hosted.target == "/a%20b/c.py");
  BOOST_TEST(std::string(modelarts::find_header(virtual_hosted.headers, "Authorization")).rfind("OBS HPUAEXAMPLEAK0000001:", 0) == 0u);
  BOOST_TEST(modelarts::find_header(virtual_hosted.headers, "Content-Type") == "text/x-python");
  BOOST_TEST(!modelarts::find_header(virtual_hosted.headers, "Date").empty());

  modelarts::Session path_style(options.obs_path_style(true).obs_endpoint("https://obs.example.com:8443"));
  path_style.obs().delete_object("/ma-stage-bkt/k");
  const HttpRequest by_path = transport->requests().back();
  BOOST_TEST(by_path.host == "obs.example.com");
  BOOST_TEST(by_path.port == 8443);
  BOOST_TEST(by_path.target == "/ma-stage-bkt/k");

  const std::size_t sent = transport->request_count();
  const mo::ObsClient obs = session.obs();
  BOOST_CHECK_THROW(obs.put_object("s3://bucket/k", "x"), modelarts::InvalidArgumentError);
  BOOST_CHECK_THROW(obs.put_object("obs://UPPER/k", "x"), modelarts::InvalidArgumentError);
  BOOST_CHECK_THROW(obs.put_object("obs://ab/k", "x"), modelarts::InvalidArgumentError);
  BOOST_CHECK_THROW(obs.put_object("obs://192.168.1.1/k", "x"), modelarts::InvalidArgumentError);  // IP-formatted
  BOOST_CHECK_THROW(obs.put_object("obs://bucket/", "x"), modelarts::InvalidArgumentError);
  BOOST_CHECK_THROW(obs.get_object("obs://bucket/a\nb"), modelarts::InvalidArgumentError);
  BOOST_CHECK_THROW(obs.upload_file("/no/such/file", "obs://bucket/x/"), modelarts::InvalidArgumentError);
  BOOST_TEST(transport->request_count() == sent);  // nothing was sent for any of them

  modelarts::SessionOptions password = modelarts::SessionOptions{}.account("a").username("u").password("p")
      .project_id("0123456789abcdef0123456789abcdef").region_name("cn-north-4").transport(transport);
  BOOST_CHECK_THROW(modelarts::Session(password).obs(), modelarts::ConfigurationError);
}

BOOST_AUTO_TEST_SUITE_END()
