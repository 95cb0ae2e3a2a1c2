#include "util/sha256.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace tagdrift {

namespace {

struct Digest {
  unsigned char bytes[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
};

Digest sha256(std::string_view bytes) {
  Digest digest;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.bytes, &digest.length, EVP_sha256(), nullptr) !=
      1) {
    throw std::runtime_error("SHA-256 failed");
  }
  return digest;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  const Digest digest = sha256(bytes);
  const unsigned int length = digest.length;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(2 * length, '0');
  for (unsigned int i = 0; i < length; ++i) {
    hex[2 * i] = kHex[digest.bytes[i] >> 4];
    hex[2 * i + 1] = kHex[digest.bytes[i] & 0xf];
  }
  return hex;
}

std::string sha256_base64(std::string_view bytes) {
  const Digest digest = sha256(bytes);
  unsigned char encoded[4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1];
  const int length = EVP_EncodeBlock(encoded, digest.bytes, static_cast<int>(digest.length));
  return std::string(reinterpret_cast<const char*>(encoded), static_cast<std::size_t>(length));
}

}  // namespace tagdrift
