#include "drift/findings.h"

#include <catch2/catch.hpp>

#include "tests/drift/drift_fixtures.h"

using tagdrift::drift::collect_commented;
using tagdrift::drift::collect_findings;
using namespace tagdrift::testing;

TEST_CASE("findings: one finding per key, pages sorted by URL with their places") {
  auto noscript = tag_at("meta:111", "/b/");
  noscript.place = "noscript-img";
  noscript.evidence = "second";
  auto scan = scan_of(1, {page_at("/a/"), page_at("/b/")},
                      {tag_at("meta:111", "/b/"), noscript, tag_at("meta:111", "/a/"),
                       tag_at("pinterest:222", "/a/")});
  auto findings = collect_findings(scan);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].key == "meta:111");
  CHECK(findings[1].key == "pinterest:222");
  const auto& meta = findings[0];
  CHECK(meta.vendor == "meta");
  CHECK(meta.product == "Meta Pixel");
  CHECK(meta.category == "advertising");
  CHECK(meta.tag_id == "111");
  CHECK(meta.signature == "meta-tag");
  REQUIRE(meta.pages.size() == 2);
  CHECK(meta.pages[0].url == url_of("/a/"));
  CHECK(meta.pages[1].url == url_of("/b/"));
  CHECK(meta.pages[1].where == std::vector<std::string>{"script-inline", "noscript-img"});
  CHECK(meta.pages[1].evidence == "<script>meta:111</script>");
  CHECK(meta.pages[1].line == 10);
}

TEST_CASE("findings: page facts come from the scan's page records") {
  auto scan = scan_of(
      1, {page_at("/services/ivf/", {"ivf", "fertility"}, {"email", "phone"}), page_at("/about/")},
      {tag_at("meta:1", "/services/ivf/"), tag_at("meta:1", "/about/")});
  auto findings = collect_findings(scan);
  REQUIRE(findings.size() == 1);
  const auto& about = findings[0].pages[0];
  const auto& ivf = findings[0].pages[1];
  CHECK_FALSE(about.health_context);
  CHECK(about.collects_pii.empty());
  CHECK(ivf.health_context);
  CHECK(ivf.health_terms == std::vector<std::string>{"ivf", "fertility"});
  CHECK(ivf.collects_pii == std::vector<std::string>{"email", "phone"});
}

TEST_CASE("findings: a sighting naming a page by its redirect target still finds the page") {
  auto page = page_at("/old/", {"oncology"});
  page.final_url = url_of("/new/");
  auto sighting = tag_at("meta:1", "/new/");
  auto findings = collect_findings(scan_of(1, {page}, {sighting}));
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].pages[0].health_context);
}

TEST_CASE("findings: consent gating holds for a page only when every place on it is gated") {
  auto inline_gated = gated(tag_at("meta:1", "/a/"));
  auto noscript = tag_at("meta:1", "/a/");
  noscript.place = "noscript-img";
  auto scan = scan_of(1, {page_at("/a/"), page_at("/b/")},
                      {inline_gated, noscript, gated(tag_at("meta:1", "/b/"))});
  auto finding = collect_findings(scan)[0];
  CHECK_FALSE(finding.pages[0].consent_gated);
  CHECK(finding.pages[1].consent_gated);
  CHECK_FALSE(finding.consent_gated);

  auto all_gated = scan_of(1, {page_at("/a/")}, {gated(tag_at("meta:1", "/a/"))});
  CHECK(collect_findings(all_gated)[0].consent_gated);
}

TEST_CASE("findings: events and enhanced match are unions in first-seen order") {
  auto scan = scan_of(
      1, {page_at("/a/"), page_at("/b/")},
      {with_events(tag_at("meta:1", "/b/"), {"PageView", "Lead"}),
       with_matching(with_events(tag_at("meta:1", "/a/"), {"Lead", "Purchase"}), {"em", "ph"}),
       with_matching(tag_at("meta:1", "/b/"), {"ph", "fn"})});
  auto finding = collect_findings(scan)[0];
  CHECK(finding.events == std::vector<std::string>{"PageView", "Lead", "Purchase"});
  CHECK(finding.enhanced_match == std::vector<std::string>{"em", "ph", "fn"});
  CHECK(finding.pages[0].events == std::vector<std::string>{"Lead", "Purchase"});
  CHECK(finding.pages[1].enhanced_match == std::vector<std::string>{"ph", "fn"});
}

TEST_CASE("findings: the first via on a page is kept") {
  auto direct = tag_at("google-analytics:G-1", "/a/");
  auto loaded = direct;
  loaded.via = "https://www.googletagmanager.com/gtm.js?id=GTM-1";
  loaded.place = "external-js";
  auto finding = collect_findings(scan_of(1, {page_at("/a/")}, {direct, loaded}))[0];
  CHECK(finding.pages[0].via == loaded.via);
}

TEST_CASE("findings: commented sightings become commented tags, not findings") {
  auto commented = tag_at("pinterest:9", "/b/");
  commented.commented = true;
  auto again = tag_at("pinterest:9", "/a/");
  again.commented = true;
  auto twice = again;
  auto scan = scan_of(1, {page_at("/a/"), page_at("/b/")},
                      {commented, again, twice, tag_at("meta:1", "/a/")});
  auto findings = collect_findings(scan);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].key == "meta:1");
  auto tags = collect_commented(scan);
  REQUIRE(tags.size() == 1);
  CHECK(tags[0].key == "pinterest:9");
  CHECK(tags[0].vendor == "pinterest");
  CHECK(tags[0].tag_id == "9");
  CHECK(tags[0].pages == std::vector<std::string>{url_of("/a/"), url_of("/b/")});
}

TEST_CASE("findings: an empty scan has no findings") {
  auto scan = scan_of(1, {page_at("/")}, {});
  CHECK(collect_findings(scan).empty());
  CHECK(collect_commented(scan).empty());
}
