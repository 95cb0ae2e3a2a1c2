// Base64 as RFC 4648 spells it.
#include "util/base64.h"

#include <catch2/catch.hpp>

namespace tagdrift {
namespace {

TEST_CASE("base64: RFC 4648 test vectors") {
  CHECK(base64_encode("") == "");
  CHECK(base64_encode("f") == "Zg==");
  CHECK(base64_encode("fo") == "Zm8=");
  CHECK(base64_encode("foo") == "Zm9v");
  CHECK(base64_encode("foobar") == "Zm9vYmFy");
  CHECK(base64_encode(std::string("\0\xff", 2)) == "AP8=");
}

}  // namespace
}  // namespace tagdrift
