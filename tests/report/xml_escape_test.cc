#include "report/xml_escape.h"

#include <catch2/catch.hpp>

using tagdrift::report::xml_escape;

TEST_CASE("xml_escape: markup characters become entities") {
  CHECK(xml_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;");
  CHECK(xml_escape("]]></testcase>") == "]]&gt;&lt;/testcase&gt;");
}

TEST_CASE("xml_escape: tab and newline survive as character references") {
  CHECK(xml_escape("a\tb\nc") == "a&#9;b&#10;c");
}

TEST_CASE("xml_escape: what XML 1.0 cannot carry becomes U+FFFD") {
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(xml_escape(std::string("\0\x01\x1b\r\x7f", 5)) == fffd + fffd + fffd + fffd + fffd);
  CHECK(xml_escape("\xEF\xBF\xBE") == fffd);
  CHECK(xml_escape("\xff") == fffd);
  CHECK(xml_escape("caf\xC3\xA9") == "caf\xC3\xA9");
}
