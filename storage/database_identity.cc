#include "storage/database_identity.h"

#include <fmt/format.h>

#include "storage/migrations.h"
#include "storage/statement.h"
#include "util/error.h"

namespace tagdrift::storage {

namespace {

std::int64_t single_int(sqlite3* db, std::string_view sql) {
  Statement query(db, sql);
  return query.step() ? query.int_at(0) : 0;
}

}  // namespace

DatabaseIdentity read_identity(sqlite3* db) {
  DatabaseIdentity identity;
  identity.application_id = static_cast<std::int32_t>(single_int(db, "PRAGMA application_id"));
  identity.schema_version = static_cast<int>(single_int(db, "PRAGMA user_version"));
  identity.tables = single_int(
      db,
      "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
      "ESCAPE '\\'");
  return identity;
}

bool is_unclaimed(const DatabaseIdentity& identity) {
  return identity.application_id == 0 && identity.tables == 0;
}

void check_identity(const DatabaseIdentity& identity, const std::string& path, int latest_version) {
  if (is_unclaimed(identity)) return;
  if (identity.application_id != kApplicationId) {
    throw usage_error(fmt::format("not a tagdrift database: {}", path));
  }
  if (identity.schema_version > latest_version) {
    throw usage_error(
        fmt::format("{} has schema version {}, newer than this tagdrift understands ({})", path,
                    identity.schema_version, latest_version));
  }
}

}  // namespace tagdrift::storage
