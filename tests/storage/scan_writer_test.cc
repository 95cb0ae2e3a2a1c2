#include "storage/scan_writer.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "storage/database.h"
#include "storage/history.h"
#include "storage/statement.h"
#include "tests/storage/storage_fixtures.h"
#include "tests/support/temp_dir.h"

using tagdrift::storage::Database;
using tagdrift::storage::History;
using tagdrift::storage::PageRecord;
using tagdrift::storage::ScanContents;
using tagdrift::storage::ScanWriter;
using tagdrift::storage::ScanWriterOptions;
using tagdrift::storage::SightingRecord;
using tagdrift::testing::count_rows;
using tagdrift::testing::kClinic;
using tagdrift::testing::make_header;
using tagdrift::testing::make_page;
using tagdrift::testing::make_sighting;
using tagdrift::testing::TempDir;
using tagdrift::testing::usage_error_of;
using tagdrift::testing::write_scan;

namespace {

// Sanitizer and debug builds run several times slower; time limits scale with them.
#if defined(__SANITIZE_ADDRESS__) || !defined(NDEBUG)
constexpr int kSlowdown = 20;
#else
constexpr int kSlowdown = 1;
#endif

constexpr const char* kCountPages = "SELECT count(*) FROM pages WHERE scan_id = ?1";

void check_same_page(const PageRecord& a, const PageRecord& b) {
  CHECK(a.url == b.url);
  CHECK(a.final_url == b.final_url);
  CHECK(a.status == b.status);
  CHECK(a.content_type == b.content_type);
  CHECK(a.bytes == b.bytes);
  CHECK(a.seconds == b.seconds);
  CHECK(a.depth == b.depth);
  CHECK(a.found_by == b.found_by);
  CHECK(a.referrer == b.referrer);
  CHECK(a.error == b.error);
  CHECK(a.skipped == b.skipped);
  CHECK(a.health_context == b.health_context);
  CHECK(a.health_terms == b.health_terms);
  CHECK(a.collects_pii == b.collects_pii);
  CHECK(a.body_hash == b.body_hash);
  CHECK(a.etag == b.etag);
  CHECK(a.last_modified == b.last_modified);
  CHECK(a.file == b.file);
}

void check_same_sighting(const SightingRecord& a, const SightingRecord& b) {
  CHECK(a.key == b.key);
  CHECK(a.signature_id == b.signature_id);
  CHECK(a.vendor == b.vendor);
  CHECK(a.product == b.product);
  CHECK(a.category == b.category);
  CHECK(a.tag_id == b.tag_id);
  CHECK(a.page_url == b.page_url);
  CHECK(a.place == b.place);
  CHECK(a.via == b.via);
  CHECK(a.consent_gated == b.consent_gated);
  CHECK(a.commented == b.commented);
  CHECK(a.events == b.events);
  CHECK(a.enhanced_match == b.enhanced_match);
  CHECK(a.evidence == b.evidence);
  CHECK(a.line == b.line);
  CHECK(a.container == b.container);
}

}  // namespace

