// The nesting guard (util/html_depth): the prefix of a document Gumbo may parse without building
// a tree deeper than browsers do, found in one linear pass over the tokens.
#include "util/html_depth.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <string_view>

#include "tests/support/timing.h"

using tagdrift::html_prefix_within_depth;
using tagdrift::kMaxHtmlDepth;
using tagdrift::testing::kSlowdown;
using tagdrift::testing::repeat;
using tagdrift::testing::seconds_since;

TEST_CASE("html depth: the nesting guard passes ordinary documents whole") {
  const std::string page =
      "<!DOCTYPE html><html><head><title>a<b</title><style>p>a{}</style>"
      "<script>if (a<b && c>d) { s = '<div><div><div>'; }</script></head><body>"
      "<!-- <div><div> --><div class=\"x>y\" data-x='<div>'><p>one<p>two<ul><li>a<li>b</ul>"
      "<table><tr><td>cell<td>cell</table><br/><img src=x><svg><path d='M0'/><path/></svg>"
      "</div></body></html>";
  CHECK(html_prefix_within_depth(page, 5) == page.size());
}

TEST_CASE("html depth: the nesting guard cuts at the first element past the budget") {
  const std::string html = repeat("<div>", 20) + "<a href=/x>";
  CHECK(html_prefix_within_depth(html, 10) == 50);
  CHECK(html_prefix_within_depth(html, 20) == 100);
  CHECK(html_prefix_within_depth(html, 21) == html.size());
}

TEST_CASE("html depth: sloppy but shallow HTML is not cut") {
  for (const char* piece :
       {"<p>text", "<li>item", "<option>o", "<a href=/x>unclosed", "<div><span>unclosed span</div>",
        "<svg><path d='M0 0'/></svg>", "<nobr>x", "<h1>a<h2>b</h2>", "<form><form>",
        "<button><button>", "<br><hr><img><input><meta><link>", "<tr><td>x"}) {
    INFO(piece);
    const std::string html = repeat(piece, 5000);
    CHECK(html_prefix_within_depth(html, kMaxHtmlDepth) == html.size());
  }
}

TEST_CASE("html depth: markup the guard does not count cannot hide deep nesting") {
  const std::string deep = repeat("<div>", 1000);
  for (const char* prefix :
       {"<!-->", "<!--->", "<!-- x --!>", "<a href =\"x>y<!--\">", "<a b\"c>", "<svg><style>",
        "<svg><script>", "<math><title>", "<div/>", "<x/>", "<table><div></table>"}) {
    INFO(prefix);
    CHECK(html_prefix_within_depth(prefix + deep, 100) < (std::string(prefix) + deep).size());
  }
}

TEST_CASE("html depth: misnesting that Gumbo keeps open is counted") {
  const std::string html = repeat("<div><table></div>", 1000);
  CHECK(html_prefix_within_depth(html, 100) < html.size());
}

TEST_CASE("html depth: unterminated constructs end the scan as they end the tokenizer") {
  CHECK(html_prefix_within_depth("<div><!-- never closed <div><div>", 1) == 33);
  CHECK(html_prefix_within_depth("<div><script>" + repeat("<div>", 10), 2) == 63);
  CHECK(html_prefix_within_depth("<div><a href='never closed" + repeat("<div>", 10), 1) == 76);
  CHECK(html_prefix_within_depth("<div><plaintext>" + repeat("<div>", 10), 2) == 66);
}

TEST_CASE("html depth: the nesting guard stays linear on hostile markup") {
  for (const char* piece : {"<!--c-->", "<!-- - -- --!- -->", "<div a='>'>", "</x", "<a <a <a",
                            "<!x>", "<?x>", "</p>", "<b></b>", "<svg><path/></svg>"}) {
    INFO(piece);
    const std::string html = "<script>" + repeat("</scrip", 1000) + "</script>" +
                             repeat(piece, (1u << 20) / std::string_view(piece).size());
    const auto start = std::chrono::steady_clock::now();
    html_prefix_within_depth(html, kMaxHtmlDepth);
    CHECK(seconds_since(start) < 0.5 * kSlowdown);
  }
}
