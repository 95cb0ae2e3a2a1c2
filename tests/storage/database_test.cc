#include "storage/database.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "storage/history.h"
#include "storage/migrations.h"
#include "storage/sqlite_handle.h"
#include "storage/statement.h"
#include "tests/storage/storage_fixtures.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using tagdrift::storage::Database;
using tagdrift::storage::kApplicationId;
using tagdrift::storage::open_connection;
using tagdrift::storage::run_script;
using tagdrift::storage::Statement;
using tagdrift::testing::bytes_of;
using tagdrift::testing::TempDir;
using tagdrift::testing::usage_error_of;

namespace {

std::string pragma_text(const Database& db, const std::string& pragma) {
  Statement query(db.handle(), "PRAGMA " + pragma);
  return query.step() ? query.text_at(0) : "";
}

// Another application's SQLite file, written with SQLite itself.
void make_sqlite_file(const fs::path& path, const std::string& script) {
  auto db =
      open_connection(path.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, path.string());
  run_script(db.get(), script);
}

bool has_side_files(const fs::path& path) {
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    if (fs::exists(path.string() + suffix)) return true;
  }
  return false;
}

// Opening `path` for writing and for reading both fail with `message`, and leave the file as it
// was, without creating journal, -wal or -shm files beside it.
void check_refused_untouched(const fs::path& path, const std::string& message) {
  std::string before = bytes_of(path);
  CHECK(usage_error_of([&] { Database::open(path.string()); }) == message);
  CHECK(usage_error_of([&] { Database::open(path.string(), Database::Mode::kReadOnly); }) ==
        message);
  CHECK(bytes_of(path) == before);
  CHECK_FALSE(has_side_files(path));
}

