#include "drift/drift.h"

#include <catch2/catch.hpp>
#include <set>

#include "tests/drift/drift_fixtures.h"

using namespace tagdrift::drift;
using namespace tagdrift::testing;
using tagdrift::storage::ApprovalRecord;
using tagdrift::storage::PageRecord;
using tagdrift::storage::ScanContents;
using Lines = std::vector<std::string>;

namespace {

std::set<std::string> keys_with(const Report& report, Status status) {
  std::set<std::string> keys;
  for (const Finding& finding : report.findings) {
    if (finding.status == status) keys.insert(finding.key);
  }
  return keys;
}

Lines changes_of(const Report& report, const std::string& key) {
  const Finding* finding = finding_of(report, key);
  REQUIRE(finding != nullptr);
  return finding->changes;
}

std::vector<PageRecord> previous_pages() {
  return {page_at("/"),
          page_at("/about/"),
          page_at("/services/ivf/", {"ivf", "fertility"}, {"email"}),
          page_at("/contact/", {}, {"email", "phone"}),
          page_at("/blog/"),
          page_at("/old-page/"),
          page_at("/team/"),
          page_at("/faq/")};
}

ScanContents previous_scan() {
  return scan_of(1, previous_pages(),
                 {tag_at("meta:111", "/"), tag_at("meta:111", "/about/"),
                  tag_at("pinterest:2612", "/"), gated(tag_at("google-analytics:G-1", "/contact/")),
                  with_events(tag_at("tiktok:T1", "/"), {"PageView"}), tag_at("linkedin:L1", "/"),
                  tag_at("hotjar:H1", "/"), tag_at("google-ads:AW-1", "/")});
}

ScanContents current_scan() {
  auto pages = previous_pages();
  pages.erase(pages.begin() + 5);  // /old-page/ vanished
  pages[5].error = "timeout";      // /team/
  pages[6].status = 404;           // /faq/
  return scan_of(
      2, pages,
      {tag_at("meta:111", "/"), tag_at("meta:111", "/about/"), tag_at("pinterest:2612", "/"),
       tag_at("pinterest:2612", "/services/ivf/"), tag_at("pinterest:2612", "/blog/"),
       tag_at("google-analytics:G-1", "/contact/"),
       with_matching(with_events(tag_at("tiktok:T1", "/"), {"PageView", "CompleteRegistration"}),
                     {"email"}),
       tag_at("hotjar:H1", "/"), tag_at("google-ads:AW-1", "/"),
       tag_at("google-ads:AW-1", "/contact/"), tag_at("pinterest:2613", "/"),
       tag_at("intercom:abc", "/"), tag_at("unknown:cdn.x.net", "/")});
}

std::vector<ApprovalRecord> clinic_approvals() {
  return {{kSite, "hotjar:H1", "BAA signed", "2026-11-01T00:00:00Z"},
          {kSite, "google-ads:AW-1", "", "2026-11-01T00:00:00Z"},
          {"https://other.test", "meta:111", "", "2026-11-01T00:00:00Z"}};
}

}  // namespace

TEST_CASE("drift: two scans that differ in every way give the expected sets and lines") {
  auto previous = previous_scan();
  auto report =
      build_report(current_scan(), &previous, clinic_approvals(), nullptr, FailOn::kNever);
  CHECK(report.previous_scan_id == 1);
  CHECK(report.scan.id == 2);
  CHECK(keys_with(report, Status::kNew) ==
        std::set<std::string>{"intercom:abc", "pinterest:2613", "unknown:cdn.x.net"});
  CHECK(keys_with(report, Status::kChanged) ==
        std::set<std::string>{"google-ads:AW-1", "google-analytics:G-1", "pinterest:2612",
                              "tiktok:T1"});
  CHECK(keys_with(report, Status::kKnown) == std::set<std::string>{"meta:111"});
  CHECK(keys_with(report, Status::kApproved) == std::set<std::string>{"hotjar:H1"});
  REQUIRE(report.removed.size() == 1);
  CHECK(report.removed[0].key == "linkedin:L1");
  CHECK(report.removed[0].vendor == "linkedin");
  CHECK(report.removed[0].tag_id == "L1");

  CHECK(changes_of(report, "intercom:abc") == Lines{"new vendor on this site"});
  CHECK(changes_of(report, "pinterest:2613") ==
        Lines{"new account ID for a vendor already on the site (pinterest: 2612)"});
  CHECK(changes_of(report, "unknown:cdn.x.net") == Lines{"new unknown third party on this site"});
  CHECK(changes_of(report, "pinterest:2612") ==
        Lines{"now on 1 new health-context page: /services/ivf/", "now on 1 new page: /blog/"});
  CHECK(changes_of(report, "google-analytics:G-1") == Lines{"consent gating dropped on /contact/"});
  CHECK(changes_of(report, "tiktok:T1") ==
        Lines{"enhanced match turned on: email", "new conversion events: CompleteRegistration"});
  CHECK(changes_of(report, "google-ads:AW-1") == Lines{"now on 1 new page: /contact/"});
  CHECK(changes_of(report, "meta:111").empty());
  CHECK(changes_of(report, "hotjar:H1").empty());
}

