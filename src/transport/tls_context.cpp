// SPDX-License-Identifier: Apache-2.0
#include "transport/tls_context.hpp"

#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <boost/asio/error.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ssl/error.hpp>

namespace modelarts::transport {

namespace ssl = boost::asio::ssl;

std::variant<std::shared_ptr<ssl::context>, std::string> make_tls_context(const TransportOptions& options) {
  auto context = std::make_shared<ssl::context>(ssl::context::tls_client);
  boost::system::error_code ec;
  context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                           ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1,
                       ec);
  if (options.insecure_skip_tls_verify) {
    context->set_verify_mode(ssl::verify_none);
    return context;
  }
  context->set_verify_mode(ssl::verify_peer);
  if (!options.ca_file.empty()) {
    context->load_verify_file(options.ca_file, ec);
    if (ec) return "cannot load CA file '" + options.ca_file + "': " + ec.message();
  } else {
    context->set_default_verify_paths(ec);
    if (ec) return "cannot load the system CA certificates: " + ec.message();
  }
  return context;
}

bool prepare_tls_session(SSL* ssl, const std::string& host, bool verify) {
  boost::system::error_code ec;
  boost::asio::ip::make_address(host, ec);
  const bool is_address = !ec;
  // RFC 6066: SNI carries host names only, never literal addresses.
  if (!is_address && SSL_set_tlsext_host_name(ssl, host.c_str()) != 1) return false;
  if (!verify) return true;
  X509_VERIFY_PARAM* param = SSL_get0_param(ssl);
  if (is_address) return X509_VERIFY_PARAM_set1_ip_asc(param, host.c_str()) == 1;
  X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
  return X509_VERIFY_PARAM_set1_host(param, host.c_str(), host.size()) == 1;
}

std::string describe_tls_failure(SSL* ssl, const boost::system::error_code& ec) {
  const long verify_result = ssl ? SSL_get_verify_result(ssl) : X509_V_OK;
  if (verify_result != X509_V_OK) {
    return std::string("certificate verify failed (") + X509_verify_cert_error_string(verify_result) + ")";
  }
  if (ec == boost::asio::ssl::error::stream_truncated || ec == boost::asio::error::eof) {
    return "the server closed the connection during the handshake (is it serving TLS on this port?)";
  }
  return ec.message();
}

}  // namespace modelarts::transport
