#include "drift/unverified.h"

#include <catch2/catch.hpp>
#include <set>

#include "drift/drift.h"
#include "tests/drift/drift_fixtures.h"

using namespace tagdrift::drift;
using namespace tagdrift::testing;
using tagdrift::storage::PageRecord;
using tagdrift::storage::ScanContents;

namespace {

PageRecord failed(const std::string& path, int status, const std::string& error) {
  PageRecord page = page_at(path);
  page.status = status;
  page.error = error;
  return page;
}

std::set<std::string> keys_of(const std::vector<RemovedTag>& tags) {
  std::set<std::string> keys;
  for (const auto& tag : tags) keys.insert(tag.key);
  return keys;
}

std::set<std::string> keys_of(const std::vector<UnverifiedTag>& tags) {
  std::set<std::string> keys;
  for (const auto& tag : tags) keys.insert(tag.key);
  return keys;
}

ScanContents before() {
  return scan_of(1, {page_at("/"), page_at("/a/"), page_at("/b/")},
                 {tag_at("meta:1", "/"), tag_at("pinterest:2", "/a/"), tag_at("tiktok:3", "/b/")});
}

}  // namespace

TEST_CASE("unverified: every failure carries forward but a 404 or 410") {
  CHECK(carries_forward(failed("/", 503, "HTTP 503")));
  CHECK(carries_forward(failed("/", 429, "HTTP 429: server asked to retry after 90 s")));
  CHECK(carries_forward(failed("/", 0, "Timeout was reached")));
  CHECK(carries_forward(failed("/", 401, "HTTP 401")));
  PageRecord skipped = page_at("/");
  skipped.status = 0, skipped.skipped = "disallowed by robots.txt";
  CHECK(carries_forward(skipped));
  CHECK_FALSE(carries_forward(failed("/", 404, "HTTP 404")));
  CHECK_FALSE(carries_forward(failed("/", 410, "HTTP 410")));
  CHECK_FALSE(carries_forward(page_at("/")));
  CHECK(script_carries_forward("HTTP 503"));
  CHECK(script_carries_forward("Couldn't connect to server"));
  CHECK_FALSE(script_carries_forward("HTTP 404"));
  CHECK_FALSE(script_carries_forward(""));
}

TEST_CASE("unverified: a stored scan's sightings on failed pages and via failed scripts") {
  auto via = tag_at("tiktok:3", "/b/");
  via.via = url_of("/gtm.js");
  ScanContents scan = scan_of(2, {page_at("/"), failed("/a/", 503, "HTTP 503"), page_at("/b/")},
                              {tag_at("meta:1", "/"), tag_at("pinterest:2", "/a/"), via});
  scan.scripts = {{url_of("/gtm.js"), "", "HTTP 503"}};
  SplitSightings split = split_carried(scan);
  REQUIRE(split.seen.size() == 1);
  CHECK(split.seen[0].key == "meta:1");
  REQUIRE(split.carried.size() == 2);
  scan.scripts = {{url_of("/gtm.js"), "", "HTTP 404"}};  // the container is gone: seen, not carried
  CHECK(split_carried(scan).carried.size() == 1);
}

TEST_CASE("unverified: tags on a page that now fails are not verified, never removed") {
  auto previous = before();
  ScanContents now = scan_of(2, {page_at("/"), failed("/a/", 503, "HTTP 503"), page_at("/b/")},
                             {tag_at("meta:1", "/"), tag_at("pinterest:2", "/a/")});
  now.scan.complete = true;
  Report report = build_report(now, &previous, {}, nullptr, FailOn::kNew);
  CHECK(keys_of(report.removed) == std::set<std::string>{"tiktok:3"});
  REQUIRE(report.unverified.size() == 1);
  CHECK(report.unverified[0].key == "pinterest:2");
  CHECK(report.unverified[0].pages == std::vector<std::string>{url_of("/a/")});
  CHECK(finding_of(report, "pinterest:2") == nullptr);
  CHECK_FALSE(report.failed);
}

TEST_CASE("unverified: a stored scan that could not run removes nothing and verifies nothing") {
  auto previous = before();
  PageRecord seed = failed("/", 503, "HTTP 503");
  seed.found_by = "seed";
  ScanContents now = scan_of(2, {seed}, {});
  now.scan.complete = false;
  Report report = build_report(now, &previous, {}, nullptr, FailOn::kNew);
  REQUIRE(report.failed_targets.size() == 1);
  CHECK(report.failed_targets[0].target == url_of("/"));
  CHECK(report.failed_targets[0].reason == "HTTP 503");
  CHECK(report.removed.empty());
  CHECK(report.page_changes.empty());
  CHECK(keys_of(report.unverified) == std::set<std::string>{"meta:1", "pinterest:2", "tiktok:3"});
}

TEST_CASE("unverified: a stored scan killed midway did not finish") {
  ScanContents killed = scan_of(3, {page_at("/")}, {});
  killed.scan.complete = false;
  auto failures = stored_target_failures(killed);
  REQUIRE(failures.size() == 1);
  CHECK(failures[0].reason == "the scan did not finish");
  killed.scan.complete = true;
  CHECK(stored_target_failures(killed).empty());
}