// Runs `check` as an unprivileged user (in a child process when the tests run as root, whom file
// permissions do not stop) and returns what it returned.
template <typename Check>
bool holds_unprivileged(Check check) {
  if (geteuid() != 0) return check();
  pid_t child = fork();
  if (child == 0) {
    constexpr uid_t kNobody = 65534;
    bool held = setgid(kNobody) == 0 && setuid(kNobody) == 0 && check();
    _exit(held ? 0 : 1);
  }
  int status = 0;
  waitpid(child, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

TEST_CASE("database: a new file is created in WAL mode with foreign keys and tagdrift's id") {
  TempDir dir;
  std::string path = (dir.path() / "history.db").string();
  Database db = Database::open(path);
  CHECK(fs::exists(path));
  CHECK(pragma_text(db, "journal_mode") == "wal");
  CHECK(pragma_text(db, "foreign_keys") == "1");
  CHECK(pragma_text(db, "application_id") == std::to_string(kApplicationId));
  CHECK(db.schema_version() == tagdrift::storage::latest_schema_version());
  CHECK(db.path() == path);
}

TEST_CASE("database: reopening an existing database keeps its history") {
  TempDir dir;
  std::string path = (dir.path() / "history.db").string();
  {
    Database db = Database::open(path);
    tagdrift::testing::write_scan(db, tagdrift::testing::kClinic, 3);
  }
  Database again = Database::open(path);
  CHECK(tagdrift::storage::History(again).list_scans().size() == 1);
}

TEST_CASE("database: a file that is not SQLite is refused and left unchanged") {
  TempDir dir;
  fs::path text = dir.write("notes.db", "these are my notes, not a database\n");
  check_refused_untouched(text, "not a tagdrift database (not SQLite): " + text.string());

  // Starts like SQLite but is too short to be a database.
  fs::path stub = dir.write("stub.db", std::string("SQLite format 3\0abc", 19));
  check_refused_untouched(stub, "not a tagdrift database (not SQLite): " + stub.string());
}

TEST_CASE("database: another application's SQLite database is refused and left unchanged") {
  TempDir dir;
  SECTION("with its own application id") {
    fs::path path = dir.path() / "other.db";
    make_sqlite_file(path,
                     "PRAGMA application_id = 42; CREATE TABLE t (x); INSERT INTO t VALUES (1);");
    check_refused_untouched(path, "not a tagdrift database: " + path.string());
  }
  SECTION("without an application id but with tables of its own") {
    fs::path path = dir.path() / "plain.db";
    make_sqlite_file(path,
                     "CREATE TABLE contacts (name, email); INSERT INTO contacts VALUES "
                     "('a', 'a@example.test');");
    check_refused_untouched(path, "not a tagdrift database: " + path.string());
  }
  SECTION("in WAL mode, without creating -wal or -shm files for it") {
    fs::path path = dir.path() / "wal.db";
    make_sqlite_file(path,
                     "PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t "
                     "VALUES (1);");
    REQUIRE_FALSE(has_side_files(path));
    check_refused_untouched(path, "not a tagdrift database: " + path.string());
  }
}

TEST_CASE("database: another application's database in use (its -wal file present) is refused") {
  TempDir dir;
  fs::path path = dir.path() / "busy.db";
  auto other =
      open_connection(path.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, path.string());
  run_script(other.get(),
             "PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  REQUIRE(fs::file_size(path.string() + "-wal") > 0);
  std::string before = bytes_of(path);
  std::string wal_before = bytes_of(path.string() + "-wal");
  CHECK(usage_error_of([&] { Database::open(path.string()); }) ==
        "not a tagdrift database: " + path.string());
  CHECK(bytes_of(path) == before);
  CHECK(bytes_of(path.string() + "-wal") == wal_before);
}

TEST_CASE("database: a database from a newer tagdrift is refused and left unchanged") {
  TempDir dir;
  fs::path path = dir.path() / "newer.db";
  { Database db = Database::open(path.string()); }
  make_sqlite_file(path, "PRAGMA user_version = 99;");
  check_refused_untouched(path, path.string() +
                                    " has schema version 99, newer than this tagdrift "
                                    "understands (" +
                                    std::to_string(tagdrift::storage::latest_schema_version()) +
                                    ")");
}

TEST_CASE("database: a missing directory and its missing parents are created") {
  TempDir dir;
  fs::path path = dir.path() / "a" / "b" / "history.db";
  { Database db = Database::open(path.string()); }
  CHECK(fs::is_directory(dir.path() / "a" / "b"));
  CHECK(fs::is_regular_file(path));
  // Opened again, it is the same database.
  CHECK(Database::open(path.string()).schema_version() ==
        tagdrift::storage::latest_schema_version());
}

TEST_CASE("database: a path through a regular file is refused and the file left unchanged") {
  TempDir dir;
  fs::path file = dir.write("plain.txt", "x");
  fs::path under_file = file / "history.db";
  CHECK(usage_error_of([&] { Database::open(under_file.string()); }) ==
        "cannot create database (" + file.string() +
            " is not a directory): " + under_file.string());
  fs::path deeper = file / "a" / "history.db";
  CHECK(usage_error_of([&] { Database::open(deeper.string()); }) ==
        "cannot create database (" + file.string() + " is not a directory): " + deeper.string());
  CHECK(bytes_of(file) == "x");
}

TEST_CASE("database: a directory that cannot be created is refused, naming the path") {
  TempDir dir;
  chmod(dir.path().c_str(), 0555);
  fs::path path = dir.path() / "state" / "history.db";
  CHECK(holds_unprivileged([&] {
    return usage_error_of([&] { Database::open(path.string()); }) ==
           "cannot create database directory (permission denied): " + path.string();
  }));
  chmod(dir.path().c_str(), 0755);
  CHECK_FALSE(fs::exists(dir.path() / "state"));
}

TEST_CASE("database: read-only opening never creates a directory") {
  TempDir dir;
  fs::path path = dir.path() / "missing" / "history.db";
  CHECK(usage_error_of([&] { Database::open(path.string(), Database::Mode::kReadOnly); }) ==
        "no tagdrift database at " + path.string());
  CHECK_FALSE(fs::exists(dir.path() / "missing"));
}

TEST_CASE("database: an unwritable file or directory is refused and left unchanged") {
  TempDir dir;
  fs::path path = dir.path() / "history.db";
  { Database db = Database::open(path.string()); }
  std::string before = bytes_of(path);

  chmod(dir.path().c_str(), 0777);
  chmod(path.c_str(), 0444);
  CHECK(holds_unprivileged([&] {
    return usage_error_of([&] { Database::open(path.string()); }) ==
           "cannot write database (file not writable): " + path.string();
  }));

  chmod(path.c_str(), 0666);
  chmod(dir.path().c_str(), 0555);
  CHECK(holds_unprivileged([&] {
    return usage_error_of([&] { Database::open(path.string()); }) ==
           "cannot write database (directory not writable): " + path.string();
  }));
  chmod(dir.path().c_str(), 0755);
  CHECK(bytes_of(path) == before);
  CHECK_FALSE(has_side_files(path));
}

TEST_CASE("database: a directory in place of the file is refused") {
  TempDir dir;
  fs::create_directories(dir.path() / "history.db");
  std::string path = (dir.path() / "history.db").string();
  CHECK(usage_error_of([&] { Database::open(path); }) ==
        "not a tagdrift database (not a file): " + path);
}

TEST_CASE("database: an empty file is set up as a new database") {
  TempDir dir;
  fs::path path = dir.write("empty.db", "");
  Database db = Database::open(path.string());
  CHECK(db.schema_version() == tagdrift::storage::latest_schema_version());
}

TEST_CASE("database: read-only mode never creates or modifies the file") {
  TempDir dir;
  fs::path path = dir.path() / "history.db";
  CHECK(usage_error_of([&] { Database::open(path.string(), Database::Mode::kReadOnly); }) ==
        "no tagdrift database at " + path.string());
  CHECK_FALSE(fs::exists(path));

  fs::path empty = dir.write("empty.db", "");
  CHECK(usage_error_of([&] { Database::open(empty.string(), Database::Mode::kReadOnly); }) ==
        "not a tagdrift database (empty): " + empty.string());
  CHECK(bytes_of(empty).empty());

  {
    Database db = Database::open(path.string());
    tagdrift::testing::write_scan(db, tagdrift::testing::kClinic, 2);
  }
  std::string before = bytes_of(path);
  {
    Database db = Database::open(path.string(), Database::Mode::kReadOnly);
    CHECK(tagdrift::storage::History(db).list_scans().size() == 1);
    CHECK(usage_error_of([&] {
            tagdrift::testing::write_scan(db, tagdrift::testing::kClinic, 1);
          }) == "database opened read-only: " + path.string());
  }
  CHECK(bytes_of(path) == before);
}
