#include "sim/live/tls_context.h"

#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <memory>
#include <stdexcept>

namespace delivsim {
namespace {

struct KeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct CertFree {
  void operator()(X509* cert) const { X509_free(cert); }
};

void need(bool ok, const char* step) {
  if (!ok) throw std::runtime_error(std::string("STARTTLS: OpenSSL failed to ") + step);
}

/// A throwaway self-signed certificate for `host_name` and its key, loaded into `context`.
void use_self_signed(boost::asio::ssl::context& context, const std::string& host_name) {
  std::unique_ptr<EVP_PKEY, KeyFree> key(EVP_EC_gen("P-256"));
  need(key != nullptr, "make a P-256 key");
  std::unique_ptr<X509, CertFree> cert(X509_new());
  need(cert != nullptr, "make a certificate");
  need(X509_set_version(cert.get(), 2) == 1, "set the certificate version");
  need(ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1) == 1, "set the serial number");
  need(X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) != nullptr, "set notBefore");
  need(X509_gmtime_adj(X509_getm_notAfter(cert.get()), 30L * 24 * 3600) != nullptr, "set notAfter");
  need(X509_set_pubkey(cert.get(), key.get()) == 1, "set the public key");
  X509_NAME* name = X509_get_subject_name(cert.get());
  need(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                  reinterpret_cast<const unsigned char*>(host_name.c_str()), -1, -1, 0) == 1,
       "name the certificate");
  need(X509_set_issuer_name(cert.get(), name) == 1, "set the issuer");
  need(X509_sign(cert.get(), key.get(), EVP_sha256()) > 0, "sign the certificate");
  need(SSL_CTX_use_certificate(context.native_handle(), cert.get()) == 1, "load the certificate");
  need(SSL_CTX_use_PrivateKey(context.native_handle(), key.get()) == 1, "load the key");
}

}  // namespace

boost::asio::ssl::context make_server_tls_context(const std::string& cert_file, const std::string& key_file,
                                                  const std::string& host_name) {
  boost::asio::ssl::context context(boost::asio::ssl::context::tls_server);
  context.set_options(boost::asio::ssl::context::default_workarounds | boost::asio::ssl::context::no_sslv2 |
                      boost::asio::ssl::context::no_sslv3 | boost::asio::ssl::context::no_tlsv1 |
                      boost::asio::ssl::context::no_tlsv1_1);
  if (cert_file.empty() && key_file.empty()) {
    use_self_signed(context, host_name);
    return context;
  }
  if (cert_file.empty() || key_file.empty())
    throw std::runtime_error(
        "--tls-cert and --tls-key go together (or neither, for a self-signed certificate)");
  boost::system::error_code ec;
  context.use_certificate_chain_file(cert_file, ec);
  if (ec) throw std::runtime_error("--tls-cert " + cert_file + ": " + ec.message());
  context.use_private_key_file(key_file, boost::asio::ssl::context::pem, ec);
  if (ec) throw std::runtime_error("--tls-key " + key_file + ": " + ec.message());
  return context;
}

}  // namespace delivsim
