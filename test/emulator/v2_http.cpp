// SPDX-License-Identifier: Apache-2.0
// The emulator's v2 endpoints over real HTTP, signed by hand with the public signer (no SDK calls): the
// documented statuses and bodies on the wire (201, 202 empty, 204 empty, 200 null), gateway signature
// checks, v2 error bodies, the code checks in the emulator's OBS (2757, 2758), and injected faults on /v2 paths.
#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include <modelarts/obs_signer.hpp>
#include <modelarts/signer.hpp>
#include <modelarts/testing/emulator.hpp>

#include "support/http_client.hpp"
#include "support/v2_service_harness.hpp"

namespace {

namespace http = boost::beast::http;
namespace json = boost::json;
namespace mt = modelarts::testing;
using modelarts::test::ClientResult;

struct SignedClient {
  explicit SignedClient(const mt::Emulator& emulator, std::string secret = mt::kDefaultSecretKey)
      : port(emulator.port()), client(std::make_unique<modelarts::test::HttpClient>(port)), secret_key(std::move(secret)) {}

  ClientResult send(const std::string& method, const std::string& path_after_project, const std::string& body = {},
                    modelarts::QueryParams query = {}) {
    modelarts::SignableRequest request;
    request.method = method;
    request.host = client->host_header();
    request.path = "/v2/" + std::string(mt::kDefaultProjectId) + "/" + path_after_project;
    request.query = std::move(query);
    request.headers = {{"Content-Type", "application/json"}};
    request.body = body;
    modelarts::SignedRequest signed_request = modelarts::sign_request(
        request, {mt::kDefaultAccessKey, secret_key, ""}, modelarts::format_sdk_date(std::chrono::system_clock::now()));
    modelarts::test::ClientRequest message{http::string_to_verb(method), signed_request.target, 11};
    for (auto& [name, value] : signed_request.headers) message.set(name, value);
    message.body() = body;
    return client->send(std::move(message));
  }
  /// A new connection (after a cut-off reply broke the old one).
  void reconnect() { client = std::make_unique<modelarts::test::HttpClient>(port); }

