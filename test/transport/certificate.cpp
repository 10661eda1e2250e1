// SPDX-License-Identifier: Apache-2.0
// make_self_signed_certificate: a usable PEM pair whose SANs are IP entries for addresses and DNS for names.
#include <boost/test/unit_test.hpp>

#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <memory>
#include <string>

#include <modelarts/testing/certificate.hpp>

namespace {

std::unique_ptr<X509, decltype(&X509_free)> parse_certificate(const std::string& pem) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
  return {PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr), X509_free};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(certificate)

BOOST_AUTO_TEST_CASE(sans_are_typed_and_key_matches) {
  const auto made = modelarts::testing::make_self_signed_certificate({"127.0.0.1", "::1", "localhost"});
  auto x509 = parse_certificate(made.certificate_pem);
  BOOST_REQUIRE(x509);
  BOOST_TEST(X509_check_ip_asc(x509.get(), "127.0.0.1", 0) == 1);
  BOOST_TEST(X509_check_ip_asc(x509.get(), "::1", 0) == 1);
  BOOST_TEST(X509_check_host(x509.get(), "localhost", 0, 0, nullptr) == 1);
  BOOST_TEST(X509_check_host(x509.get(), "127.0.0.1", 0, 0, nullptr) != 1);  // an address is not a DNS SAN
  BOOST_TEST(X509_check_ip_asc(x509.get(), "10.0.0.1", 0) != 1);

  std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(made.private_key_pem.data(), static_cast<int>(made.private_key_pem.size())), BIO_free);
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr),
                                                          EVP_PKEY_free);
  BOOST_REQUIRE(key);
  BOOST_TEST(X509_check_private_key(x509.get(), key.get()) == 1);
  BOOST_TEST(X509_verify(x509.get(), key.get()) == 1);  // self-signed
}

BOOST_AUTO_TEST_CASE(validity_follows_the_argument) {
  const auto made = modelarts::testing::make_self_signed_certificate({"localhost"}, std::chrono::hours(48));
  auto x509 = parse_certificate(made.certificate_pem);
  BOOST_REQUIRE(x509);
  int days = 0;
  int seconds = 0;
  BOOST_REQUIRE(ASN1_TIME_diff(&days, &seconds, X509_get0_notBefore(x509.get()), X509_get0_notAfter(x509.get())) == 1);
  BOOST_TEST(days == 2);  // 48 h plus the one-minute backdating
  BOOST_TEST(seconds == 60);
}

BOOST_AUTO_TEST_CASE(each_certificate_is_new) {
  const auto first = modelarts::testing::make_self_signed_certificate();
  const auto second = modelarts::testing::make_self_signed_certificate();
  BOOST_TEST(first.certificate_pem != second.certificate_pem);
  BOOST_TEST(first.private_key_pem != second.private_key_pem);
}

BOOST_AUTO_TEST_SUITE_END()
