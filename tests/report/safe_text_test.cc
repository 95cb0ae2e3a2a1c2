#include "report/safe_text.h"

#include <catch2/catch.hpp>

using tagdrift::report::printable;
using tagdrift::report::valid_utf8;

namespace {
const std::string kFffd = "\xEF\xBF\xBD";
}

TEST_CASE("safe_text: valid UTF-8 passes unchanged") {
  std::string text = "caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80 plain";
  CHECK(valid_utf8(text) == text);
  CHECK(printable(text) == text);
}

TEST_CASE("safe_text: each invalid sequence becomes U+FFFD") {
  CHECK(valid_utf8("a\xFF"
                   "b") == "a" + kFffd + "b");
  CHECK(valid_utf8("\xC3") == kFffd);  // truncated at the end
  CHECK(valid_utf8("\xE2\x82"
                   "x") == kFffd + kFffd + "x");               // truncated in the middle
  CHECK(valid_utf8("\xC0\xAF") == kFffd + kFffd);              // overlong '/'
  CHECK(valid_utf8("\xED\xA0\x80") == kFffd + kFffd + kFffd);  // a surrogate
  CHECK(valid_utf8("\xF4\x90\x80\x80") == kFffd + kFffd + kFffd + kFffd);  // past U+10FFFF
  CHECK(valid_utf8("\x80") == kFffd);                                      // a stray continuation
}

TEST_CASE("safe_text: printable replaces control characters but keeps tabs") {
  CHECK(printable("a\x1b[31mred") == "a" + kFffd + "[31mred");
  CHECK(printable(std::string("a\0b", 3)) == "a" + kFffd + "b");
  CHECK(printable("a\x7f\xC2\x85z") == "a" + kFffd + kFffd + "z");  // DEL and NEL (C1)
  CHECK(printable("a\tb") == "a\tb");
  CHECK(printable("a\rb") == "a" + kFffd + "b");
  CHECK(printable("\xEF\xBF\xBE\xEF\xBF\xBF") == kFffd + kFffd);  // non-characters
}

TEST_CASE("safe_text: printable keeps newlines only when asked") {
  CHECK(printable("a\nb") == "a" + kFffd + "b");
  CHECK(printable("a\nb", true) == "a\nb");
}
