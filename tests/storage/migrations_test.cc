#include "storage/migrations.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "storage/database.h"
#include "storage/history.h"
#include "storage/scan_writer.h"
#include "storage/sqlite_handle.h"
#include "storage/statement.h"
#include "tests/storage/storage_fixtures.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using tagdrift::storage::Database;
using tagdrift::storage::kApplicationId;
using tagdrift::storage::latest_schema_version;
using tagdrift::storage::migrate;
using tagdrift::storage::Migration;
using tagdrift::storage::open_connection;
using tagdrift::storage::run_script;
using tagdrift::storage::schema_migrations;
using tagdrift::storage::Statement;
using tagdrift::testing::bytes_of;
using tagdrift::testing::TempDir;
using tagdrift::testing::usage_error_of;

namespace {

tagdrift::storage::ConnectionHandle raw_connection(const fs::path& path) {
  return open_connection(path.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, path.string());
}

std::int64_t pragma_int(sqlite3* db, const std::string& pragma) {
  Statement query(db, "PRAGMA " + pragma);
  return query.step() ? query.int_at(0) : -1;
}

bool has_table(sqlite3* db, const std::string& name) {
  Statement query(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1");
  query.bind_text(1, name);
  return query.step();
}

}  // namespace

TEST_CASE("migrations: versions are numbered 1, 2, … without gaps") {
  const auto& migrations = schema_migrations();
  REQUIRE_FALSE(migrations.empty());
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    CHECK(migrations[i].version == static_cast<int>(i) + 1);
  }
  CHECK(latest_schema_version() == migrations.back().version);
}

TEST_CASE("migrations: an SQLite file at version 0 is brought to the latest version") {
  TempDir dir;
  fs::path path = dir.path() / "zero.db";
  // An SQLite file with nothing in it yet: no tables, no application id, user_version 0.
  run_script(raw_connection(path).get(), "PRAGMA page_size = 4096; VACUUM;");
  REQUIRE(fs::file_size(path) > 0);

  Database db = Database::open(path.string());
  CHECK(db.schema_version() == latest_schema_version());
  CHECK(pragma_int(db.handle(), "application_id") == kApplicationId);
  for (const char* table : {"sites", "scans", "pages", "tags", "sightings", "approvals"}) {
    CHECK(has_table(db.handle(), table));
  }
  tagdrift::testing::write_scan(db, tagdrift::testing::kClinic, 2);
  CHECK(tagdrift::storage::History(db).list_scans().size() == 1);
}

TEST_CASE("migrations: a tagdrift file stamped at version 0 is migrated, not refused") {
  TempDir dir;
  fs::path path = dir.path() / "stamped.db";
  run_script(raw_connection(path).get(), "PRAGMA application_id = 1413564228;");
  REQUIRE(kApplicationId == 1413564228);
  Database db = Database::open(path.string());
  CHECK(db.schema_version() == latest_schema_version());
}

TEST_CASE("migrations: a new migration is one entry at the end and runs once, in order") {
  TempDir dir;
  fs::path path = dir.path() / "history.db";
  {
    Database db = Database::open(path.string());
    tagdrift::testing::write_scan(db, tagdrift::testing::kClinic, 2);
  }
  std::vector<Migration> future = schema_migrations();
  const int next = latest_schema_version() + 1;
  future.push_back({next,
                    "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"
                    "INSERT INTO notes (text) SELECT site FROM sites;"});
  {
    auto db = raw_connection(path);
    migrate(db.get(), path.string(), future);
    migrate(db.get(), path.string(), future);  // nothing left to do: must not run twice
    CHECK(pragma_int(db.get(), "user_version") == next);
    Statement notes(db.get(), "SELECT count(*) FROM notes");
    REQUIRE(notes.step());
    CHECK(notes.int_at(0) == 1);
  }
  // This build knows only the migrations before it: the upgraded file is now too new for it.
  std::string before = bytes_of(path);
  CHECK(usage_error_of([&] { Database::open(path.string()); }) ==
        path.string() + " has schema version " + std::to_string(next) +
            ", newer than this tagdrift understands (" + std::to_string(latest_schema_version()) +
            ")");
  CHECK(bytes_of(path) == before);
}

TEST_CASE("migrations: a failing migration leaves the database at its old version") {
  TempDir dir;
  fs::path path = dir.path() / "history.db";
  { Database db = Database::open(path.string()); }
  std::vector<Migration> broken = schema_migrations();
  broken.push_back({latest_schema_version() + 1, "CREATE TABLE fine (x); SELECT * FROM nowhere;"});
  auto db = raw_connection(path);
  CHECK(usage_error_of([&] {
          migrate(db.get(), path.string(), broken);
        }).starts_with("database error (no such table: nowhere)"));
  CHECK(pragma_int(db.get(), "user_version") == latest_schema_version());
  CHECK_FALSE(has_table(db.get(), "fine"));
}

TEST_CASE("migrations: read-only mode refuses a file that still needs migrating") {
  TempDir dir;
  fs::path path = dir.path() / "stamped.db";
  run_script(raw_connection(path).get(),
             "PRAGMA application_id = 1413564228; CREATE TABLE legacy (x);");
  std::string before = bytes_of(path);
  CHECK(usage_error_of([&] { Database::open(path.string(), Database::Mode::kReadOnly); }) ==
        path.string() + " has schema version 0, older than this tagdrift needs (" +
            std::to_string(latest_schema_version()) + "); open it for writing once to upgrade it");
  CHECK(bytes_of(path) == before);
}

