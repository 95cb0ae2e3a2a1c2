// The schema as an ordered list of migrations. PRAGMA user_version counts the ones that ran, so a
// schema change is one new entry at the end of the list, never an edit of an old one.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tagdrift::storage {

// PRAGMA application_id of every tagdrift database: "TAGD" in ASCII.
inline constexpr std::int32_t kApplicationId = 0x54414744;

struct Migration {
  int version;           // the user_version once it ran: 1, 2, … with no gaps
  std::string_view sql;  // one or more statements, run inside the upgrade transaction
};

// The migrations of this build of tagdrift, in order.
const std::vector<Migration>& schema_migrations();

// The version a database has once every migration in `migrations` ran.
int latest_schema_version(const std::vector<Migration>& migrations = schema_migrations());

// Brings the database on `db` up to date in one write transaction: stamps the application id and
// runs, in order, every migration newer than its user_version. Throws a usage error naming
// `path` when the file turns out to be another application's or newer than `migrations` know.
void migrate(sqlite3* db, const std::string& path,
             const std::vector<Migration>& migrations = schema_migrations());

}  // namespace tagdrift::storage
