// Digests as lower-case hex, checked against the published test vectors for "abc".
#include "util/hex_digest.h"

#include <catch2/catch.hpp>

namespace tagdrift {
namespace {

TEST_CASE("hex digest: SHA-256, SHA-1 and MD5 of abc") {
  CHECK(hex_digest(DigestKind::kSha256, "abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(hex_digest(DigestKind::kSha1, "abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
  CHECK(hex_digest(DigestKind::kMd5, "abc") == "900150983cd24fb0d6963f7d28e17f72");
  CHECK(hex_digest(DigestKind::kMd5, "") == "d41d8cd98f00b204e9800998ecf8427e");
}

}  // namespace
}  // namespace tagdrift
