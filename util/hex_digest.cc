#include "util/hex_digest.h"

#include <openssl/evp.h>

#include <stdexcept>

#include "util/sha256.h"

namespace tagdrift {

std::string hex_digest(DigestKind kind, std::string_view bytes) {
  if (kind == DigestKind::kSha256) return sha256_hex(bytes);
  const EVP_MD* md = kind == DigestKind::kSha1 ? EVP_sha1() : EVP_md5();
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, md, nullptr) != 1) {
    throw std::runtime_error("digest failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(2 * length, '0');
  for (unsigned int i = 0; i < length; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 0xf];
  }
  return hex;
}

}  // namespace tagdrift
