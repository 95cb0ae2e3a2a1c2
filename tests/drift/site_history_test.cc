#include "drift/site_history.h"

#include <catch2/catch.hpp>
#include <numeric>

#include "drift/drift.h"
#include "storage/history.h"
#include "tests/storage/storage_fixtures.h"
#include "tests/support/temp_dir.h"

namespace tagdrift::drift {
namespace {

using testing::kClinic;
using testing::kDental;
using testing::write_scan;

constexpr const char* kMeta = "meta:1234567890";
constexpr const char* kGoogle = "google:G-ABC123";

Report report_of(const storage::Database& db, std::int64_t id) {
  const storage::ScanContents contents = storage::History(db).load_scan(id);
  return build_report(contents, nullptr, {}, nullptr, FailOn::kNever);
}

std::size_t total(const ScanPoint& point) {
  return std::accumulate(point.findings.begin(), point.findings.end(), std::size_t{0});
}

TEST_CASE("site history: each past scan's bars say what that scan's own report said") {
  testing::TempDir dir;
  storage::Database db = storage::Database::open((dir.path() / "history.db").string());
  const auto first = write_scan(db, kClinic, 3, {kMeta});
  write_scan(db, kDental, 2, {kGoogle});
  const auto second = write_scan(db, kClinic, 3, {kMeta, kGoogle});
  write_scan(db, kClinic, 3, {kGoogle});  // after the report's scan: not in its history

  const Report first_report = report_of(db, first);
  REQUIRE(first_report.findings.size() == 1);
  const SiteHistory history = read_site_history(db, report_of(db, second));

  REQUIRE(history.scans.size() == 2);
  CHECK(history.scans[0].id == first);
  CHECK(history.scans[0].complete);
  CHECK(total(history.scans[0]) == 1);
  CHECK(history.scans[0].findings[static_cast<std::size_t>(first_report.findings[0].severity)] ==
        1);
  CHECK(history.scans[1].id == second);
  CHECK(total(history.scans[1]) == 2);

  REQUIRE(history.tags.size() == 2);
  CHECK(history.tags[0].key == kGoogle);
  CHECK(history.tags[0].cells == std::vector<Presence>{Presence::kAbsent, Presence::kPresent});
  CHECK(history.tags[1].cells == std::vector<Presence>{Presence::kPresent, Presence::kPresent});
  REQUIRE(history.events.size() == 2);
  CHECK(history.events[1].key == kGoogle);
  CHECK(history.events[1].kind == EventKind::kFirstSeen);
  CHECK(history.events[1].date == "2026-11-26T10:00:00Z");
}

}  // namespace
}  // namespace tagdrift::drift
