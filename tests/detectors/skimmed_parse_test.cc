// A page's analysis parses a skimmed copy of the page (detectors/html_skim.h: prose nobody reads
// is cut to its first character and line breaks). These tests check on every page the project
// has (the real corpus, the example site, the test fixtures) and on markup chosen to trip the
// tree builder that both parses give the same links, places, lines and health reading, and that
// a page the skim misjudges is parsed again in full.
#include "detectors/skimmed_parse.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "detectors/html_skim.h"
#include "detectors/html_tree.h"
#include "tests/support/temp_dir.h"
#include "tests/support/tree_digest.h"

namespace td = tagdrift::detectors;
using namespace std::string_literals;

namespace {

std::string skim(std::string_view html) { return td::skim_html_prefix(html, td::kTextReadIn).html; }

std::string full_digest(const std::string& html) {
  td::GumboOutputPtr tree = td::parse_html(html);
  return tagdrift::testing::tree_digest(tree->root, "https://clinic.test/services/ivf/");
}

std::string skimmed_digest(const std::string& html) {
  td::GumboOutputPtr tree = td::parse_page_html(html);
  return tagdrift::testing::tree_digest(tree->root, "https://clinic.test/services/ivf/");
}

// Every .html file under `root`, read whole.
std::vector<std::pair<std::string, std::string>> html_files(const std::filesystem::path& root) {
  std::vector<std::pair<std::string, std::string>> files;
  if (!std::filesystem::exists(root)) return files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    const auto extension = entry.path().extension();
    if (entry.is_regular_file() && (extension == ".html" || extension == ".htm")) {
      files.emplace_back(entry.path().string(), tagdrift::testing::read_file(entry.path()));
    }
  }
  return files;
}

}  // namespace

TEST_CASE("skimming leaves a page of prose a fraction of its size", "[skim]") {
  std::string page = "<!DOCTYPE html><title>Fertility care</title><h1>IVF</h1>";
  for (int i = 0; i < 50; ++i) {
    page +=
        "<p>Our fertility specialists explain every step of treatment, from the first "
        "consultation to embryo transfer, and answer questions about cost and success.</p>\n";
  }
  CHECK(skim(page).size() * 10 < page.size());
  CHECK(skimmed_digest(page) == full_digest(page));
}

TEST_CASE("a page the skim misjudges is parsed again in full", "[skim]") {
  // </form> takes only the form off the tree builder's stack: the unclosed label stays open and
  // holds the rest of the page, which the skim took for prose outside it.
  const std::string page =
      "<form role=search><label for=q>Search</lable><input id=q name=q></form>"
      "<p>Text that the label still holds, long enough to be skimmed</p>";
  CHECK(skim(page) != page);
  const std::size_t redone = td::skimmed_parses_redone();
  CHECK(skimmed_digest(page) == full_digest(page));
  CHECK(td::skimmed_parses_redone() == redone + 1);
  CHECK(full_digest(page).find("Text that the label still holds") != std::string::npos);

  // </table> closes the <noscript> inside the table, but its raw text, which places read again
  // as markup, runs on to "</noscript>" over the prose the skim cut.
  const std::string noscript =
      "<table><noscript></table>Prose after the table, long enough to skim <img "
      "src=\"https://ct.pinterest.com/v3/?tid=2612345678901&noscript=1\"></noscript>";
  CHECK(skim(noscript) != noscript);
  CHECK(skimmed_digest(noscript) == full_digest(noscript));
  CHECK(td::skimmed_parses_redone() == redone + 2);
}

TEST_CASE("many <noscript> elements: their raw text is never skimmed, the prose between is",
          "[skim]") {
  std::string page = "<body>";
  for (int i = 0; i < 2000; ++i) {
    page +=
        "<noscript><p>Prose inside a noscript, long enough to skim</p></noscript>"
        "<p>Prose between them, long enough to be skimmed</p>";
  }
  page += "<noscript><p>An unclosed noscript reads to the end of the page</p>";
  const std::size_t redone = td::skimmed_parses_redone();
  CHECK(skimmed_digest(page) == full_digest(page));
  CHECK(td::skimmed_parses_redone() == redone);
  CHECK(skim(page).size() < page.size() * 3 / 4);
}

