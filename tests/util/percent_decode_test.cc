#include "util/percent_decode.h"

#include <catch2/catch.hpp>

using tagdrift::percent_decoded;

TEST_CASE("percent_decoded: escapes of either case decode, malformed ones stay as written") {
  CHECK(percent_decoded("%41%6a%6A") == "Ajj");
  CHECK(percent_decoded("100%") == "100%");
  CHECK(percent_decoded("%4") == "%4");
  CHECK(percent_decoded("%41%") == "A%");
  CHECK(percent_decoded("%zz%2") == "%zz%2");
  CHECK(percent_decoded("a%00b") == std::string("a\0b", 3));
}

TEST_CASE("percent_decoded: '+' is a space only in form encoding") {
  CHECK(percent_decoded("a+b%2B") == "a+b+");
  CHECK(percent_decoded("a+b%2B", true) == "a b+");
}
