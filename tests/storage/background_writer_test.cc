#include "storage/background_writer.h"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <thread>

#include "storage/database.h"
#include "storage/history.h"
#include "storage/statement.h"
#include "tests/storage/storage_fixtures.h"
#include "tests/support/temp_dir.h"
#include "util/error.h"

using tagdrift::Error;
using tagdrift::storage::BackgroundScanWriter;
using tagdrift::storage::Database;
using tagdrift::storage::History;
using tagdrift::storage::ScanContents;
using tagdrift::storage::ScanWriterOptions;
using tagdrift::storage::Statement;
using tagdrift::testing::kClinic;
using tagdrift::testing::make_header;
using tagdrift::testing::make_page;
using tagdrift::testing::make_sighting;
using tagdrift::testing::TempDir;
using tagdrift::testing::usage_error_of;

TEST_CASE("background writer: every page arrives, in the order added, once the scan finishes") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  BackgroundScanWriter writer(db, make_header(kClinic));
  // More than the queue holds, so the crawl side also waits for room at least once.
  const int pages = static_cast<int>(BackgroundScanWriter::kMaxQueuedPages) * 3;
  for (int n = 0; n < pages; ++n) {
    auto page = make_page(kClinic, n);
    writer.add_page(page, {make_sighting(page.url)});
  }
  writer.finish({pages, 0, 0}, "2026-11-27T10:00:00Z");
  ScanContents loaded = History(db).load_scan(writer.scan_id());
  CHECK(loaded.scan.complete);
  REQUIRE(loaded.pages.size() == static_cast<std::size_t>(pages));
  for (int n = 0; n < pages; n += 499) {
    CHECK(loaded.pages[static_cast<std::size_t>(n)].url == make_page(kClinic, n).url);
  }
  CHECK(loaded.sightings.size() == static_cast<std::size_t>(pages));
}

TEST_CASE(
    "background writer: without finish, the pages added are written and the scan stays "
    "incomplete") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  std::int64_t id = 0;
  {
    BackgroundScanWriter writer(db, make_header(kClinic));
    id = writer.scan_id();
    for (int n = 0; n < 7; ++n) writer.add_page(make_page(kClinic, n), {});
  }
  ScanContents loaded = History(db).load_scan(id);
  CHECK_FALSE(loaded.scan.complete);
  CHECK(loaded.pages.size() == 7);
}

TEST_CASE(
    "background writer: a write that fails on the thread reaches the caller, and the pages "
    "added are all written once the database is free") {
  TempDir dir;
  const std::string path = (dir.path() / "history.db").string();
  Database db = Database::open(path);
  sqlite3_busy_timeout(db.handle(), 20);  // fail fast while the other connection holds the lock
  Database other = Database::open(path);
  ScanWriterOptions options;
  options.batch_pages = 5;
  std::int64_t id = 0;
  int added = 5;  // pages the writer took
  {
    BackgroundScanWriter writer(db, make_header(kClinic), options);
    id = writer.scan_id();
    Statement(other.handle(), "BEGIN EXCLUSIVE").run();
    for (int n = 0; n < 5; ++n) writer.add_page(make_page(kClinic, n), {});
    std::string error;
    for (; added < 1000 && error.empty(); ++added) {
      try {
        writer.add_page(make_page(kClinic, added), {});
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      } catch (const Error& e) {
        error = e.what();
        --added;  // this one was refused
      }
    }
    CHECK(error.find("locked") != std::string::npos);
    CHECK_THROWS_AS(writer.finish({5, 0, 0}, ""), Error);
    Statement(other.handle(), "ROLLBACK").run();
  }
  ScanContents loaded = History(db).load_scan(id);
  CHECK_FALSE(loaded.scan.complete);
  REQUIRE(loaded.pages.size() == static_cast<std::size_t>(added));
  CHECK(loaded.pages.back().url == make_page(kClinic, added - 1).url);
}

TEST_CASE("background writer: a finished scan takes no more pages") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  BackgroundScanWriter writer(db, make_header(kClinic));
  writer.finish({0, 0, 0}, "");
  std::string message = "scan " + std::to_string(writer.scan_id()) + " is already finished";
  CHECK(usage_error_of([&] { writer.add_page(make_page(kClinic, 0), {}); }) == message);
}
