// Whose file is this? Reads the marks a tagdrift database carries (application id, schema
// version, its tables) and refuses files that belong to another application or a newer tagdrift.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>

namespace tagdrift::storage {

struct DatabaseIdentity {
  std::int32_t application_id = 0;
  int schema_version = 0;   // PRAGMA user_version
  std::int64_t tables = 0;  // tables other than SQLite's own
};

// Reads the identity through `db`; never writes.
DatabaseIdentity read_identity(sqlite3* db);

// True when the file carries no mark at all: no application id and no tables (a new or empty
// SQLite file, which tagdrift may adopt).
bool is_unclaimed(const DatabaseIdentity& identity);

// Throws "not a tagdrift database: PATH" for another application's file and "PATH has schema
// version N, newer than this tagdrift understands (M)" for a newer one; M is `latest_version`.
void check_identity(const DatabaseIdentity& identity, const std::string& path, int latest_version);

}  // namespace tagdrift::storage
