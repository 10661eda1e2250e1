// SPDX-License-Identifier: Apache-2.0
#include <modelarts/testing/certificate.hpp>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <boost/asio/ip/address.hpp>

#include <functional>
#include <memory>
#include <stdexcept>

namespace modelarts::testing {
namespace {

template <typename T, void (*Free)(T*)>
struct OpenSslDeleter {
  void operator()(T* p) const noexcept { Free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY, EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, OpenSslDeleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO, BIO_free_all>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION, X509_EXTENSION_free>>;

[[noreturn]] void fail(const char* what) { throw std::runtime_error(std::string("make_self_signed_certificate: ") + what); }

void check(int ok, const char* what) {
  if (ok <= 0) fail(what);
}

bool is_ip_address(const std::string& name) {
  boost::system::error_code ec;
  boost::asio::ip::make_address(name, ec);
  return !ec;
}

std::string san_list(const std::vector<std::string>& names) {
  std::string list;
  for (const auto& name : names) {
    if (!list.empty()) list += ',';
    list += (is_ip_address(name) ? "IP:" : "DNS:") + name;
  }
  return list;
}

void add_extension(X509* cert, int nid, const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  ExtPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str()));
  if (!ext) fail("bad extension");
  check(X509_add_ext(cert, ext.get(), -1), "X509_add_ext");
}

std::string to_pem(const std::function<int(BIO*)>& write) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio) fail("BIO_new");
  check(write(bio.get()), "PEM write");
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(size));
}

}  // namespace

TestCertificate make_self_signed_certificate(const std::vector<std::string>& subject_alt_names,
                                             std::chrono::hours validity) {
  KeyPtr key(EVP_EC_gen("P-256"));
  if (!key) fail("EVP_EC_gen");

  CertPtr cert(X509_new());
  if (!cert) fail("X509_new");
  check(X509_set_version(cert.get(), 2), "X509_set_version");  // v3, needed for extensions

  // A random serial, so two certificates made in one test never look like the same one to a client cache.
  unsigned char serial_bytes[16];
  check(RAND_bytes(serial_bytes, sizeof serial_bytes), "RAND_bytes");
  serial_bytes[0] &= 0x7f;  // positive
  std::unique_ptr<BIGNUM, OpenSslDeleter<BIGNUM, BN_free>> serial(BN_bin2bn(serial_bytes, sizeof serial_bytes, nullptr));
  if (!serial || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get()))) fail("serial");

  // Backdated a minute to tolerate clock skew between the maker and a verifier.
  if (!X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60)) fail("notBefore");
  if (!X509_gmtime_adj(X509_getm_notAfter(cert.get()), static_cast<long>(validity.count()) * 3600L)) fail("notAfter");

  X509_NAME* name = X509_get_subject_name(cert.get());
  const std::string common_name = subject_alt_names.empty() ? "modelarts-test" : subject_alt_names.front();
  check(X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("modelarts-cpp test"),
                                   -1, -1, 0),
        "subject O");
  check(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                   reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1, 0),
        "subject CN");
  check(X509_set_issuer_name(cert.get(), name), "issuer");
  check(X509_set_pubkey(cert.get(), key.get()), "X509_set_pubkey");

  add_extension(cert.get(), NID_basic_constraints, "critical,CA:TRUE");
  add_extension(cert.get(), NID_key_usage, "critical,digitalSignature,keyCertSign");
  add_extension(cert.get(), NID_ext_key_usage, "serverAuth");
  add_extension(cert.get(), NID_subject_key_identifier, "hash");
  if (!subject_alt_names.empty()) add_extension(cert.get(), NID_subject_alt_name, san_list(subject_alt_names));

  if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0) fail("X509_sign");

  TestCertificate result;
  result.certificate_pem = to_pem([&](BIO* bio) { return PEM_write_bio_X509(bio, cert.get()); });
  result.private_key_pem = to_pem(
      [&](BIO* bio) { return PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr); });
  return result;
}

}  // namespace modelarts::testing
