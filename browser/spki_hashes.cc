#include "browser/spki_hashes.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/sha.h>
#include <openssl/x509.h>

#include <memory>

#include "util/error.h"

namespace tagdrift::browser {
namespace {

struct BioFree {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
struct X509Free {
  void operator()(X509* cert) const { X509_free(cert); }
};

std::string base64(const unsigned char* data, int size) {
  std::string out(static_cast<std::size_t>(4 * ((size + 2) / 3)), '\0');
  const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, size);
  out.resize(static_cast<std::size_t>(written));
  return out;
}

std::string spki_hash(X509* cert) {
  unsigned char* der = nullptr;
  const int size = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(cert), &der);
  if (size <= 0) return {};
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(der, static_cast<std::size_t>(size), digest);
  OPENSSL_free(der);
  return base64(digest, SHA256_DIGEST_LENGTH);
}

}  // namespace

std::vector<std::string> spki_hashes(const std::filesystem::path& bundle) {
  std::unique_ptr<BIO, BioFree> file(BIO_new_file(bundle.c_str(), "r"));
  if (!file) throw usage_error("cannot read the CA bundle: " + bundle.string());
  std::vector<std::string> hashes;
  while (std::unique_ptr<X509, X509Free> cert{
      PEM_read_bio_X509(file.get(), nullptr, nullptr, nullptr)}) {
    if (auto hash = spki_hash(cert.get()); !hash.empty()) hashes.push_back(std::move(hash));
  }
  ERR_clear_error();  // the read that ended the loop left "no start line" behind
  if (hashes.empty()) throw usage_error("no certificate in the CA bundle: " + bundle.string());
  return hashes;
}

}  // namespace tagdrift::browser
