// Hostile markup: 100,000-deep nesting, a million links, invalid UTF-8 and mislabelled charsets.
// Each page is parsed within its budgets, the tags on it found.
#include <catch2/catch.hpp>
#include <memory>
#include <set>

#include "tests/hostile/hostile_site.h"

// The hostile-test kit: HostileSite, check_scan, page_error, the size units and bounds.
using namespace tagdrift::testing;  // NOLINT(google-build-using-namespace)

namespace {

const char* kGaTag =
    "<script async src='https://www.googletagmanager.com/gtag/js?id=G-HOSTILE123'></script>";

}  // namespace

TEST_CASE("hostile: 100,000-deep nesting is parsed up to the depth guard, the tags above found") {
  HostileSite site;
  site.seed_links({"/deep"});
  std::string deep =
      std::string("<!doctype html><html><head><title>Deep</title>") + kGaTag + "</head><body>";
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "<a href='/below-the-cut'>x</a>";
  for (int i = 0; i < 100000; ++i) deep += "</div>";
  auto body = std::make_shared<const std::string>(std::move(deep));
  site.server.http().Get("/deep", [body](const httplib::Request&, httplib::Response& res) {
    set_uncompressed(res, body, "text/html");
  });
  site.server.start();
  TempDir dir;
  auto run = tagdrift::testing::run_scan(site.server.url("/"), dir.path());
  check_scan("100,000-deep nesting", run, site, kQuickSeconds, kMaxRssKb);
  // The designed outcome (util/html_depth.h): HTML nested past 512 is cut off before Gumbo,
  // whose tree building is quadratic in depth; the page is not an error.
  CHECK(page_error(run, dir, site.server.url("/deep")).empty());
  bool found = false;
  for (const auto& finding : run.report["findings"]) {
    for (const auto& page : finding["pages"]) {
      found = found || (finding["key"] == "google-analytics:G-HOSTILE123" &&
                        page["url"] == site.server.url("/deep"));
    }
  }
  CHECK(found);
  CHECK(site.log.count("/below-the-cut") == 0);
}

TEST_CASE("hostile: a page with 1,000,000 links is parsed and the crawl stays in its budgets") {
  HostileSite site;
  site.seed_links({"/links"});
  std::string links = "<!doctype html><html><head><title>Links</title></head><body>";
  for (int i = 0; i < 1000000; ++i) links += "<a href='/l/" + std::to_string(i) + "'>x</a>";
  links += "</body></html>";
  const std::size_t body_size = links.size();
  auto body = std::make_shared<const std::string>(std::move(links));
  site.server.http().Get("/links", [body](const httplib::Request&, httplib::Response& res) {
    set_uncompressed(res, body, "text/html");
  });
  site.server.http().Get(R"(/l/\d+)", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<p>leaf</p>", "text/html");
  });
  site.server.start();
  TempDir dir;
  // The page (about 24 MB) must fit the body budget to reach the parser; the page budget keeps
  // the crawl of its links short.
  constexpr int kMaxPages = 100;
  auto run =
      tagdrift::testing::run_scan(site.server.url("/"), dir.path(),
                                  {"--max-body", "64M", "--max-pages", std::to_string(kMaxPages)});
  // Gumbo's tree is what this page costs: measured near 620 MiB, about 25 times the page (some
  // 600 bytes per element node with its attribute and text child). The bound allows 40 times
  // the page: a copy per link, or a tree kept after the page was done, would pass it.
  constexpr long kLinksRssKb = 1024 * 1024;
  check_scan("1,000,000 links", run, site, kQuickSeconds, kLinksRssKb);
  CHECK(body_size > 20 * kMiB);
  CHECK(page_error(run, dir, site.server.url("/links")).empty());
  CHECK(run.report["pages"].size() <= kMaxPages);
  CHECK(site.log.count_prefix("/l/") <= kMaxPages);
  CHECK(site.log.count_prefix("/l/") > 0);
}

TEST_CASE("hostile: invalid UTF-8 and mislabelled charsets are parsed and reported as valid JSON") {
  static const char kNulTitle[] = "<html><head><title>a\0b</title>";
  const std::string meta = "<script>fbq('init', '4836152907314682'); fbq('track', 'PageView');";
  std::map<std::string, std::pair<std::string, std::string>> pages = {
      // path: content type, body
      {"/latin1-as-utf8",
       {"text/html; charset=utf-8",
        "<html><head><title>Caf\xe9 cl\xednica</title>" + meta + "</script></head></html>"}},
      {"/broken-utf8",
       {"text/html", "<html><head><title>\xff\xfe\xc0\xaf\xed\xa0\x80\xf8\x88\x80\x80\x80</title>" +
                         meta +
                         " // \xff\xc3</script></head><body><a href='/caf\xe9\xff'>\xc3\x28</a>"
                         "<img alt='\xed\xbf\xbf' src='/x.png'></body></html>"}},
      {"/ascii-as-utf16",
       {"text/html; charset=utf-16", "<html><head>" + meta + "</script></head></html>"}},
      {"/sjis-meta",
       {"text/html", "<html><head><meta charset='shift_jis'><title>\x82\xa0\x82\xa2</title>" +
                         meta + "</script></head></html>"}},
      {"/nul-bytes",
       {"text/html; charset=bogus-charset",
        std::string(kNulTitle, sizeof kNulTitle - 1) + meta + "</script></head></html>"}},
  };
  HostileSite site;
  std::vector<std::string> paths;
  for (const auto& [path, page] : pages) {
    paths.push_back(path);
    site.server.http().Get(path, [page](const httplib::Request&, httplib::Response& res) {
      res.set_content(page.second, page.first.c_str());
    });
  }
  site.seed_links(paths);
  site.server.start();
  TempDir dir;
  // run_scan parses the report strictly: invalid UTF-8 in it would throw here.
  auto run = tagdrift::testing::run_scan(site.server.url("/"), dir.path());
  check_scan("invalid UTF-8/charsets", run, site, kQuickSeconds, kMaxRssKb);
  std::set<std::string> meta_pages;
  for (const auto& finding : run.report["findings"]) {
    if (finding["key"] != "meta:4836152907314682") continue;
    for (const auto& page : finding["pages"]) meta_pages.insert(str(page["url"]));
  }
  for (const auto& path : paths) {
    INFO(path);
    CHECK(page_error(run, dir, site.server.url(path)).empty());
    CHECK(meta_pages.count(site.server.url(path)) == 1);
  }
  // The other formats take the same text: they render, and `report` re-renders from history.
  for (const char* format : {"text", "markdown", "junit", "sarif"}) {
    auto rendered = tagdrift::testing::run_tagdrift(
        {"report", "--db", (dir.path() / "x.db").string(), "--format", format}, dir.path());
    INFO(format << ": " << rendered.err);
    CHECK(rendered.exit_code == kExitOk);
    CHECK(rendered.out.find("4836152907314682") != std::string::npos);
  }
}