TEST_CASE("scan writer: a scan reads back exactly as it was written") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  std::vector<PageRecord> pages;
  std::vector<SightingRecord> sightings;
  ScanWriter writer(db, make_header(kClinic));
  for (int n = 0; n < 5; ++n) {
    PageRecord page = make_page(kClinic, n);
    if (n == 3) page.error = "timeout after 20 s";
    if (n == 4) page.skipped = "robots.txt";
    std::vector<SightingRecord> found = {make_sighting(page.url),
                                         make_sighting(page.url, "google:G-ABC123")};
    found[1].place = "script-src";
    found[1].via = "https://www.googletagmanager.com/gtag/js?id=G-ABC123";
    found[1].consent_gated = true;
    found[1].commented = n == 2;
    found[1].events.clear();
    found[1].evidence = "not ASCII: caf\xc3\xa9 \xe2\x80\x94 \"quoted\"";
    if (n == 1)
      found[1].container = {"GTM-AB12CD", "42",        17,
                            "__googtag",  "All Pages", "lookup (macro 33, key \"live\")"};
    writer.add_page(page, found);
    pages.push_back(page);
    sightings.insert(sightings.end(), found.begin(), found.end());
  }
  const std::vector<tagdrift::storage::ContainerRecord> containers = {
      {"https://www.googletagmanager.com/gtm.js?id=GTM-AB12CD", "GTM-AB12CD", "42"},
      {"https://www.googletagmanager.com/gtm.js?id=GTM-ZZ99", "GTM-ZZ99", "7"}};
  writer.finish({3, 1, 1}, "2026-11-26T10:09:00Z", {}, containers);

  ScanContents loaded = History(db).load_scan(writer.scan_id());
  REQUIRE(loaded.containers.size() == 2);
  for (std::size_t i = 0; i < containers.size(); ++i) {
    CHECK(loaded.containers[i].url == containers[i].url);
    CHECK(loaded.containers[i].container_id == containers[i].container_id);
    CHECK(loaded.containers[i].version == containers[i].version);
  }
  CHECK(History(db).containers(writer.scan_id()).size() == 2);
  CHECK(loaded.sightings[3].container.tag_id == 17);  // page 1's second sighting
  CHECK(loaded.sightings[0].container.empty());
  CHECK(loaded.scan.id == writer.scan_id());
  CHECK(loaded.scan.site == kClinic);
  CHECK(loaded.scan.target == make_header(kClinic).target);
  CHECK(loaded.scan.options_json == make_header(kClinic).options_json);
  CHECK(loaded.scan.started_at == "2026-11-26T10:00:00Z");
  CHECK(loaded.scan.finished_at == "2026-11-26T10:09:00Z");
  CHECK(loaded.scan.complete);
  CHECK(loaded.scan.pages_crawled == 3);
  CHECK(loaded.scan.pages_failed == 1);
  CHECK(loaded.scan.pages_skipped == 1);
  REQUIRE(loaded.pages.size() == pages.size());
  for (std::size_t i = 0; i < pages.size(); ++i) check_same_page(loaded.pages[i], pages[i]);
  REQUIRE(loaded.sightings.size() == sightings.size());
  for (std::size_t i = 0; i < sightings.size(); ++i) {
    check_same_sighting(loaded.sightings[i], sightings[i]);
  }
}

TEST_CASE("scan writer: a page's unread scripts read back with the page's URL, secrets masked") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  ScanWriter writer(db, make_header(kClinic));
  PageRecord first = make_page(kClinic, 0);
  first.unread = {
      {"", kClinic + std::string("/js/app.js"), "too-large",
       "6291456 bytes, over the limit of 4194304"},
      {"", kClinic + std::string("/js/gone.js?token=s3cret"), "fetch-failed", "HTTP 404"}};
  PageRecord second = make_page(kClinic, 1);
  second.unread = {{"", kClinic + std::string("/js/app.js"), "too-large", "same"}};
  writer.add_page(first, {});
  writer.add_page(make_page(kClinic, 2), {});
  writer.add_page(second, {});
  writer.finish({3, 0, 0}, "2026-11-26T10:09:00Z");

  ScanContents loaded = History(db).load_scan(writer.scan_id());
  REQUIRE(loaded.unread.size() == 3);
  CHECK(loaded.unread[0].page_url == first.url);
  CHECK(loaded.unread[0].url == kClinic + std::string("/js/app.js"));
  CHECK(loaded.unread[0].reason == "too-large");
  CHECK(loaded.unread[0].detail == "6291456 bytes, over the limit of 4194304");
  CHECK(loaded.unread[1].url.find("s3cret") == std::string::npos);
  CHECK(loaded.unread[1].detail == "HTTP 404");
  CHECK(loaded.unread[2].page_url == second.url);
  CHECK(History(db).unread_scripts(writer.scan_id()).size() == 3);
}