TEST_CASE("migrations: a version 1 history upgrades to the latest version with its scans intact") {
  TempDir dir;
  const fs::path path = dir.path() / "v1.db";
  {
    auto raw = raw_connection(path);
    migrate(raw.get(), path.string(), {schema_migrations().front()});
    run_script(raw.get(), R"sql(
INSERT INTO sites (id, site) VALUES (1, 'https://clinic.test');
INSERT INTO scans (id, site_id, target, started_at, complete) VALUES (1, 1, 'https://clinic.test/', '2026-01-01T00:00:00Z', 1);
INSERT INTO pages (id, scan_id, url, status, body_hash) VALUES (1, 1, 'https://clinic.test/', 200, 'abc');
)sql");
    REQUIRE(pragma_int(raw.get(), "user_version") == 1);
  }
  Database db = Database::open(path.string(), Database::Mode::kReadWrite);
  CHECK(db.schema_version() == latest_schema_version());  // 2, and every version after it
  CHECK(has_table(db.handle(), "extracts"));
  CHECK(has_table(db.handle(), "scripts"));
  auto scan = tagdrift::storage::History(db).load_scan(1);
  CHECK(scan.scan.detection.empty());  // so no rescan will reuse it
  REQUIRE(scan.pages.size() == 1);
  CHECK(scan.pages[0].body_hash == "abc");
  CHECK_FALSE(scan.pages[0].reused);
}

TEST_CASE(
    "migrations: a version 2 history upgrades, its pages without a file, its scans baselines") {
  TempDir dir;
  const fs::path path = dir.path() / "v2.db";
  {
    auto raw = raw_connection(path);
    const auto& all = schema_migrations();
    migrate(raw.get(), path.string(), {all[0], all[1]});
    run_script(raw.get(), R"sql(
INSERT INTO sites (id, site) VALUES (1, 'https://clinic.test');
INSERT INTO scans (id, site_id, target, started_at, complete) VALUES (1, 1, 'public/', '2026-01-01T00:00:00Z', 1);
INSERT INTO pages (id, scan_id, url, status) VALUES (1, 1, 'https://clinic.test/', 200);
)sql");
    REQUIRE(pragma_int(raw.get(), "user_version") == 2);
  }
  Database db = Database::open(path.string(), Database::Mode::kReadWrite);
  CHECK(db.schema_version() == latest_schema_version());
  auto scan = tagdrift::storage::History(db).load_scan(1);
  REQUIRE(scan.pages.size() == 1);
  CHECK(scan.pages[0].file.empty());
  CHECK(scan.pages[0].status == 200);
  CHECK(scan.scan.baseline);  // a scan from before the gate kept baselines is one
  CHECK(tagdrift::storage::History(db).last_baseline_scan("https://clinic.test")->id == 1);
}

TEST_CASE("migrations: a version 4 history upgrades, its sightings from no container") {
  TempDir dir;
  const fs::path path = dir.path() / "v4.db";
  {
    auto raw = raw_connection(path);
    const auto& all = schema_migrations();
    migrate(raw.get(), path.string(), {all[0], all[1], all[2], all[3]});
    run_script(raw.get(), R"sql(
INSERT INTO sites (id, site) VALUES (1, 'https://clinic.test');
INSERT INTO scans (id, site_id, target, started_at, complete) VALUES (1, 1, 'https://clinic.test/', '2026-01-01T00:00:00Z', 1);
INSERT INTO pages (id, scan_id, url, status) VALUES (1, 1, 'https://clinic.test/', 200);
INSERT INTO tags (id, site_id, key, vendor, tag_id, first_seen, last_seen, first_scan, last_scan) VALUES (1, 1, 'linkedin:123456', 'linkedin', '123456', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 1, 1);
INSERT INTO sightings (scan_id, page_id, tag_ref, page_url, place, via) VALUES (1, 1, 1, 'https://clinic.test/', 'script-src', 'https://www.googletagmanager.com/gtm.js?id=GTM-AB12CD');
)sql");
    REQUIRE(pragma_int(raw.get(), "user_version") == 4);
  }
  Database db = Database::open(path.string(), Database::Mode::kReadWrite);
  CHECK(db.schema_version() == latest_schema_version());
  CHECK(has_table(db.handle(), "containers"));
  tagdrift::storage::History history(db);
  auto scan = history.load_scan(1);
  REQUIRE(scan.sightings.size() == 1);
  CHECK(scan.sightings[0].key == "linkedin:123456");
  CHECK(scan.sightings[0].container.empty());  // the old scan did not say: nothing is invented
  CHECK(scan.sightings[0].container.tag_id == -1);
  CHECK(scan.containers.empty());
  // And the upgraded file takes a scan that keeps both.
  tagdrift::storage::ScanWriter writer(db, tagdrift::testing::make_header("https://clinic.test"));
  auto page = tagdrift::testing::make_page("https://clinic.test", 1);
  auto sighting = tagdrift::testing::make_sighting(page.url, "linkedin:123456");
  sighting.container = {"GTM-AB12CD", "42", 17, "__bzi", "All Pages", "literal"};
  writer.add_page(page, {sighting});
  writer.finish({1, 0, 0}, "", {},
                {{"https://www.googletagmanager.com/gtm.js?id=GTM-AB12CD", "GTM-AB12CD", "42"}});
  auto written = history.load_scan(writer.scan_id());
  REQUIRE(written.sightings.size() == 1);
  CHECK(written.sightings[0].container == sighting.container);
  REQUIRE(written.containers.size() == 1);
  CHECK(written.containers[0].version == "42");
}