  std::uint16_t port;
  std::unique_ptr<modelarts::test::HttpClient> client;
  std::string secret_key;
};

json::object object_of(const ClientResult& r) { return json::parse(r.response.body()).as_object(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(v2_http)

BOOST_AUTO_TEST_CASE(documented_statuses_and_bodies_on_the_wire) {
  mt::Emulator emulator(mt::EmulatorOptions{}.time_scale(1000));
  SignedClient c(emulator);
  ClientResult created = c.send("POST", "training-jobs", modelarts::test::v2_create_body("wire"));
  BOOST_REQUIRE(created.ok());
  BOOST_TEST(created.status() == 201, created.response.body());
  BOOST_TEST(created.header("Content-Type").find("application/json") == 0u);
  const std::string id(object_of(created).at("metadata").at("id").as_string());

  ClientResult early = c.send("GET", "training-jobs/" + id + "/tasks/worker-0/logs/preview");
  // Job time runs 1000x: Running starts 5 ms after creation, so a 204 is only seen when this is quick.
  BOOST_TEST((early.status() == 204 || early.status() == 200));
  if (early.status() == 204) BOOST_TEST(early.response.body().empty());

  ClientResult updated = c.send("PUT", "training-jobs/" + id, R"({"description":"over http"})");
  BOOST_TEST(updated.status() == 200);
  BOOST_TEST(updated.response.body() == "null");

  ClientResult searched = c.send("POST", "training-job-searches", R"({"limit":1,"filters":[{"key":"name","operator":"in","value":["wire"]}]})");
  BOOST_TEST(searched.status() == 200);
  BOOST_TEST(object_of(searched).at("items").as_array().size() == 1u);

  ClientResult flavors = c.send("GET", "training-job-flavors", {}, {{"flavor_type", "CPU"}});
  BOOST_TEST(object_of(flavors).at("total_count").as_int64() == 2);

  ClientResult deleted = c.send("DELETE", "training-jobs/" + id);
  BOOST_TEST(deleted.status() == 202);
  BOOST_TEST(deleted.response.body().empty());
  ClientResult gone = c.send("GET", "training-jobs/" + id);
  BOOST_TEST(gone.status() == 400);
  const auto error = object_of(gone);
  BOOST_TEST(error.at("error_code").as_string() == "ModelArts.2775");
  BOOST_TEST(!error.at("error_msg").as_string().empty());
  BOOST_TEST(!error.at("error_solution").as_string().empty());
}

// The create checks code_dir and boot_file in the emulator's own OBS (a bucket it holds): 400 ModelArts.2757 for a
// missing code folder, 2758 for a missing boot file, 201 once both exist. The objects go in with a plain OBS PUT
// whose signature is written out here (VERB, Content-MD5, Content-Type, Date, resource).
BOOST_AUTO_TEST_CASE(code_dir_and_boot_file_are_checked_in_the_emulator_obs) {
  mt::Emulator emulator(mt::EmulatorOptions{}.time_scale(1000));
  SignedClient c(emulator);
  const std::string bucket = mt::kDefaultBucket;
  const auto put_object = [&](const std::string& key) {
    const std::string path = "/" + bucket + "/" + key;
    const std::string date = modelarts::obs::format_http_date(std::chrono::system_clock::now());
    modelarts::test::ClientRequest message{http::verb::put, path, 11};
    message.set("Date", date);
    message.set("Authorization", std::string("OBS ") + mt::kDefaultAccessKey + ":" +
                                     modelarts::obs::signature_of(mt::kDefaultSecretKey, "PUT\n\n\n" + date + "\n" + path));
    message.body() = "print('x')\n";
    return modelarts::test::HttpClient(emulator.port()).send(std::move(message)).status();
  };
  std::string body = modelarts::test::v2_create_body("code-check");
  for (const char* from : {"obs://bkt/code/train.py", "obs://bkt/code/"}) {
    body.replace(body.find(from), std::string(from).size(),
                 "obs://" + bucket + "/job-code/" + (std::string(from).back() == '/' ? "" : "train.py"));
  }
  const auto refused_with = [&](const std::string& code) {
    ClientResult r = c.send("POST", "training-jobs", body);
    BOOST_TEST(r.status() == 400, r.response.body());
    const json::object error = object_of(r);
    BOOST_TEST(error.at("error_code").as_string() == code);
    BOOST_TEST(!error.at("error_msg").as_string().empty());
  };
  refused_with("ModelArts.2757");  // nothing under job-code/
  BOOST_TEST_REQUIRE(put_object("job-code/util.py") == 200);
  refused_with("ModelArts.2758");  // the folder exists, the boot file does not
  BOOST_TEST_REQUIRE(put_object("job-code/train.py") == 200);
  ClientResult created = c.send("POST", "training-jobs", body);
  BOOST_TEST(created.status() == 201, created.response.body());
  // A bucket the emulator does not hold is not checked (it stands for someone else's OBS).
  BOOST_TEST(c.send("POST", "training-jobs", modelarts::test::v2_create_body("elsewhere")).status() == 201);
}

BOOST_AUTO_TEST_CASE(signatures_are_checked_on_v2_paths) {
  mt::Emulator emulator;
  SignedClient wrong(emulator, "not-the-secret");
  ClientResult refused = wrong.send("GET", "training-job-engines");
  BOOST_TEST(refused.status() == 401);
  BOOST_TEST(object_of(refused).at("error_code").as_string() == "APIGW.0301");
  modelarts::test::HttpClient anonymous(emulator.port());
  BOOST_TEST(anonymous.request(http::verb::get, "/v2/" + std::string(mt::kDefaultProjectId) + "/training-job-engines").status() == 401);
  SignedClient right(emulator);
  BOOST_TEST(right.send("GET", "training-job-engines").status() == 200);
}

BOOST_AUTO_TEST_CASE(unknown_v2_path_is_2836) {
  mt::Emulator emulator;
  SignedClient c(emulator);
  ClientResult r = c.send("GET", "training-jobz");
  BOOST_TEST(r.status() == 404);
  BOOST_TEST(object_of(r).at("error_code").as_string() == "ModelArts.2836");
}

BOOST_AUTO_TEST_CASE(faults_are_injected_on_v2_paths_too) {
  mt::Emulator emulator(mt::EmulatorOptions{}.fault_rate(1.0).fault_seed(7));
  SignedClient c(emulator);
  int faulted = 0;
  for (int i = 0; i < 20; ++i) {
    ClientResult r = c.send("GET", "training-job-engines");
    if (!r.ok() || r.status() != 200) ++faulted;
    if (!r.ok()) c.reconnect();
  }
  BOOST_TEST(faulted > 0);
}

BOOST_AUTO_TEST_SUITE_END()
