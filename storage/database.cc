#include "storage/database.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <filesystem>
#include <thread>

#include "storage/database_probe.h"
#include "storage/migrations.h"
#include "storage/sqlite_handle.h"
#include "storage/statement.h"
#include "util/error.h"

namespace tagdrift::storage {

namespace {

namespace fs = std::filesystem;

std::string single_text(sqlite3* db, std::string_view sql) {
  Statement query(db, sql);
  return query.step() ? query.text_at(0) : std::string();
}

// Switching to WAL needs the database to itself for a moment, and SQLite answers "locked" at once
// instead of waiting when another connection holds it (creating it, or checkpointing as it
// closes): two scans starting together on one database must not fail for that. Waits up to the
// busy timeout, as every other statement does.
std::string switch_to_wal(sqlite3* db) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  while (true) {
    try {
      return single_text(db, "PRAGMA journal_mode = WAL");
    } catch (const Error&) {
      const bool busy = (sqlite3_extended_errcode(db) & 0xff) == SQLITE_BUSY;
      if (!busy || std::chrono::steady_clock::now() >= deadline) throw;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

// The deepest ancestor of `directory` that exists (stops at the first one, or an empty path).
fs::path existing_ancestor(fs::path directory) {
  std::error_code error;
  while (!directory.empty() && !fs::exists(directory, error)) {
    if (directory == directory.parent_path()) break;
    directory = directory.parent_path();
  }
  return directory;
}

// The database owns its folder, as git or ccache own theirs: the first run of a CI job without a
// cache has no `.tagdrift/` yet. A path through a regular file, or a folder that cannot be made,
// is still refused.
void make_directory(const fs::path& directory, const std::string& path) {
  std::error_code error;
  if (fs::is_directory(directory, error)) return;
  const fs::path ancestor = existing_ancestor(directory);
  if (!ancestor.empty() && fs::exists(ancestor, error) && !fs::is_directory(ancestor, error)) {
    throw usage_error(
        fmt::format("cannot create database ({} is not a directory): {}", ancestor.string(), path));
  }
  fs::create_directories(directory, error);
  if (error) {
    std::string reason = error.message();
    if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(reason[0]));
    throw usage_error(fmt::format("cannot create database directory ({}): {}", reason, path));
  }
}

// Refuses before SQLite is asked, so the message says what is wrong instead of "unable to open".
void check_writable(const std::string& path, FileState state) {
  fs::path directory = fs::path(path).parent_path();
  if (directory.empty()) directory = ".";
  make_directory(directory, path);
  // WAL mode keeps its -wal and -shm files beside the database, so the directory must be
  // writable even when the file is.
  if (access(directory.c_str(), W_OK) != 0) {
    throw usage_error(fmt::format("cannot write database (directory not writable): {}", path));
  }
  if (state != FileState::kAbsent && access(path.c_str(), R_OK | W_OK) != 0) {
    throw usage_error(fmt::format("cannot write database (file not writable): {}", path));
  }
}

void configure_for_writing(sqlite3* db, const std::string& path) {
  if (sqlite3_db_readonly(db, "main") == 1) {
    throw usage_error(fmt::format("cannot write database (read-only): {}", path));
  }
  if (switch_to_wal(db) != "wal") {
    throw usage_error(fmt::format("cannot switch database to WAL mode: {}", path));
  }
  // FULL makes every commit durable across power loss. A scan in progress writes its batches with
  // NORMAL and completes FULL (see scan_writer.cc).
  Statement(db, "PRAGMA synchronous = FULL").run();
}

ConnectionHandle open_read_write(const std::string& path, FileState state) {
  check_writable(path, state);
  int flags = SQLITE_OPEN_READWRITE | (state == FileState::kAbsent ? SQLITE_OPEN_CREATE : 0);
  ConnectionHandle db = open_connection(path, flags, path);
  configure_for_writing(db.get(), path);
  migrate(db.get(), path);
  return db;
}

ConnectionHandle open_read_only(const std::string& path, const ProbeResult& probe) {
  if (probe.state == FileState::kAbsent) {
    throw usage_error(fmt::format("no tagdrift database at {}", path));
  }
  if (probe.state == FileState::kUnclaimed) {
    throw usage_error(fmt::format("not a tagdrift database (empty): {}", path));
  }
  int latest = latest_schema_version();
  if (probe.schema_version < latest) {
    throw usage_error(fmt::format(
        "{} has schema version {}, older than this tagdrift needs ({}); open it for writing once "
        "to upgrade it",
        path, probe.schema_version, latest));
  }
  return open_connection(path, SQLITE_OPEN_READONLY, path);
}

}  // namespace

Database Database::open(const std::string& path, Mode mode) {
  ProbeResult probe = probe_database(path);
  ConnectionHandle db =
      mode == Mode::kReadOnly ? open_read_only(path, probe) : open_read_write(path, probe.state);
  Statement(db.get(), "PRAGMA foreign_keys = ON").run();
  return Database(std::move(db), path, mode);
}

Database::Database(ConnectionHandle db, std::string path, Mode mode)
    : db_(std::move(db)), path_(std::move(path)), mode_(mode) {}

int Database::schema_version() const {
  Statement query(db_.get(), "PRAGMA user_version");
  return query.step() ? static_cast<int>(query.int_at(0)) : 0;
}

void Database::require_writable() const {
  if (mode_ == Mode::kReadOnly) {
    throw usage_error(fmt::format("database opened read-only: {}", path_));
  }
}

}  // namespace tagdrift::storage
