// Several processes may scan different sites into one database at once: each has its own
// connection, and WAL, the busy timeout and short write transactions let them take turns.
#include <catch2/catch.hpp>
#include <thread>

#include "storage/database.h"
#include "storage/history.h"
#include "storage/scan_writer.h"
#include "tests/storage/storage_fixtures.h"
#include "tests/support/temp_dir.h"

using tagdrift::storage::Database;
using tagdrift::storage::History;
using tagdrift::testing::kClinic;
using tagdrift::testing::kDental;
using tagdrift::testing::TempDir;
using tagdrift::testing::write_scan;

TEST_CASE("scan writer: two writers on different sites at once both complete their scans") {
  TempDir dir;
  std::string path = (dir.path() / "history.db").string();
  const std::vector<std::string> keys = {"meta:1234567890", "google:G-ABC123"};
  constexpr int kPages = 600;
  std::string errors[2];

  // Both start on a database that does not exist yet: creating it is part of the race.
  auto scan = [&](int which, const char* site) {
    try {
      Database db = Database::open(path);
      tagdrift::storage::ScanWriterOptions options;
      options.batch_pages = 10;
      write_scan(db, site, kPages, keys, /*finish=*/true, options);
    } catch (const std::exception& error) {
      errors[which] = error.what();
    }
  };
  std::thread clinic(scan, 0, kClinic);
  std::thread dental(scan, 1, kDental);
  clinic.join();
  dental.join();
  INFO("clinic: " << errors[0] << "; dental: " << errors[1]);
  CHECK(errors[0].empty());
  CHECK(errors[1].empty());

  Database db = Database::open(path, Database::Mode::kReadOnly);
  History history(db);
  CHECK(history.sites() == std::vector<std::string>{kClinic, kDental});
  for (const char* site : {kClinic, kDental}) {
    auto scans = history.list_scans(site);
    REQUIRE(scans.size() == 1);
    CHECK(scans[0].complete);
    auto contents = history.load_scan(scans[0].id);
    CHECK(contents.pages.size() == kPages);
    CHECK(contents.sightings.size() == kPages * keys.size());
    for (const auto& page : contents.pages) CHECK(page.url.starts_with(site));
    CHECK(history.tags(site).size() == keys.size());
  }
}