TEST_CASE("drift: pages that vanished or broke since the previous scan") {
  auto previous = previous_scan();
  auto report = build_report(current_scan(), &previous, {}, nullptr, FailOn::kNever);
  REQUIRE(report.page_changes.size() == 3);
  CHECK(report.page_changes[0].url == url_of("/faq/"));
  CHECK(report.page_changes[0].change == "gone: HTTP 404");  // a real removal, named as such
  CHECK(report.page_changes[1].url == url_of("/old-page/"));
  CHECK(report.page_changes[1].change == "vanished");
  CHECK(report.page_changes[2].url == url_of("/team/"));
  CHECK(report.page_changes[2].change == "broke: timeout");
}

TEST_CASE("drift: without a previous scan every tag is new and nothing is removed") {
  auto report = build_report(previous_scan(), nullptr, {}, nullptr, FailOn::kNever);
  CHECK_FALSE(report.previous_scan_id.has_value());
  CHECK(report.findings.size() == 7);
  CHECK(keys_with(report, Status::kNew).size() == 7);
  CHECK(changes_of(report, "meta:111") == Lines{"first scan of this site"});
  CHECK(report.removed.empty());
  CHECK(report.page_changes.empty());
  CHECK(report.pages.size() == previous_pages().size());
}

TEST_CASE("drift: approving makes a known tag approved; approvals of other sites do not count") {
  auto previous = previous_scan();
  auto current = previous_scan();
  current.scan.id = 2;
  auto plain = build_report(current, &previous, {}, nullptr, FailOn::kNever);
  CHECK(finding_of(plain, "meta:111")->status == Status::kKnown);
  auto approved =
      build_report(current, &previous,
                   {{kSite, "meta:111", "", ""}, {"https://other.test", "tiktok:T1", "", ""}},
                   nullptr, FailOn::kNever);
  CHECK(finding_of(approved, "meta:111")->status == Status::kApproved);
  CHECK(finding_of(approved, "tiktok:T1")->status == Status::kKnown);
}

TEST_CASE("drift: an approved tag that changes state is changed, with its changes") {
  auto previous = scan_of(1, {page_at("/")}, {gated(tag_at("meta:1", "/"))});
  auto current = scan_of(2, {page_at("/")}, {tag_at("meta:1", "/")});
  auto report =
      build_report(current, &previous, {{kSite, "meta:1", "", ""}}, nullptr, FailOn::kNew);
  const Finding* meta = finding_of(report, "meta:1");
  CHECK(meta->status == Status::kChanged);
  CHECK(meta->changes == Lines{"consent gating dropped on /"});
  CHECK(report.failed);
}

TEST_CASE("drift: an approved tag missing from the previous scan stays approved") {
  auto previous = scan_of(1, {page_at("/")}, {});
  auto current = scan_of(2, {page_at("/")}, {tag_at("meta:1", "/")});
  auto report =
      build_report(current, &previous, {{kSite, "meta:1", "", ""}}, nullptr, FailOn::kNew);
  CHECK(finding_of(report, "meta:1")->status == Status::kApproved);
  CHECK(finding_of(report, "meta:1")->changes.empty());
  CHECK_FALSE(report.failed);
}

TEST_CASE("drift: a tag commented out before and live now is new, and says so") {
  auto commented = tag_at("meta:1", "/");
  commented.commented = true;
  auto previous = scan_of(1, {page_at("/")}, {commented});
  auto current = scan_of(2, {page_at("/")}, {tag_at("meta:1", "/"), commented});
  auto report = build_report(current, &previous, {}, nullptr, FailOn::kNever);
  CHECK(finding_of(report, "meta:1")->status == Status::kNew);
  CHECK(changes_of(report, "meta:1") ==
        Lines{"new vendor on this site; it was commented out before"});
  REQUIRE(report.commented.size() == 1);
  CHECK(report.commented[0].key == "meta:1");
}

