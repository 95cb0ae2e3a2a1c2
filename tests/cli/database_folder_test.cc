// The real `tagdrift` program and the folder of its history database: `scan` creates a missing
// folder (the first run of a CI job without a cache), refuses a path through a regular file with
// one line, and the read-only commands create nothing at all.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "tests/cli/cli_run.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using tagdrift::testing::check_refused;
using tagdrift::testing::ChildResult;
using tagdrift::testing::read_file;
using tagdrift::testing::tagdrift_run;
using tagdrift::testing::TempDir;

namespace {

const std::string kSite = std::string(TAGDRIFT_SOURCE_DIR) + "/examples/clinic-site";

ChildResult scan_into(const fs::path& db, const fs::path& dir) {
  return tagdrift_run(
      {"scan", kSite, "--base-url", "https://www.example-clinic.test/", "--db", db.string(),
       "--quiet", "--format", "json", "--output", (dir / "report.json").string()},
      dir);
}

}  // namespace

TEST_CASE("database folder: scan creates the missing folders of --db") {
  TempDir dir;
  const fs::path db = dir.path() / ".tagdrift" / "nested" / "history.db";
  ChildResult run = scan_into(db, dir.path());
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  CHECK(fs::is_regular_file(db));
  ChildResult history = tagdrift_run({"history", "--db", db.string()}, dir.path());
  CHECK(history.exit_code == 0);
  CHECK(history.out.find("https://www.example-clinic.test") != std::string::npos);
}

TEST_CASE("database folder: a --db path through a regular file is refused with one line") {
  TempDir dir;
  const fs::path file = dir.write("notes.txt", "keep me");
  const fs::path db = file / "history.db";
  check_refused(
      scan_into(db, dir.path()), 2,
      "cannot create database (" + file.string() + " is not a directory): " + db.string());
  CHECK(read_file(file) == "keep me");
  CHECK_FALSE(fs::exists(dir.path() / "report.json"));
}

TEST_CASE("database folder: history, tags, report and diff create no folder and no file") {
  TempDir dir;
  const fs::path db = dir.path() / ".tagdrift" / "history.db";
  for (const char* command : {"history", "tags", "report", "diff"}) {
    CAPTURE(command);
    check_refused(tagdrift_run({command, "--db", db.string()}, dir.path()), 2,
                  "no tagdrift database at " + db.string());
    CHECK_FALSE(fs::exists(dir.path() / ".tagdrift"));
  }
}
