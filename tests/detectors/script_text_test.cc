// Container script bodies with their JavaScript string escapes undone (detectors/script_text.cc).
#include "detectors/script_text.h"

#include <catch2/catch.hpp>

namespace tagdrift::detectors {
namespace {

TEST_CASE("script text: quotes, slashes and \\u / \\x escapes of ASCII are decoded") {
  CHECK(unescape_script_text(R"(fbq(\"init\",\"123\"))") == R"(fbq("init","123"))");
  CHECK(unescape_script_text(R"(\u003Cscript\u003Ehttps:\/\/x.test\/a.js)") ==
        "<script>https://x.test/a.js");
  CHECK(unescape_script_text(R"(\x27load\x27)") == "'load'");
}

TEST_CASE("script text: other escapes and a trailing backslash are kept as written") {
  CHECK(unescape_script_text(R"(a\nb\u00e9\x0a\q)") == R"(a\nb\u00e9\x0a\q)");
  CHECK(unescape_script_text("end\\") == "end\\");
  CHECK(unescape_script_text(R"(\u12)") == R"(\u12)");
}

}  // namespace
}  // namespace tagdrift::detectors
