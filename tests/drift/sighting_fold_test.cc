#include "drift/sighting_fold.h"

#include <catch2/catch.hpp>

#include "drift/findings.h"
#include "tests/drift/drift_fixtures.h"

using tagdrift::drift::SightingFold;
using namespace tagdrift::testing;

TEST_CASE("sighting fold: pages named later take their health context from the records") {
  SightingFold fold;
  fold.add(tag_at("meta:1", "/ivf/"));
  fold.add(gated(tag_at("meta:1", "/about/")));
  // The page records arrive only when the findings are taken, as a scan's pages do.
  auto findings =
      fold.take_findings(report_pages({page_at("/about/"), page_at("/ivf/", {"ivf"}, {"email"})}));
  REQUIRE(findings.size() == 1);
  REQUIRE(findings[0].pages.size() == 2);
  CHECK(findings[0].pages[0].url == url_of("/about/"));
  CHECK(findings[0].pages[0].consent_gated);
  CHECK(findings[0].pages[1].health_terms == std::vector<std::string>{"ivf"});
  CHECK(findings[0].pages[1].collects_pii == std::vector<std::string>{"email"});
  CHECK_FALSE(findings[0].consent_gated);
}

TEST_CASE("sighting fold: taking leaves the fold empty") {
  SightingFold fold;
  auto commented = tag_at("pinterest:9", "/a/");
  commented.commented = true;
  fold.add(commented);
  fold.add(tag_at("meta:1", "/a/"));
  CHECK(fold.take_findings(report_pages({page_at("/a/")})).size() == 1);
  CHECK(fold.take_commented().size() == 1);
  CHECK(fold.take_findings(report_pages({page_at("/a/")})).empty());
  CHECK(fold.take_commented().empty());
}

TEST_CASE("sighting fold: gating only keeps each page's URL and gating, and the tag's facts") {
  auto sighting = with_matching(with_events(tag_at("meta:1", "/ivf/"), {"Lead"}), {"em"});
  sighting.via = "https://www.googletagmanager.com/gtm.js?id=GTM-1";
  SightingFold outline(SightingFold::PageDetail::kGatingOnly);
  outline.add(sighting);
  outline.add(gated(tag_at("meta:1", "/about/")));
  auto findings = outline.take_findings(report_pages({page_at("/ivf/", {"ivf"}, {"email"})}));
  REQUIRE(findings.size() == 1);
  const auto& finding = findings[0];
  CHECK(finding.vendor == "meta");
  CHECK(finding.tag_id == "1");
  CHECK(finding.events == std::vector<std::string>{"Lead"});
  CHECK(finding.enhanced_match == std::vector<std::string>{"em"});
  REQUIRE(finding.pages.size() == 2);
  CHECK(finding.pages[0].url == url_of("/about/"));
  CHECK(finding.pages[0].consent_gated);
  const auto& ivf = finding.pages[1];
  CHECK(ivf.url == url_of("/ivf/"));
  CHECK_FALSE(ivf.consent_gated);
  CHECK(ivf.where.empty());
  CHECK(ivf.via.empty());
  CHECK(ivf.evidence.empty());
  CHECK(ivf.events.empty());
  CHECK_FALSE(ivf.health_context);
  CHECK(ivf.health_terms.empty());
}

TEST_CASE("sighting fold: a kept page and the findings' pages share its URL and terms") {
  SightingFold fold;
  fold.add(tag_at("meta:1", "/ivf/"));
  fold.add(tag_at("pinterest:2", "/ivf/"));
  const std::vector<tagdrift::drift::ReportPage> pages = {
      fold.keep_page(page_at("/ivf/", {"ivf"}, {"email"}))};
  CHECK(pages[0].url == url_of("/ivf/"));
  CHECK(pages[0].final_url == url_of("/ivf/"));
  CHECK(pages[0].status == 200);
  auto findings = fold.take_findings(pages);
  REQUIRE(findings.size() == 2);
  for (const auto& finding : findings) {
    REQUIRE(finding.pages.size() == 1);
    CHECK(&*finding.pages[0].url == &*pages[0].url);
    CHECK(&*finding.pages[0].health_terms == &*pages[0].health_terms);
    CHECK(finding.pages[0].collects_pii == std::vector<std::string>{"email"});
  }
}

TEST_CASE("sighting fold: a page keeps the first container origin, shared with equal ones") {
  auto from_container = [](const std::string& path, int tag) {
    auto sighting = tag_at("linkedin:1341164", path);
    sighting.container = {"GTM-AB12CD", "42", tag, "__bzi", "All Pages", "constant (macro 4)"};
    return sighting;
  };
  SightingFold fold;
  fold.add(tag_at("linkedin:1341164", "/a/"));  // first seen in the page itself
  fold.add(from_container("/a/", 17));
  fold.add(from_container("/a/", 18));  // a second tag of the same account: the first is kept
  fold.add(from_container("/b/", 17));
  fold.add(tag_at("linkedin:1341164", "/c/"));
  auto findings =
      fold.take_findings(report_pages({page_at("/a/"), page_at("/b/"), page_at("/c/")}));
  REQUIRE(findings.size() == 1);
  const auto& pages = findings[0].pages;
  REQUIRE(pages.size() == 3);
  CHECK(pages[0].container->tag_id == 17);
  CHECK(pages[0].container->firing == "All Pages");
  CHECK(pages[1].container.get() == pages[0].container.get());
  CHECK(&*pages[1].container == &*pages[0].container);  // held once
  CHECK(pages[2].container.empty());
  SightingFold gating(SightingFold::PageDetail::kGatingOnly);
  gating.add(from_container("/a/", 17));
  CHECK(gating.take_findings({})[0].pages[0].container.empty());  // not what drift compares
}
