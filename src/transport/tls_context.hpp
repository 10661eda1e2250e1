// SPDX-License-Identifier: Apache-2.0
// The client TLS context shared by all connections of one transport, and the per-connection setup that goes
// with it (SNI and host-name/IP verification).
#pragma once

#include <memory>
#include <string>
#include <variant>

#include <boost/asio/ssl/context.hpp>
#include <boost/system/error_code.hpp>

#include <modelarts/http.hpp>

namespace modelarts::transport {

/// TLS 1.2+, peer verification against the system roots or options.ca_file, unless insecure_skip_tls_verify.
/// Returns an error message when the CA file cannot be loaded.
std::variant<std::shared_ptr<boost::asio::ssl::context>, std::string> make_tls_context(const TransportOptions& options);

/// Sets SNI (for names, not addresses) and makes OpenSSL check the certificate against `host`
/// (DNS SANs for names, IP SANs for addresses). Returns false if OpenSSL refused the settings.
bool prepare_tls_session(SSL* ssl, const std::string& host, bool verify);

/// Why a handshake failed, one line: the certificate verification result when there is one.
std::string describe_tls_failure(SSL* ssl, const boost::system::error_code& ec);

}  // namespace modelarts::transport
