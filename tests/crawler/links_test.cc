#include "crawler/links.h"

#include <pthread.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "tests/support/timing.h"

using tagdrift::crawler::extract_links;
using tagdrift::crawler::extract_links_from_html;
using tagdrift::testing::kSlowdown;
using tagdrift::testing::repeat;
using tagdrift::testing::seconds_since;
using Strings = std::vector<std::string>;

namespace {

constexpr const char* kPage = "https://clinic.example/care/index.html";

Strings links_of(const std::string& html, std::size_t max_links = 1000) {
  return extract_links_from_html(html, kPage, max_links);
}

}  // namespace

TEST_CASE("links: anchors, areas, iframes and frames are followed in document order") {
  const Strings links = links_of(
      "<html><body><a href='/a'>a</a>"
      "<map><area href='b.html'></map>"
      "<iframe src='https://clinic.example/booking'></iframe>"
      "<frameset><frame src='/frame'></frameset>"
      "<a href='https://other.example/x'>x</a></body></html>");
  CHECK(links == Strings{"https://clinic.example/a", "https://clinic.example/care/b.html",
                         "https://clinic.example/booking", "https://other.example/x"});
}

TEST_CASE("links: frames in a frameset document are followed") {
  CHECK(links_of("<html><frameset><frame src='/left'><frame src='/right'></frameset></html>") ==
        Strings{"https://clinic.example/left", "https://clinic.example/right"});
}

TEST_CASE("links: <link> counts only for alternate, next and prev") {
  const Strings links = links_of(
      "<head><link rel=alternate hreflang=de href='/de/'>"
      "<link rel='next' href='?page=2'><link rel=PREV href='?page=0'>"
      "<link rel=stylesheet href='/s.css'><link rel='alternate stylesheet' href='/alt.css'>"
      "<link rel='shortcut icon' href='/favicon.ico'><link rel=canonical href='/canon'>"
      "<link href='/no-rel'></head>");
  CHECK(links == Strings{"https://clinic.example/de/",
                         "https://clinic.example/care/index.html?page=2",
                         "https://clinic.example/care/index.html?page=0"});
}

TEST_CASE("links: rel=nofollow links are still followed") {
  CHECK(links_of("<a rel=nofollow href='/private-but-public'>x</a>") ==
        Strings{"https://clinic.example/private-but-public"});
}

TEST_CASE("links: non-http links and anchors without href are dropped") {
  CHECK(links_of("<a href='javascript:void(0)'>j</a><a href='mailto:x@clinic.example'>m</a>"
                 "<a href='tel:+1555'>t</a><a href='data:text/html,x'>d</a><a name=top>n</a>"
                 "<a href='ftp://clinic.example/f'>f</a><a href='/ok'>ok</a>") ==
        Strings{"https://clinic.example/ok"});
}

TEST_CASE("links: duplicates are removed, the first occurrence keeps its place") {
  CHECK(
      links_of("<a href='/b'></a><a href='/a'></a><a href='/b#x'></a>"
               "<a href='https://clinic.example/a?utm_source=x'></a><a href='/c'></a>") ==
      Strings{"https://clinic.example/b", "https://clinic.example/a", "https://clinic.example/c"});
}

TEST_CASE("links: a link to the page itself is kept once") {
  CHECK(links_of("<a href='#top'>top</a><a href=''>self</a>") ==
        Strings{"https://clinic.example/care/index.html"});
}

TEST_CASE("links: the first <base href> resolves every link, even earlier ones") {
  const Strings links = links_of(
      "<html><head><title>t</title></head><body><a href='x'>x</a>"
      "<base href='https://cdn.clinic.example/root/'><base href='https://ignored.example/'>"
      "<a href='/y'>y</a></body></html>");
  CHECK(links == Strings{"https://cdn.clinic.example/root/x", "https://cdn.clinic.example/y"});
}

TEST_CASE("links: a relative <base href> resolves against the page") {
  CHECK(links_of("<base href='../other/'><a href='page'>p</a>") ==
        Strings{"https://clinic.example/other/page"});
}

TEST_CASE("links: a <base> without href or with a bad one is ignored") {
  CHECK(links_of("<base target=_blank><base href='https://b.example/'><a href='p'>p</a>") ==
        Strings{"https://b.example/p"});
  CHECK(links_of("<base href='javascript:alert(1)'><a href='p'>p</a>") ==
        Strings{"https://clinic.example/care/p"});
}

TEST_CASE("links: entities in attributes are decoded before resolving") {
  CHECK(links_of("<a href='/search?a=1&amp;b=2'>s</a>") ==
        Strings{"https://clinic.example/search?a=1&b=2"});
}

TEST_CASE("links: invalid UTF-8 and odd whitespace in hrefs do not break extraction") {
  const Strings links = links_of(
      "<a href='/caf\xE9'>latin1</a><a href='  /spaced  '>s</a>"
      "<a href='/a\nb'>nl</a><a href='\xff\xfe'>junk</a>");
  REQUIRE(links.size() == 4);
  CHECK(links[0] == "https://clinic.example/caf%EF%BF%BD");  // Gumbo replaces invalid UTF-8
  CHECK(links[1] == "https://clinic.example/spaced");
  CHECK(links[2] == "https://clinic.example/ab");
  CHECK(links[3] == "https://clinic.example/care/%EF%BF%BD%EF%BF%BD");
}

