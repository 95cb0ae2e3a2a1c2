// A tagdrift history database: one SQLite file in WAL mode, set up and upgraded on open, refused
// untouched when it is not ours. Each thread or process opens its own.
#pragma once

#include <sqlite3.h>

#include <string>

#include "storage/sqlite_handle.h"

namespace tagdrift::storage {

class Database {
 public:
  enum class Mode {
    kReadWrite,  // creates the file when missing and upgrades an older schema
    kReadOnly,   // never creates or modifies the file
  };

  // Opens the database at `path`. Throws Error(kUsage, one line naming the path) when the file
  // cannot be created or written, is not SQLite, is another application's database, has a newer
  // schema than this build understands, or (kReadOnly) is missing or has an older schema. A file
  // refused this way is left byte-for-byte as it was.
  static Database open(const std::string& path, Mode mode = Mode::kReadWrite);

  Database(Database&&) noexcept = default;
  Database& operator=(Database&&) noexcept = default;

  const std::string& path() const { return path_; }
  Mode mode() const { return mode_; }
  int schema_version() const;

  // The connection, for storage's own readers and writers.
  sqlite3* handle() const { return db_.get(); }

  // Throws a usage error when the database was opened read-only: for those about to write.
  void require_writable() const;

 private:
  Database(ConnectionHandle db, std::string path, Mode mode);

  ConnectionHandle db_;
  std::string path_;
  Mode mode_;
};

}  // namespace tagdrift::storage
