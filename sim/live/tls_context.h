#pragma once
/// @file The TLS side of STARTTLS for `delivsim serve` (OpenSSL through Boost.Asio): a server context with
/// the certificate and key the user gives, or a throwaway self-signed one made at start (an MTA under test
/// is told not to verify it, as with any test receiver).
#include <boost/asio/ssl/context.hpp>
#include <string>

namespace delivsim {

/// A TLS server context (TLS 1.2 and later). With `cert_file` and `key_file` (PEM) empty, a new P-256 key
/// and a self-signed certificate for `host_name`, valid for 30 days, are made in memory; nothing is written.
/// Throws std::runtime_error naming the file or the OpenSSL step that failed.
boost::asio::ssl::context make_server_tls_context(const std::string& cert_file, const std::string& key_file,
                                                  const std::string& host_name);

}  // namespace delivsim