TEST_CASE("links: malformed URLs are dropped and the rest kept") {
  CHECK(links_of("<a href='http://'>a</a><a href='https://x.example:99999/'>b</a>"
                 "<a href='http://[::1'>c</a><a href='/fine'>d</a>") ==
        Strings{"https://clinic.example/fine"});
}

TEST_CASE("links: URLs longer than the limit are dropped") {
  const std::string long_href = "/" + std::string(3000, 'x');
  CHECK(links_of("<a href='" + long_href + "'>l</a><a href='/short'>s</a>") ==
        Strings{"https://clinic.example/short"});
}

TEST_CASE("links: max_links stops extraction; 100,000 links stay bounded and fast") {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<a href='/p" + std::to_string(i) + "'>x</a>\n";
  html += "</body></html>";
  const auto start = std::chrono::steady_clock::now();
  const Strings links = links_of(html, 5000);
  CHECK(seconds_since(start) < 5.0 * kSlowdown);
  REQUIRE(links.size() == 5000);
  CHECK(links.front() == "https://clinic.example/p0");
  CHECK(links.back() == "https://clinic.example/p4999");
  CHECK(links_of("<a href='/a'></a>", 0).empty());
}

TEST_CASE("links: duplicates do not count against max_links") {
  CHECK(links_of(repeat("<a href='/same'></a>", 100) + "<a href='/other'></a>", 2).size() == 2);
}

TEST_CASE("links: links inside templates and noscript are found") {
  CHECK(
      links_of("<template><a href='/t'>t</a></template><noscript><a href='/n'>n</a></noscript>") ==
      Strings{"https://clinic.example/t", "https://clinic.example/n"});
}

TEST_CASE("links: an empty or text-only document has no links") {
  CHECK(links_of("").empty());
  CHECK(links_of("just text").empty());
  CHECK(extract_links(nullptr, kPage, 10).empty());
}

TEST_CASE("links: 100,000 nested elements neither overflow the stack nor stall the parser") {
  const std::string html = "<a href='/before'>b</a>" + repeat("<div>", 100000) +
                           "<a href='/deep'>d</a>" + repeat("</div>", 100000);
  const auto start = std::chrono::steady_clock::now();
  const Strings links = links_of(html);
  CHECK(seconds_since(start) < 2.0 * kSlowdown);
  // The document is cut where it nests deeper than browsers build it; links before stay.
  CHECK(links == Strings{"https://clinic.example/before"});
}

TEST_CASE("links: deeply nested formatting and unknown elements are cut as well") {
  for (const char* open : {"<b>", "<span>", "<x-widget>", "<svg>", "<table><tr><td>"}) {
    INFO(open);
    const auto start = std::chrono::steady_clock::now();
    const Strings links = links_of("<a href='/first'>f</a>" + repeat(open, 100000));
    CHECK(seconds_since(start) < 2.0 * kSlowdown);
    CHECK(links == Strings{"https://clinic.example/first"});
  }
}

namespace {

// A chain of `depth` elements built by hand, each the only child of the one before, with an
// <a href> at the bottom: extract_links must walk it without recursing.
class DeepTree {
 public:
  explicit DeepTree(std::size_t depth) : nodes_(depth), child_slots_(depth) {
    href_.attr_namespace = GUMBO_ATTR_NAMESPACE_NONE;
    href_.name = "href";
    href_.value = "/bottom";
    href_slot_ = &href_;
    for (std::size_t i = 0; i < depth; ++i) {
      GumboNode& node = nodes_[i];
      node.type = GUMBO_NODE_ELEMENT;
      node.v.element.tag = i + 1 == depth ? GUMBO_TAG_A : GUMBO_TAG_DIV;
      node.v.element.tag_namespace = GUMBO_NAMESPACE_HTML;
      if (i + 1 < depth) {
        child_slots_[i] = &nodes_[i + 1];
        node.v.element.children = GumboVector{&child_slots_[i], 1, 1};
      } else {
        node.v.element.attributes = GumboVector{&href_slot_, 1, 1};
      }
    }
  }
  const GumboNode* root() const { return &nodes_.front(); }

 private:
  std::vector<GumboNode> nodes_;
  std::vector<void*> child_slots_;
  GumboAttribute href_{};
  void* href_slot_ = nullptr;
};

struct WalkJob {
  const DeepTree* tree;
  Strings links;
};

void* walk_on_small_stack(void* argument) {
  auto* job = static_cast<WalkJob*>(argument);
  job->links = extract_links(job->tree->root(), kPage, 10);
  return nullptr;
}

}  // namespace

TEST_CASE("links: the tree walk does not recurse (a 100,000-deep tree on a 256 KiB stack)") {
  const DeepTree tree(100000);
  WalkJob job{&tree, {}};
  pthread_attr_t attributes;
  REQUIRE(pthread_attr_init(&attributes) == 0);
  REQUIRE(pthread_attr_setstacksize(&attributes, 256 * 1024) == 0);
  pthread_t thread;
  REQUIRE(pthread_create(&thread, &attributes, walk_on_small_stack, &job) == 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attributes);
  CHECK(job.links == Strings{"https://clinic.example/bottom"});
}
