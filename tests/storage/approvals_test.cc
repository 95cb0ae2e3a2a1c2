#include "storage/approvals.h"

#include <catch2/catch.hpp>

#include "storage/database.h"
#include "storage/history.h"
#include "tests/storage/storage_fixtures.h"
#include "tests/support/temp_dir.h"

using tagdrift::storage::approvals;
using tagdrift::storage::approve;
using tagdrift::storage::Database;
using tagdrift::storage::revoke;
using tagdrift::testing::kClinic;
using tagdrift::testing::kDental;
using tagdrift::testing::TempDir;
using tagdrift::testing::usage_error_of;
using tagdrift::testing::write_scan;

namespace {

constexpr const char* kMeta = "meta:1234567890";
constexpr const char* kGoogle = "google:G-ABC123";

}  // namespace

TEST_CASE("approvals: approving, re-approving and revoking a seen tag") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  write_scan(db, kClinic, 2, {kMeta, kGoogle});
  write_scan(db, kDental, 1, {kMeta});

  approve(db, kClinic, kMeta, "signed BAA");
  approve(db, kDental, kMeta, "dental too");
  auto clinic = approvals(db, kClinic);
  REQUIRE(clinic.size() == 1);
  CHECK(clinic[0].site == kClinic);
  CHECK(clinic[0].key == kMeta);
  CHECK(clinic[0].note == "signed BAA");
  CHECK(clinic[0].approved_at.ends_with("Z"));
  CHECK(approvals(db).size() == 2);

  approve(db, kClinic, kMeta, "BAA renewed");
  REQUIRE(approvals(db, kClinic).size() == 1);
  CHECK(approvals(db, kClinic)[0].note == "BAA renewed");

  revoke(db, kClinic, kMeta);
  CHECK(approvals(db, kClinic).empty());
  CHECK(approvals(db, kDental).size() == 1);
  CHECK_FALSE(tagdrift::storage::History(db).tags(kClinic)[1].approved);
}

TEST_CASE("approvals: a key never seen on the site cannot be approved") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  write_scan(db, kClinic, 1, {kMeta, kGoogle});
  write_scan(db, kDental, 1, {"tiktok:C4ABCDEF"});
  CHECK(usage_error_of([&] { approve(db, kClinic, "tiktok:C4ABCDEF", ""); }) ==
        "unknown tag key tiktok:C4ABCDEF");
  CHECK(usage_error_of([&] { approve(db, "https://nowhere.test", kMeta, ""); }) ==
        "unknown tag key " + std::string(kMeta));
  // Close keys are named: the same id under another vendor name, or part of the key.
  CHECK(usage_error_of([&] { approve(db, kClinic, "facebook:1234567890", ""); }) ==
        "unknown tag key facebook:1234567890 (did you mean meta:1234567890?)");
  CHECK(usage_error_of([&] { approve(db, kClinic, "G-ABC", ""); }) ==
        "unknown tag key G-ABC (did you mean google:G-ABC123?)");
  CHECK(approvals(db).empty());
}

TEST_CASE("approvals: revoking an approval that does not exist is a usage error") {
  TempDir dir;
  Database db = Database::open((dir.path() / "history.db").string());
  write_scan(db, kClinic, 1, {kMeta});
  CHECK(usage_error_of([&] { revoke(db, kClinic, kMeta); }) ==
        "no approval for " + std::string(kMeta));
  CHECK(usage_error_of([&] { revoke(db, "https://nowhere.test", kMeta); }) ==
        "no approval for " + std::string(kMeta));
}

TEST_CASE("approvals: a read-only database takes no approvals") {
  TempDir dir;
  std::string path = (dir.path() / "history.db").string();
  {
    Database db = Database::open(path);
    write_scan(db, kClinic, 1, {kMeta});
  }
  Database db = Database::open(path, Database::Mode::kReadOnly);
  CHECK(usage_error_of([&] { approve(db, kClinic, kMeta, ""); }) ==
        "database opened read-only: " + path);
}
