#include "storage/sqlite_error.h"

#include <fmt/format.h>

#include "util/error.h"

namespace tagdrift::storage {

std::string sqlite_error_message(sqlite3* db) {
  const char* file = sqlite3_db_filename(db, "main");
  return fmt::format("database error ({}): {}", sqlite3_errmsg(db),
                     file != nullptr && *file != '\0' ? file : "(unknown file)");
}

void throw_sqlite_error(sqlite3* db) { throw usage_error(sqlite_error_message(db)); }

void throw_sqlite_error(int code, const std::string& path) {
  throw usage_error(fmt::format("database error ({}): {}", sqlite3_errstr(code), path));
}

}  // namespace tagdrift::storage