TEST_CASE("scan writer: 1,000 pages are written in batches and all arrive") {
  TempDir dir;
  std::string path = (dir.path() / "history.db").string();
  Database db = Database::open(path);
  Database reader = Database::open(path, Database::Mode::kReadOnly);
  ScanWriterOptions options;
  options.batch_interval = std::chrono::hours(1);  // batches by size only, to count them
  ScanWriter writer(db, make_header(kClinic), options);
  std::vector<std::int64_t> visible;  // pages another connection sees after each add
  for (int n = 0; n < 1000; ++n) {
    PageRecord page = make_page(kClinic, n);
    writer.add_page(page, {make_sighting(page.url)});
    if (n % 100 == 99) visible.push_back(count_rows(reader, kCountPages, writer.scan_id()));
  }
  // Committed 200 at a time: never a partial batch.
  CHECK(visible == std::vector<std::int64_t>{0, 200, 200, 400, 400, 600, 600, 800, 800, 1000});
  CHECK_FALSE(History(reader).load_scan(writer.scan_id()).scan.complete);
  writer.finish({1000, 0, 0}, "2026-11-26T10:30:00Z");
  ScanContents loaded = History(reader).load_scan(writer.scan_id());
  CHECK(loaded.scan.complete);
  CHECK(loaded.pages.size() == 1000);
  CHECK(loaded.sightings.size() == 1000);
  CHECK(loaded.pages.back().url == make_page(kClinic, 999).url);
}

TEST_CASE("scan writer: a batch is also written once it is old enough") {
  TempDir dir;
  std::string path = (dir.path() / "history.db").string();
  Database db = Database::open(path);
  ScanWriterOptions options;
  // Opening the writer and adding the first page must take less than the interval.
  options.batch_interval = std::chrono::milliseconds(50 * kSlowdown);
  ScanWriter writer(db, make_header(kClinic), options);
  writer.add_page(make_page(kClinic, 0), {});
  CHECK(count_rows(db, kCountPages, writer.scan_id()) == 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(60 * kSlowdown));
  writer.add_page(make_page(kClinic, 1), {});
  CHECK(count_rows(db, kCountPages, writer.scan_id()) == 2);
}

TEST_CASE("scan writer: the scan row exists, incomplete, as soon as the writer does") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  ScanWriter writer(db, make_header(kClinic));
  auto latest = History(db).latest_scan(kClinic);
  REQUIRE(latest);
  CHECK(latest->id == writer.scan_id());
  CHECK_FALSE(latest->complete);
  CHECK(latest->finished_at.empty());
}

TEST_CASE("scan writer: without finish the buffered pages are kept and the scan stays incomplete") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  std::int64_t id = write_scan(db, kClinic, 7, {"meta:1234567890"}, /*finish=*/false);
  ScanContents loaded = History(db).load_scan(id);
  CHECK_FALSE(loaded.scan.complete);
  CHECK(loaded.pages.size() == 7);
  CHECK(loaded.sightings.size() == 7);
}

TEST_CASE("scan writer: a finished scan takes no more pages") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  ScanWriter writer(db, make_header(kClinic));
  writer.finish({0, 0, 0}, "");
  std::string message = "scan " + std::to_string(writer.scan_id()) + " is already finished";
  CHECK(usage_error_of([&] { writer.add_page(make_page(kClinic, 0), {}); }) == message);
  CHECK(usage_error_of([&] { writer.finish({0, 0, 0}, ""); }) == message);
  CHECK_FALSE(History(db).load_scan(writer.scan_id()).scan.finished_at.empty());
}

TEST_CASE("scan writer: an empty start time is filled with the current time") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  auto header = make_header(kClinic);
  header.started_at.clear();
  ScanWriter writer(db, header);
  CHECK(History(db).load_scan(writer.scan_id()).scan.started_at.size() ==
        std::string("2026-11-26T10:00:00Z").size());
}

TEST_CASE("scan writer: batches commit without a sync, the scan's completion with one") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  const auto synchronous = [&] {
    tagdrift::storage::Statement query(db.handle(), "PRAGMA synchronous");
    REQUIRE(query.step());
    return query.int_at(0);
  };
  constexpr std::int64_t kNormal = 1, kFull = 2;
  CHECK(synchronous() == kFull);
  {
    ScanWriter unfinished(db, make_header(kClinic));
    CHECK(synchronous() == kNormal);
  }
  CHECK(synchronous() == kFull);  // an abandoned scan leaves the connection as it found it
  ScanWriter writer(db, make_header(kClinic));
  writer.add_page(make_page(kClinic, 1), {make_sighting(make_page(kClinic, 1).url)});
  CHECK(synchronous() == kNormal);
  writer.finish({1, 0, 0}, "2026-11-26T10:05:00Z");
  CHECK(synchronous() == kFull);
  CHECK(History(db).last_complete_scan(kClinic));
}
