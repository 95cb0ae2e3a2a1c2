// The nesting guard (util/html_depth): the prefix of a document Gumbo may parse without building
// a tree deeper than browsers do, found in one linear pass over the tokens.
#include "util/html_depth.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "tests/support/timing.h"

using tagdrift::html_prefix_within_depth;
using tagdrift::kMaxHtmlDepth;
using tagdrift::walk_html_within_depth;
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

namespace {

// Writes down what the guard's walk reports.
class Recorder : public tagdrift::HtmlWalkHooks {
 public:
  explicit Recorder(std::string_view html) : html_(html) {}
  void text(std::size_t from, std::size_t to, bool foreign) override {
    events.push_back((foreign ? "foreign text " : "text ") +
                     std::string(html_.substr(from, to - from)));
  }
  void opened(std::string_view name, std::size_t index) override {
    events.push_back("open " + std::string(name) + " " + std::to_string(index));
  }
  void closed(std::size_t index) override { events.push_back("close " + std::to_string(index)); }
  void flat_start(std::string_view name, std::size_t depth) override {
    events.push_back("flat " + std::string(name) + " " + std::to_string(depth));
  }
  void flat_end(std::string_view name, std::size_t depth) override {
    events.push_back("/flat " + std::string(name) + " " + std::to_string(depth));
  }
  void script(std::size_t from, std::size_t to) override {
    events.push_back("script " + std::string(html_.substr(from, to - from)));
  }
  std::vector<std::string> events;

 private:
  std::string_view html_;
};

}  // namespace

TEST_CASE("html depth: the walk reports text, the stack and script bodies to its hooks") {
  const std::string html =
      "<div>one<p>two</p><svg>three</svg><br><script>a<b</script><a>x<a>y</div>four";
  Recorder recorder(html);
  CHECK(walk_html_within_depth(html, recorder) == html.size());
  CHECK(recorder.events ==
        std::vector<std::string>{"open div 0", "text one", "flat p 1", "text two", "/flat p 1",
                                 "open svg 1", "foreign text three", "close 1", "open script 1",
                                 "script a<b", "close 1", "open a 1", "text x", "close 1",
                                 "open a 1", "text y", "close 1", "close 0", "text four"});
}

TEST_CASE("html depth: the walk stops where html_prefix_within_depth cuts") {
  const std::string html = repeat("<div>", 30) + "text";
  Recorder recorder(html);
  CHECK(walk_html_within_depth(html, recorder, 10) == html_prefix_within_depth(html, 10));
  CHECK(recorder.events.size() == 10);
}