TEST_CASE("a skimmed parse reads what a full parse reads on tricky markup", "[skim]") {
  const std::vector<std::string> pages = {
      "<table>Text directly in a table, long enough to skim<tr><td>Cell text long enough to "
      "skim here</td></tr></table><img src=\"https://example.test/after-table.gif\">",
      "<html><head>Text in the head long enough to end it<title>Fertility</title>"
      "<script src=\"https://s.pinimg.com/ct/core.js\"></script></head><body>Body</body>",
      "<h1><li>Heading text <h2>Inner heading text that is long enough</h2> tail text long "
      "enough here</li></h1><p>After the heading, more text that is long enough</p>",
      "<svg><![CDATA[ </svg> text long enough to skim <img src=\"/cdata.gif\"> ]]>"
      "<script>pintrk('load','2612345678901')</script></svg><p>Prose after the icon, long</p>",
      "<pre>\nPre text long enough to skim with <b>bold</b> and lines\r\nsecond\rthird</pre>"
      "\n\n<img src=\"https://example.test/pixel.gif?id=1\">",
      "<a href=\"/a\">Link text long enough to skim <a href=\"/b\">second link text long enough"
      "</a><b><p>Misnested formatting text long enough</b> after text long enough</p>",
      "<form><legend>Your symptoms and reason for visit</legend>Text in the form, long enough "
      "<button><p>Inside a p in a button</button> text after the button long enough</p></form>",
      "<frameset>Text long enough in a frameset to be skimmed here</frameset>",
      "<p>a < b and this is long enough to skim <img src=\"/x.gif\"></p></ 3 > after a bogus "
      "comment, long enough text <h1>Heading</h2>after a wrong end tag, long enough</h1>",
      "<label><div>Inside a div in a label, long enough</label> after text long enough</div>",
      "<select><option>Option text long enough to skim</option></select><p>\xff\xfe invalid "
      "bytes long enough to be skimmed here\0 and a null</p><plaintext>Everything after is text "
      "<img src=\"/plain.gif\">"s,
      "<script>var a = 1; <!-- <script> x </script> pintrk('load', '2612345678901'); -->"
      "</script><p>Prose that is long enough to be skimmed</p>",
      "line one of text before any tag\rline two\r\nline three\n<p>x</p>\n"
      "<script>gtag('config','G-ABC123XYZ')</script>",
  };
  for (const std::string& page : pages) {
    INFO(page);
    CHECK(skimmed_digest(page) == full_digest(page));
  }
}

TEST_CASE("a skimmed parse reads what a full parse reads on every page the project has", "[skim]") {
  std::vector<std::pair<std::string, std::string>> pages =
      html_files(std::filesystem::path(TAGDRIFT_SOURCE_DIR) / "examples");
  for (auto& page : html_files(TAGDRIFT_FIXTURES_DIR)) pages.push_back(std::move(page));
#ifdef TAGDRIFT_CORPUS_DIR
  for (auto& page : html_files(std::filesystem::path(TAGDRIFT_CORPUS_DIR) / "pages")) {
    pages.push_back(std::move(page));
  }
  REQUIRE(pages.size() > 60);
#endif
  REQUIRE(pages.size() > 30);
  std::size_t bytes = 0;
  std::size_t skimmed = 0;
  for (const auto& [path, html] : pages) {
    INFO(path);
    CHECK(skimmed_digest(html) == full_digest(html));
    bytes += html.size();
    skimmed += skim(html).size();
  }
  // The skim must be doing something on these pages, or this test proves nothing (they are
  // mostly markup and scripts: the real corpus is cut by 4 %).
  CHECK(skimmed < bytes * 99 / 100);
}