TEST_CASE("drift: a site-wide tag on a page the site just grew is not drift, unless health") {
  auto previous =
      scan_of(1, {page_at("/"), page_at("/a/")},
              {tag_at("meta:1", "/"), tag_at("meta:1", "/a/"), tag_at("hotjar:2", "/")});
  auto current =
      scan_of(2,
              {page_at("/"), page_at("/a/"), page_at("/new-post/"),
               page_at("/services/cancer/", {"cancer"})},
              {tag_at("meta:1", "/"), tag_at("meta:1", "/a/"), tag_at("meta:1", "/new-post/"),
               tag_at("hotjar:2", "/"), tag_at("hotjar:2", "/new-post/")});
  auto report = build_report(current, &previous, {}, nullptr, FailOn::kNever);
  CHECK(finding_of(report, "meta:1")->status == Status::kKnown);
  // Hotjar was on one page of two: a new page is spread, even when the page itself is new.
  CHECK(changes_of(report, "hotjar:2") == Lines{"now on 1 new page: /new-post/"});

  current.sightings.push_back(tag_at("meta:1", "/services/cancer/"));
  report = build_report(current, &previous, {}, nullptr, FailOn::kNever);
  CHECK(changes_of(report, "meta:1") ==
        Lines{"now on 1 new health-context page: /services/cancer/"});
}

TEST_CASE("drift: a tag gated everywhere before that reaches an ungated new page lost gating") {
  auto previous = scan_of(1, {page_at("/"), page_at("/b/")}, {gated(tag_at("meta:1", "/"))});
  auto current = scan_of(2, {page_at("/"), page_at("/b/")},
                         {gated(tag_at("meta:1", "/")), tag_at("meta:1", "/b/")});
  auto report = build_report(current, &previous, {}, nullptr, FailOn::kNever);
  CHECK(changes_of(report, "meta:1") ==
        Lines{"now on 1 new page: /b/",
              "consent gating dropped: gated on every page before, not on /b/"});
}

TEST_CASE("drift: findings come worst severity first, then by key") {
  auto scan = scan_of(1,
                      {page_at("/"), page_at("/services/ivf/", {"ivf"}, {"email"}),
                       page_at("/services/knee/", {"orthopedics"})},
                      {tag_at("onetrust:o", "/"), tag_at("meta:1", "/services/ivf/"),
                       tag_at("google-analytics:G-1", "/"), tag_at("tiktok:2", "/services/knee/"),
                       tag_at("pinterest:3", "/"), tag_at("linkedin:4", "/")});
  auto report = build_report(scan, nullptr, {}, nullptr, FailOn::kNever);
  Lines keys;
  for (const Finding& finding : report.findings) keys.push_back(finding.key);
  CHECK(keys == Lines{"meta:1", "tiktok:2", "linkedin:4", "pinterest:3", "google-analytics:G-1",
                      "onetrust:o"});
}

TEST_CASE("drift: policy violations and fail-on are applied to the report") {
  auto scan = scan_of(1, {page_at("/services/ivf/", {"ivf"})},
                      {tag_at("meta:1", "/services/ivf/"), tag_at("google-analytics:G-1", "/")});
  Policy policy = parse_policy("[[deny]]\nvendor = \"meta\"\n", "p.toml", kPolicyVendors);
  auto report = build_report(scan, nullptr, {}, &policy, FailOn::kPolicy);
  CHECK(finding_of(report, "meta:1")->policy_violations == Lines{"deny meta: /services/ivf/"});
  CHECK(finding_of(report, "google-analytics:G-1")->policy_violations.empty());
  CHECK(report.fail_on == FailOn::kPolicy);
  CHECK(report.failed);
  CHECK(report.failing == Lines{"meta:1: policy: deny meta: /services/ivf/"});
}

TEST_CASE("drift: the report lists pages by URL, whatever order they completed in") {
  auto scan = scan_of(1, {page_at("/z/"), page_at("/"), page_at("/m/"), page_at("/a/")},
                      {tag_at("meta:1", "/m/")});
  auto report = build_report(scan, nullptr, {}, nullptr, FailOn::kNever);
  Lines urls;
  for (const auto& page : report.pages) urls.push_back(*page.url);
  CHECK(urls == Lines{url_of("/"), url_of("/a/"), url_of("/m/"), url_of("/z/")});
}

TEST_CASE("drift: a container read at a new version is noted, and changes no finding by itself") {
  const std::string url = "https://www.googletagmanager.com/gtm.js?id=GTM-AB12CD";
  auto previous = previous_scan();
  previous.containers = {{url, "GTM-AB12CD", "41"}};
  auto current = previous_scan();
  current.scan.id = previous.scan.id + 1;
  current.containers = {{url, "GTM-AB12CD", "42"}};
  auto report = build_report(current, &previous, {}, nullptr, FailOn::kNew);
  REQUIRE(report.containers.size() == 1);
  CHECK(report.containers[0].version == "42");
  CHECK(report.containers[0].previous_version == "41");
  CHECK(keys_with(report, Status::kKnown).size() == report.findings.size());
  CHECK_FALSE(report.failed);  // a new version alone does not fail the gate
  CHECK(build_report(current, nullptr, {}, nullptr, FailOn::kNever)
            .containers[0]
            .previous_version.empty());
}
