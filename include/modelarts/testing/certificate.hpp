// SPDX-License-Identifier: Apache-2.0
// Self-signed certificates made at run time, so TLS tests and the emulator's --tls need no key files on disk.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace modelarts::testing {

/// A certificate and its private key, both PEM. The certificate is its own CA (basicConstraints CA:TRUE), so a
/// client trusts it by loading certificate_pem as its CA bundle (TransportOptions::ca_file).
struct TestCertificate {
  std::string certificate_pem;
  std::string private_key_pem;  ///< unencrypted PKCS#8
};

/// Makes a self-signed EC P-256 certificate. Each subject alternative name that parses as an IPv4/IPv6 address
/// becomes an IP SAN, every other one a DNS SAN; the first one is also the subject CN. Throws std::runtime_error
/// when OpenSSL fails.
TestCertificate make_self_signed_certificate(
    const std::vector<std::string>& subject_alt_names = {"127.0.0.1", "localhost"},
    std::chrono::hours validity = std::chrono::hours(24));

}  // namespace modelarts::testing
