#include "storage/tag_presence.h"

#include <catch2/catch.hpp>

#include "storage/database.h"
#include "storage/scan_writer.h"
#include "tests/storage/storage_fixtures.h"
#include "tests/support/temp_dir.h"

using tagdrift::storage::Database;
using tagdrift::storage::tag_presence;
using tagdrift::testing::kClinic;
using tagdrift::testing::kDental;
using tagdrift::testing::TempDir;
using tagdrift::testing::write_scan;

namespace {

constexpr const char* kMeta = "meta:1234567890";
constexpr const char* kGoogle = "google:G-ABC123";

using Ids = std::vector<std::int64_t>;

}  // namespace

TEST_CASE("tag presence: each tag lists the scans of its site it was live in, oldest first") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  const auto first = write_scan(db, kClinic, 2, {kMeta});
  const auto second = write_scan(db, kClinic, 2, {kMeta, kGoogle});
  write_scan(db, kDental, 1, {kGoogle});
  const auto third = write_scan(db, kClinic, 2, {kMeta});
  const auto fourth = write_scan(db, kClinic, 1, {kGoogle});

  auto tags = tag_presence(db, kClinic);
  REQUIRE(tags.size() == 2);
  CHECK(tags[0].key == kGoogle);
  CHECK(tags[0].vendor == "google");
  CHECK(tags[0].tag_id == "G-ABC123");
  CHECK(tags[0].scans == Ids{second, fourth});
  CHECK(tags[1].key == kMeta);
  CHECK(tags[1].scans == Ids{first, second, third});

  SECTION("up to a scan: later scans are left out") {
    auto until_third = tag_presence(db, kClinic, third);
    REQUIRE(until_third.size() == 2);
    CHECK(until_third[0].scans == Ids{second});
    CHECK(until_third[1].scans == Ids{first, second, third});
  }
}

TEST_CASE("tag presence: a tag only commented out in a scan was not live in it") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  const auto live = write_scan(db, kClinic, 1, {kMeta});
  tagdrift::storage::ScanWriter writer(db, tagdrift::testing::make_header(kClinic));
  auto page = tagdrift::testing::make_page(kClinic, 0);
  auto commented = tagdrift::testing::make_sighting(page.url, kMeta);
  commented.commented = true;
  writer.add_page(page, {commented});
  writer.finish({1, 0, 0}, "");

  auto tags = tag_presence(db, kClinic);
  REQUIRE(tags.size() == 1);
  CHECK(tags[0].scans == Ids{live});
}

TEST_CASE("tag presence: a site with no scans has no tags") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  CHECK(tag_presence(db, kClinic).empty());
}
