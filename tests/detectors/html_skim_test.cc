// The prose skim (detectors/html_skim): what it keeps of a page and where it stops skimming.
// That Gumbo reads the same from the copy is checked in skimmed_parse_test.cc.
#include "detectors/html_skim.h"

#include <catch2/catch.hpp>
#include <string>

#include "detectors/skimmed_parse.h"

namespace td = tagdrift::detectors;

namespace {

std::string skim(std::string_view html) { return td::skim_html_prefix(html, td::kTextReadIn).html; }

}  // namespace

TEST_CASE("skimming cuts prose to its first character and its line breaks", "[skim]") {
  CHECK(skim("<p>Fertility treatment options for every family we see.</p>") == "<p>F</p>");
  CHECK(skim("<p>\n  Line one of a paragraph that goes on\r\nline two\rline three\n</p>") ==
        "<p>\n  L\n\n\n</p>");
  // Short runs, white space and runs that start with anything but a letter or digit stay.
  CHECK(skim("<p>Short text.</p>") == "<p>Short text.</p>");
  CHECK(skim("<p>&amp; a run that starts with a reference stays whole</p>") ==
        "<p>&amp; a run that starts with a reference stays whole</p>");
  CHECK(skim("<p>                                                    </p>") ==
        "<p>                                                    </p>");
}

TEST_CASE("skimming keeps the text that is read and all raw text", "[skim]") {
  const std::string kept =
      "<title>Fertility treatment at Northgate Health Partners</title>"
      "<h1>In vitro fertilisation and what it involves for you</h1>"
      "<label>Reason for your visit, in your own words please</label>"
      "<form><button>Book a fertility consultation with us now</button></form>"
      "<script>pintrk('load', '2612345678901', {em: 'someone@example.test'});</script>"
      "<style>body { font-family: sans-serif; margin: 0 auto; }</style>"
      "<textarea>Text typed into a text area stays as it is</textarea>"
      "<noscript><img src=\"https://ct.pinterest.com/v3/?tid=2612345678901\">"
      "Text inside noscript stays as it is</noscript>"
      "<svg><title>An SVG title that is long enough to skim</title></svg>"
      "<template>Text inside a template stays as it is, too</template>"
      "<!-- a comment that is long enough to be skimmed stays -->";
  CHECK(skim(kept) == kept);
  CHECK(skim("<h2>A subheading that is long enough</h2>Prose after it that nobody reads") ==
        "<h2>A subheading that is long enough</h2>P");
}

TEST_CASE("skimming stops where a read element may stay open in the tree builder", "[skim]") {
  // The tree builder ignores </label> when a <p> is open inside the label: what follows is still
  // label text, so it is kept, and so is the rest of the page.
  const std::string label =
      "<label><p>Your name</label>Text that the label still holds in the tree</p>"
      "<p>And every paragraph after it is kept whole as well</p>";
  CHECK(skim(label) == label);
  // "<!--" then "<script" in a script: "</script>" no longer ends it (double-escaped state).
  const std::string escaped =
      "<script>var a = 1; <!-- <script> x </script> --> pintrk('load', '2612345678901');"
      "</script><p>Prose that is long enough to be skimmed</p>";
  CHECK(skim(escaped) == escaped);
  const std::string list = "<label><li>Item</p></label><p>Kept: the item may still be open</p>";
  CHECK(skim(list) == list);
  // A paragraph closed inside, or a field (a void element), leaves the label to close normally.
  CHECK(skim("<noscript><p>Please turn on JavaScript</p></noscript><p>Prose after the notice "
             "is skimmed</p>") == "<noscript><p>Please turn on JavaScript</p></noscript><p>P</p>");
  CHECK(skim("<label>Email <input name=email></label><p>Prose after the label is skimmed</p>") ==
        "<label>Email <input name=email></label><p>P</p>");
}

TEST_CASE("skimming cuts where the depth guard cuts", "[skim]") {
  std::string deep;
  for (int i = 0; i < 20; ++i) deep += "<div>";
  deep += "Text deep inside the divisions that is long";
  CHECK(td::skim_html_prefix(deep, td::kTextReadIn, 10).html == deep.substr(0, 50));
  CHECK(td::skim_html_prefix("<p>An unclosed tag at the very end of the page <a href",
                             td::kTextReadIn)
            .html == "<p>A<a href");
}
