#include "report/html_escape.h"

#include <catch2/catch.hpp>

#include "report/safe_text.h"
#include "tests/report/report_fixtures.h"

namespace tagdrift::report {
namespace {

TEST_CASE("html escape: markup and quotes become character references") {
  CHECK(html_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(html_escape("\"><img src=x onerror='a()'>") ==
        "&quot;&gt;&lt;img src=x onerror=&#39;a()&#39;&gt;");
  CHECK(html_escape("a & b") == "a &amp; b");
}

TEST_CASE("html escape: line and paragraph separators become references, other text stays") {
  CHECK(html_escape("a\u2028b\u2029c") == "a&#x2028;b&#x2029;c");
  CHECK(html_escape("caf\u00e9 \u2027") == "caf\u00e9 \u2027");
}

TEST_CASE("html escape: control bytes and invalid UTF-8 are replaced, nothing is dropped") {
  const std::string out = html_escape(testing::kHostile);
  CHECK(out.find('<') == std::string::npos);
  CHECK(out.find('>') == std::string::npos);
  CHECK(out.find('"') == std::string::npos);
  CHECK(out.find('\x1b') == std::string::npos);
  CHECK(out.find("&lt;/testcase&gt;") != std::string::npos);
  CHECK(out.find(std::string(kReplacement)) != std::string::npos);
}

}  // namespace
}  // namespace tagdrift::report
