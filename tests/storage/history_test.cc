#include "storage/history.h"

#include <catch2/catch.hpp>

#include "storage/approvals.h"
#include "storage/baseline.h"
#include "storage/database.h"
#include "tests/storage/storage_fixtures.h"
#include "tests/support/temp_dir.h"

using tagdrift::storage::Database;
using tagdrift::storage::History;
using tagdrift::testing::kClinic;
using tagdrift::testing::kDental;
using tagdrift::testing::TempDir;
using tagdrift::testing::usage_error_of;
using tagdrift::testing::write_scan;

namespace {

constexpr const char* kMeta = "meta:1234567890";
constexpr const char* kGoogle = "google:G-ABC123";

std::vector<std::int64_t> ids_of(const std::vector<tagdrift::storage::ScanRecord>& scans) {
  std::vector<std::int64_t> ids;
  for (const auto& scan : scans) ids.push_back(scan.id);
  return ids;
}

}  // namespace

TEST_CASE("history: the last complete scan skips incomplete scans and other sites") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  History history(db);
  CHECK_FALSE(history.last_complete_scan(kClinic));

  std::int64_t first = write_scan(db, kClinic, 2);
  std::int64_t dental = write_scan(db, kDental, 2);
  std::int64_t killed = write_scan(db, kClinic, 2, {kMeta}, /*finish=*/false);
  std::int64_t current = write_scan(db, kClinic, 2, {kMeta}, /*finish=*/false);

  auto previous = history.last_complete_scan(kClinic, current);
  REQUIRE(previous);
  CHECK(previous->id == first);
  CHECK(previous->complete);
  CHECK(history.last_complete_scan(kClinic)->id == first);
  CHECK(history.last_complete_scan(kDental)->id == dental);
  CHECK_FALSE(history.last_complete_scan(kClinic, first));
  CHECK_FALSE(history.last_complete_scan("https://nowhere.test"));
  CHECK(killed < current);
}

TEST_CASE("history: scans are listed oldest first, per site or all") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  History history(db);
  CHECK(history.list_scans().empty());
  CHECK_FALSE(history.latest_scan());
  std::int64_t a = write_scan(db, kClinic, 1);
  std::int64_t b = write_scan(db, kDental, 1);
  std::int64_t c = write_scan(db, kClinic, 1, {kMeta}, /*finish=*/false);
  CHECK(ids_of(history.list_scans()) == std::vector<std::int64_t>{a, b, c});
  CHECK(ids_of(history.list_scans(kClinic)) == std::vector<std::int64_t>{a, c});
  CHECK(history.latest_scan()->id == c);
  CHECK(history.latest_scan(kDental)->id == b);
  CHECK_FALSE(history.latest_scan(kClinic)->complete);
  CHECK(history.sites() == std::vector<std::string>{kClinic, kDental});
}

TEST_CASE("history: loading a scan that does not exist is a usage error") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  CHECK(usage_error_of([&] { History(db).load_scan(42); }) == "no scan with id 42");
}

TEST_CASE("history: the tag inventory keeps first and last sighting per site") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  std::int64_t first = write_scan(db, kClinic, 3, {kMeta});
  std::int64_t second = write_scan(db, kClinic, 5, {kMeta, kGoogle});
  write_scan(db, kDental, 2, {kMeta});
  tagdrift::storage::approve(db, kClinic, kGoogle, "consented analytics");

  auto tags = History(db).tags(kClinic);
  REQUIRE(tags.size() == 2);
  CHECK(tags[0].key == kGoogle);
  CHECK(tags[0].first_scan == second);
  CHECK(tags[0].approved);
  CHECK(tags[0].approval_note == "consented analytics");
  CHECK(tags[0].vendor == "google");
  CHECK(tags[0].tag_id == "G-ABC123");
  CHECK(tags[1].key == kMeta);
  CHECK(tags[1].site == kClinic);
  CHECK(tags[1].first_scan == first);
  CHECK(tags[1].last_scan == second);
  CHECK(tags[1].pages_last_scan == 5);
  CHECK(tags[1].first_seen == "2026-11-26T10:00:00Z");
  CHECK_FALSE(tags[1].approved);
  CHECK(History(db).tags().size() == 3);
}

