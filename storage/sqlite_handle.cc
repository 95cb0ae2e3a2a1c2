#include "storage/sqlite_handle.h"

#include "storage/sqlite_error.h"

namespace tagdrift::storage {

ConnectionHandle open_connection(const std::string& filename, int flags, const std::string& path) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(filename.c_str(), &raw, flags, nullptr);
  // SQLite hands back a connection even when opening fails; it needs closing all the same.
  ConnectionHandle db(raw);
  if (rc != SQLITE_OK) throw_sqlite_error(rc, path);
  sqlite3_extended_result_codes(db.get(), 1);
  sqlite3_busy_timeout(db.get(), kBusyTimeoutMs);
  return db;
}

}  // namespace tagdrift::storage
