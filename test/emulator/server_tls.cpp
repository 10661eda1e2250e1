// SPDX-License-Identifier: Apache-2.0
// HTTPS with the certificate the emulator makes at start.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <boost/test/unit_test.hpp>

#include <modelarts/testing/emulator.hpp>

#include "support/http_client.hpp"

namespace {
namespace http = boost::beast::http;
namespace mt = modelarts::testing;
}  // namespace

BOOST_AUTO_TEST_SUITE(server_tls)

BOOST_AUTO_TEST_CASE(serves_https_with_the_made_certificate) {
  const std::string cert_out = (std::filesystem::temp_directory_path() / "emulator-server-tls-test.pem").string();
  mt::Emulator emulator(mt::EmulatorOptions{}.tls(true).cert_out(cert_out));
  BOOST_TEST(emulator.endpoint() == "https://127.0.0.1:" + std::to_string(emulator.port()));
  const std::string pem = emulator.certificate_pem();
  BOOST_REQUIRE(pem.rfind("-----BEGIN CERTIFICATE-----", 0) == 0u);
  std::ifstream written(cert_out);
  std::stringstream content;
  content << written.rdbuf();
  BOOST_TEST(content.str() == pem);
  std::filesystem::remove(cert_out);

  // The session options trust it through a CA file the emulator owns.
  const std::string ca_file = emulator.session_options().transport_options().ca_file;
  BOOST_TEST(std::filesystem::exists(ca_file));

  for (const std::string& host : {std::string("127.0.0.1"), std::string("localhost")}) {
    modelarts::test::HttpClient client(emulator.port(), pem, host);
    for (int i = 0; i < 3; ++i) {
      const auto result = client.request(http::verb::get, "/health");
      BOOST_TEST_CONTEXT(host) {
        BOOST_REQUIRE(result.ok());
        BOOST_TEST(result.status() == 200);
      }
    }
    BOOST_TEST(client.connections_made() == 1);
  }

  // A client that does not trust the certificate fails the handshake; plain HTTP gets no answer.
  const auto other = mt::Emulator(mt::EmulatorOptions{}.tls(true)).certificate_pem();
  modelarts::test::HttpClient untrusting(emulator.port(), other);
  BOOST_TEST(!untrusting.request(http::verb::get, "/health").ok());
  modelarts::test::HttpClient plain(emulator.port());
  BOOST_TEST(!plain.request(http::verb::get, "/health", {}, {}).ok());
  BOOST_TEST(modelarts::test::HttpClient(emulator.port(), pem).request(http::verb::get, "/health").status() == 200);
}

BOOST_AUTO_TEST_CASE(certificate_file_is_removed_with_the_emulator) {
  std::string ca_file;
  {
    mt::Emulator emulator(mt::EmulatorOptions{}.tls(true));
    ca_file = emulator.session_options().transport_options().ca_file;
    BOOST_TEST(std::filesystem::exists(ca_file));
  }
  BOOST_TEST(!std::filesystem::exists(ca_file));
}

BOOST_AUTO_TEST_SUITE_END()
