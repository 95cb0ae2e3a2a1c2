// A writer killed with SIGKILL at random moments, like a crawl stopped by the OOM killer or a
// closed laptop: the database must stay usable and every scan whole or marked incomplete.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <random>
#include <thread>

#include "storage/database.h"
#include "storage/history.h"
#include "storage/scan_writer.h"
#include "storage/statement.h"
#include "tests/storage/storage_fixtures.h"
#include "tests/support/temp_dir.h"

using tagdrift::storage::Database;
using tagdrift::storage::History;
using tagdrift::storage::ScanRecord;
using tagdrift::storage::Statement;
using tagdrift::testing::count_rows;
using tagdrift::testing::kClinic;
using tagdrift::testing::TempDir;
using tagdrift::testing::write_scan;

namespace {

constexpr int kRuns = 24;
constexpr int kPagesPerScan = 40;
constexpr std::size_t kBatchPages = 7;  // 40 pages: five batches, then five pages in finish()
const std::vector<std::string> kKeys = {"meta:1234567890", "google:G-ABC123", "tiktok:C4ABCDEF"};

// The child: opens the database, says so on `ready`, and writes complete scans until killed.
[[noreturn]] void write_until_killed(const std::string& path, int ready) {
  try {
    Database db = Database::open(path);
    if (write(ready, "r", 1) != 1) _exit(1);
    tagdrift::storage::ScanWriterOptions options;
    options.batch_pages = kBatchPages;
    while (true) write_scan(db, kClinic, kPagesPerScan, kKeys, /*finish=*/true, options);
  } catch (...) {
    _exit(1);
  }
}

std::string integrity(Database& db) {
  Statement check(db.handle(), "PRAGMA integrity_check");
  return check.step() ? check.text_at(0) : "";
}

// Every complete scan is whole; an incomplete one holds whole batches only, and only the newest
// scan may be incomplete beyond those already counted. Returns the number of incomplete scans.
int check_scans(Database& db) {
  int incomplete = 0;
  for (const ScanRecord& scan : History(db).list_scans()) {
    std::int64_t pages = count_rows(db, "SELECT count(*) FROM pages WHERE scan_id = ?1", scan.id);
    std::int64_t sightings =
        count_rows(db, "SELECT count(*) FROM sightings WHERE scan_id = ?1", scan.id);
    CHECK(sightings == pages * static_cast<std::int64_t>(kKeys.size()));
    if (scan.complete) {
      CHECK(pages == scan.pages_crawled);
      CHECK(pages == kPagesPerScan);
    } else {
      ++incomplete;
      CHECK(pages < kPagesPerScan);
      CHECK(pages % static_cast<std::int64_t>(kBatchPages) == 0);
    }
  }
  return incomplete;
}

}  // namespace

TEST_CASE(
    "scan writer: a scan killed at any moment leaves a usable database, that scan incomplete") {
  TempDir dir;
  std::string path = (dir.path() / "history.db").string();
  std::mt19937 random(20261126);
  std::uniform_int_distribution<int> delay_us(0, 50'000);
  int incomplete_before = 0;
  for (int run = 0; run < kRuns; ++run) {
    std::int64_t last_id_before = 0;
    if (run > 0) {
      Database db = Database::open(path);
      last_id_before = History(db).latest_scan()->id;
    }  // closed before fork(): a connection must never cross into a child

    int ready[2];
    REQUIRE(pipe(ready) == 0);
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) write_until_killed(path, ready[1]);
    close(ready[1]);
    // Even runs count the delay from the fork, so some kills land while the database is being
    // opened or set up; odd runs count it from the first scan, so most land mid-scan.
    char byte = 0;
    if (run % 2 == 1) REQUIRE(read(ready[0], &byte, 1) == 1);
    std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    close(ready[0]);  // only now: the child must not die of SIGPIPE before it is killed
    REQUIRE(WIFSIGNALED(status));
    REQUIRE(WTERMSIG(status) == SIGKILL);  // killed, not failed

    Database db = Database::open(path);
    REQUIRE(integrity(db) == "ok");
    int incomplete = check_scans(db);
    CHECK(incomplete - incomplete_before <= 1);  // at most the scan that was killed
    auto latest = History(db).latest_scan();
    if (incomplete > incomplete_before) {
      REQUIRE(latest);
      CHECK(latest->id > last_id_before);
      CHECK_FALSE(latest->complete);  // the killed scan is the newest one
    }
    incomplete_before = incomplete;

    // Life goes on: a new scan is written whole after the crash.
    std::int64_t next = write_scan(db, kClinic, kPagesPerScan, kKeys);
    CHECK(History(db).load_scan(next).pages.size() == kPagesPerScan);
    CHECK(History(db).last_complete_scan(kClinic)->id == next);
  }
  // A kill that never lands mid-scan would prove nothing.
  CHECK(incomplete_before >= kRuns / 4);
}
