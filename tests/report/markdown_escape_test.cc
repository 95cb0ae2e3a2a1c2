#include "report/markdown_escape.h"

#include <catch2/catch.hpp>

using tagdrift::report::markdown_escape;

TEST_CASE("markdown_escape: pipes and backticks cannot end a cell or open code") {
  CHECK(markdown_escape("a|b") == "a\\|b");
  CHECK(markdown_escape("`code`") == "\\`code\\`");
  CHECK(markdown_escape("\\|") == "\\\\\\|");  // a backslash cannot unescape the pipe
}

TEST_CASE("markdown_escape: links, emphasis and HTML stay literal") {
  CHECK(markdown_escape("[x](javascript:alert)") == "\\[x\\]\\(javascript:alert\\)");
  CHECK(markdown_escape("*b* _i_ ~s~") == "\\*b\\* \\_i\\_ \\~s\\~");
  CHECK(markdown_escape("<img src=x>") == "\\<img src=x\\>");
  CHECK(markdown_escape("&amp;") == "\\&amp;");
  CHECK(markdown_escape("@team #12 $x$") == "\\@team \\#12 \\$x\\$");
}

TEST_CASE("markdown_escape: line breaks become spaces, controls and bad bytes U+FFFD") {
  CHECK(markdown_escape("a\nb\r\nc\td") == "a b  c d");
  CHECK(markdown_escape("a\x01\xff") == "a\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("markdown_escape: URLs and plain text stay readable") {
  CHECK(markdown_escape("https://www.clinic.test/a/b.html?x=1") ==
        "https://www.clinic.test/a/b.html?x=1");
  CHECK(markdown_escape("caf\xC3\xA9") == "caf\xC3\xA9");
}