TEST_CASE("history: several sightings of one tag on one page count as one page") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  tagdrift::storage::ScanWriter writer(db, tagdrift::testing::make_header(kClinic));
  auto page = tagdrift::testing::make_page(kClinic, 0);
  auto inline_tag = tagdrift::testing::make_sighting(page.url);
  auto noscript_tag = inline_tag;
  noscript_tag.place = "noscript-img";
  writer.add_page(page, {inline_tag, noscript_tag});
  writer.finish({1, 0, 0}, "");
  auto tags = History(db).tags(kClinic);
  REQUIRE(tags.size() == 1);
  CHECK(tags[0].pages_last_scan == 1);
  CHECK(History(db).load_scan(writer.scan_id()).sightings.size() == 2);
}

TEST_CASE("history: the inventory counts a tag's live and commented-out pages apart") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  tagdrift::storage::ScanWriter writer(db, tagdrift::testing::make_header(kClinic));
  auto live_page = tagdrift::testing::make_page(kClinic, 0);
  auto both_page = tagdrift::testing::make_page(kClinic, 1);
  auto comment_page = tagdrift::testing::make_page(kClinic, 2);
  auto live = tagdrift::testing::make_sighting(live_page.url, kMeta);
  auto commented = tagdrift::testing::make_sighting(comment_page.url, kMeta);
  commented.commented = true;
  auto only_commented = tagdrift::testing::make_sighting(comment_page.url, kGoogle);
  only_commented.commented = true;
  auto both_live = tagdrift::testing::make_sighting(both_page.url, kMeta);
  auto both_commented = both_live;
  both_commented.commented = true;
  writer.add_page(live_page, {live});
  writer.add_page(both_page, {both_live, both_commented});
  writer.add_page(comment_page, {commented, only_commented});
  writer.finish({3, 0, 0}, "");
  auto tags = History(db).tags(kClinic);
  REQUIRE(tags.size() == 2);
  CHECK(tags[0].key == kGoogle);
  CHECK(tags[0].pages_last_scan == 0);
  CHECK(tags[0].pages_commented_last_scan == 1);
  CHECK(tags[1].key == kMeta);
  CHECK(tags[1].pages_last_scan == 2);
  CHECK(tags[1].pages_commented_last_scan == 2);
}

TEST_CASE("history: an older scan written late does not move a tag's last sighting back") {
  TempDir dir;
  std::string path = (dir.path() / "history.db").string();
  Database db = Database::open(path);
  tagdrift::storage::ScanWriter older(db, tagdrift::testing::make_header(kClinic));
  std::int64_t newer = write_scan(db, kClinic, 2, {kMeta});
  auto page = tagdrift::testing::make_page(kClinic, 9);
  older.add_page(page, {tagdrift::testing::make_sighting(page.url)});
  older.finish({1, 0, 0}, "");
  auto tags = History(db).tags(kClinic);
  REQUIRE(tags.size() == 1);
  CHECK(tags[0].first_scan == older.scan_id());
  CHECK(tags[0].last_scan == newer);
  CHECK(tags[0].pages_last_scan == 2);
}

TEST_CASE("history: a scan's records one at a time are the records load_scan holds") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  write_scan(db, kClinic, 2, {kMeta});
  std::int64_t id = write_scan(db, kClinic, 3, {kMeta, "pinterest:2612"});
  auto loaded = History(db).load_scan(id);
  std::vector<std::string> pages, sightings;
  History(db).for_each_record(
      id, [&](tagdrift::storage::PageRecord page) { pages.push_back(page.url); },
      [&](tagdrift::storage::SightingRecord sighting) {
        sightings.push_back(sighting.key + " " + sighting.page_url);
      });
  REQUIRE(pages.size() == 3);
  REQUIRE(sightings.size() == loaded.sightings.size());
  for (std::size_t i = 0; i < pages.size(); ++i) CHECK(pages[i] == loaded.pages[i].url);
  for (std::size_t i = 0; i < sightings.size(); ++i) {
    CHECK(sightings[i] == loaded.sightings[i].key + " " + loaded.sightings[i].page_url);
  }
}

TEST_CASE("history: a scan taken out of the baselines is skipped by drift, not by a rescan") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  const std::int64_t first = write_scan(db, kClinic, 2, {"meta:1"});
  const std::int64_t second = write_scan(db, kClinic, 2, {"meta:1", "pinterest:2"});
  History history(db);
  CHECK(history.last_baseline_scan(kClinic)->id == second);
  tagdrift::storage::exclude_from_baseline(db, second);
  CHECK(history.last_baseline_scan(kClinic)->id == first);
  CHECK(history.last_complete_scan(kClinic)->id == second);
  CHECK_FALSE(history.load_scan(second).scan.baseline);
  CHECK(history.load_scan(first).scan.baseline);
}
