#include "util/ascii.h"

#include <catch2/catch.hpp>
#include <string>

using namespace tagdrift;

TEST_CASE("ascii: only A-Z fold; bytes past 0x7f and punctuation stay") {
  CHECK(ascii_lowercase("Content-Type: TEXT/Html") == "content-type: text/html");
  const std::string utf8 = "\xc3\x84RZTE";  // "ÄRZTE": the two bytes of Ä are left alone
  CHECK(ascii_lowercase(utf8) == "\xc3\x84rzte");
  CHECK(ascii_lower('@') == '@');
  CHECK(ascii_lower('[') == '[');
  CHECK(ascii_lower('\xc3') == '\xc3');
  CHECK(is_ascii_alnum('z'));
  CHECK_FALSE(is_ascii_alnum('\xe9'));
}

TEST_CASE("ascii: case-blind comparison, prefix and search") {
  CHECK(iequals("Sitemap", "sitemap"));
  CHECK_FALSE(iequals("sitemap", "sitemaps"));
  CHECK_FALSE(iequals("\xc3\x84", "\xc3\xa4"));  // Ä and ä are not ASCII letters
  CHECK(istarts_with("<SCRIPT src=x>", "<script"));
  CHECK_FALSE(istarts_with("<scr", "<script"));
  CHECK(icontains("?utm=1&Session=abc", "session"));
  CHECK_FALSE(icontains("abc", ""));
  CHECK_FALSE(icontains("abc", "abcd"));
}
