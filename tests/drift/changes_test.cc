#include "drift/changes.h"

#include <catch2/catch.hpp>

#include "drift/findings.h"
#include "drift/page_changes.h"
#include "tests/drift/drift_fixtures.h"

using namespace tagdrift::drift;
using namespace tagdrift::testing;
using Lines = std::vector<std::string>;

namespace {

Previous previous_of(const tagdrift::storage::ScanContents& scan) {
  Previous previous;
  for (Finding& finding : collect_findings(scan)) {
    previous.findings.push_back(previous_finding(std::move(finding)));
  }
  previous.fetched = fetched_urls(scan);
  previous.site = kSite;
  return previous;
}

}  // namespace

TEST_CASE("changes: a new ID of a known vendor lists the IDs the site already has") {
  auto before =
      scan_of(1, {page_at("/")},
              {tag_at("pinterest:111", "/"), tag_at("pinterest:222", "/"), tag_at("meta:1", "/")});
  Previous previous = previous_of(before);
  auto now = collect_findings(scan_of(2, {page_at("/")}, {tag_at("pinterest:333", "/")}))[0];
  CHECK(new_tag_line(now, &previous) ==
        "new account ID for a vendor already on the site (pinterest: 111, 222)");
  CHECK(new_tag_line(now, nullptr) == "first scan of this site");
}

TEST_CASE("changes: a new ID-less instance of a known vendor says instance") {
  auto hotjar = tag_at("hotjar:static.hotjar.com", "/");
  hotjar.tag_id = "";
  auto other = tag_at("hotjar:script.hotjar.com", "/");
  other.tag_id = "";
  Previous previous = previous_of(scan_of(1, {page_at("/")}, {hotjar}));
  auto now = collect_findings(scan_of(2, {page_at("/")}, {other}))[0];
  CHECK(new_tag_line(now, &previous) ==
        "new instance for a vendor already on the site (hotjar: static.hotjar.com)");
}

TEST_CASE("changes: an unchanged tag has no change lines") {
  auto scan = scan_of(1, {page_at("/"), page_at("/a/")},
                      {with_events(tag_at("meta:1", "/"), {"Lead"}), tag_at("meta:1", "/a/")});
  Previous previous = previous_of(scan);
  auto now = collect_findings(scan)[0];
  CHECK(changes_since(now, *find_previous(previous, "meta:1"), previous).empty());
  CHECK(find_previous(previous, "meta:2") == nullptr);
}

TEST_CASE("changes: many new pages are listed with a count of the rest") {
  std::vector<tagdrift::storage::PageRecord> pages{page_at("/")};
  std::vector<tagdrift::storage::SightingRecord> sightings{tag_at("meta:1", "/")};
  for (int i = 0; i < 8; ++i) pages.push_back(page_at("/p" + std::to_string(i) + "/"));
  Previous previous = previous_of(scan_of(1, pages, sightings));
  for (int i = 0; i < 8; ++i) sightings.push_back(tag_at("meta:1", "/p" + std::to_string(i) + "/"));
  auto now = collect_findings(scan_of(2, pages, sightings))[0];
  CHECK(changes_since(now, previous.findings[0], previous) ==
        Lines{"now on 8 new pages: /p0/, /p1/, /p2/, /p3/, /p4/ and 3 more"});
}

TEST_CASE("changes: only newly named events and fields count") {
  auto before =
      scan_of(1, {page_at("/")},
              {with_matching(with_events(tag_at("meta:1", "/"), {"PageView", "Lead"}), {"em"})});
  Previous previous = previous_of(before);
  auto now = collect_findings(
      scan_of(2, {page_at("/")},
              {with_matching(with_events(tag_at("meta:1", "/"), {"Lead", "Schedule", "Purchase"}),
                             {"ph", "em", "fn"})}))[0];
  CHECK(changes_since(now, previous.findings[0], previous) ==
        Lines{"enhanced match turned on: ph, fn", "new conversion events: Schedule, Purchase"});
}
