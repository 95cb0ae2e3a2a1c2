#include "util/sha256.h"

#include <catch2/catch.hpp>

namespace tagdrift {
namespace {

TEST_CASE("sha256: hex and base64 name the same digest (FIPS 180-2 example \"abc\")") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_base64("abc") == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
}

TEST_CASE("sha256: the base64 of the empty string is the digest CSP tools print for it") {
  CHECK(sha256_base64("") == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
}

}  // namespace
}  // namespace tagdrift
