// The real `tagdrift` program given conflicting or bad flags: exit 2, one line on stderr, nothing
// on stdout, and an existing history database left byte for byte as it was (README: "the
// database is left unchanged").
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/cli/cli_run.h"
#include "tests/support/temp_dir.h"
#include "util/sha256.h"

namespace fs = std::filesystem;
using tagdrift::testing::ChildResult;
using tagdrift::testing::tagdrift_run;
using tagdrift::testing::TempDir;

namespace {

const std::string kSite = std::string(TAGDRIFT_FIXTURES_DIR) + "/sites/clinic";
const std::string kBaseUrl = "https://www.example-clinic.test/";

// Everything SQLite keeps of the database: the file and its WAL and rollback journal. An empty
// WAL is no WAL: a read-only connection creates one and cannot delete it when it closes.
std::string database_state(const fs::path& db) {
  std::string state;
  for (const char* suffix : {"", "-wal", "-journal"}) {
    const fs::path path = db.string() + suffix;
    const bool present = fs::exists(path) && fs::file_size(path) > 0;
    state += std::string(suffix) + ":";
    state += present ? tagdrift::sha256_hex(tagdrift::testing::read_file(path)) : "none";
    state += "\n";
  }
  return state;
}

// A database with one complete scan of the clinic fixture site.
fs::path scanned_database(const TempDir& dir) {
  const fs::path db = dir.path() / "history.db";
  ChildResult first =
      tagdrift_run({"scan", kSite, "--base-url", kBaseUrl, "--db", db.string(), "--quiet",
                    "--format", "json", "--output", (dir.path() / "first.json").string()},
                   dir.path());
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  REQUIRE(fs::exists(db));
  return db;
}

void check_usage_error(const std::vector<std::string>& args, const fs::path& db,
                       const fs::path& dir) {
  const std::string before = database_state(db);
  ChildResult run = tagdrift_run(args, dir);
  std::string command;
  for (const auto& arg : args) command += arg + " ";
  INFO("tagdrift " << command);
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  REQUIRE_FALSE(run.err.empty());
  CHECK(run.err.rfind("tagdrift: ", 0) == 0);
  CHECK(run.err.find('\n') == run.err.size() - 1);  // exactly one line
  CHECK(database_state(db) == before);
}

}  // namespace

TEST_CASE("flag conflicts: scan refuses contradictory or bad flags before touching the history") {
  TempDir dir;
  const fs::path db = scanned_database(dir);
  const std::string d = db.string();
  const std::vector<std::string> scan = {"scan", kSite, "--base-url", kBaseUrl, "--quiet"};
  auto with = [&scan](std::vector<std::string> extra) {
    std::vector<std::string> args = scan;
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  };
  check_usage_error(with({"--no-db", "--db", d}), db, dir.path());
  check_usage_error(with({"--db", d, "--no-db"}), db, dir.path());
  check_usage_error(with({"--db", d, "--fail-on", "sometimes"}), db, dir.path());
  check_usage_error(with({"--db", d, "--fail-on", ""}), db, dir.path());
  check_usage_error(with({"--db", d, "--format", "yaml"}), db, dir.path());
  check_usage_error(with({"--db", d, "--scope", "planet"}), db, dir.path());
  check_usage_error(with({"--db", d, "--max-body", "10Q"}), db, dir.path());
  check_usage_error(with({"--db", d, "--concurrency", "many"}), db, dir.path());
  check_usage_error(with({"--db", d, "--policy", (dir.path() / "missing.toml").string()}), db,
                    dir.path());
  check_usage_error(with({"--db", d, "--signatures", (dir.path() / "missing").string()}), db,
                    dir.path());
  check_usage_error(with({"--db", d, "--health-terms", (dir.path() / "missing.toml").string()}), db,
                    dir.path());
  check_usage_error(
      with({"--db", d, "--output", (dir.path() / "no-such-dir" / "report.json").string()}), db,
      dir.path());
  check_usage_error(with({"--db", d, "--no-such-flag"}), db, dir.path());
  check_usage_error(
      with({"--db", d, "--map-origin", "https://www.example-clinic.test/lp=https://staging.test"}),
      db, dir.path());
  check_usage_error(with({"--db", d, "--map-origin", "https://www.example-clinic.test"}), db,
                    dir.path());
}

// The crawl options are checked before the scan is started in the history.
TEST_CASE("flag conflicts: a bad crawl pattern or target leaves the history unchanged") {
  TempDir dir;
  const fs::path db = scanned_database(dir);
  const std::string d = db.string();
  check_usage_error({"scan", "http://127.0.0.1:1/", "--db", d, "--quiet", "--include", "("}, db,
                    dir.path());
  check_usage_error({"scan", "ftp://127.0.0.1/", "--db", d, "--quiet"}, db, dir.path());
}

TEST_CASE("flag conflicts: the history commands take no --no-db and reject bad values") {
  TempDir dir;
  const fs::path db = scanned_database(dir);
  const std::string d = db.string();
  check_usage_error({"history", "--db", d, "--no-db"}, db, dir.path());
  check_usage_error({"tags", "--db", d, "--no-db"}, db, dir.path());
  check_usage_error({"report", "--db", d, "--no-db"}, db, dir.path());
  check_usage_error({"diff", "--db", d, "--no-db"}, db, dir.path());
  check_usage_error({"approve", "meta:4836152907314682", "--note", "ok", "--db", d, "--no-db"}, db,
                    dir.path());
  check_usage_error({"revoke", "meta:4836152907314682", "--db", d, "--no-db"}, db, dir.path());
  check_usage_error({"history", "--db", d, "--format", "yaml"}, db, dir.path());
  check_usage_error({"tags", "--db", d, "--format", "markdown"}, db, dir.path());
  check_usage_error({"report", "--db", d, "--format", "yaml"}, db, dir.path());
  check_usage_error({"report", "--db", d, "--fail-on", "sometimes"}, db, dir.path());
  check_usage_error({"report", "99", "--db", d}, db, dir.path());
  check_usage_error({"diff", "1", "--db", d}, db, dir.path());
  check_usage_error({"approve", "meta:4836152907314682", "--db", d}, db, dir.path());  // no note
  check_usage_error({"approve", "nosuch:1", "--note", "ok", "--db", d}, db, dir.path());
  check_usage_error({"report", "--db", d, "--site", "https://other.test"}, db, dir.path());
  check_usage_error({"history", "--db", d, "--site", "https://other.test"}, db, dir.path());
  check_usage_error({"tags", "--db", d, "--site", "https://other.test"}, db, dir.path());
  check_usage_error({"report", "--db", d, "--fail-on", ""}, db, dir.path());
}
