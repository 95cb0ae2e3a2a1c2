// Turns a failed SQLite call into the one-line tagdrift::Error that ends the command.
#pragma once

#include <sqlite3.h>

#include <string>

namespace tagdrift::storage {

// "database error (<sqlite's message>): <file>" for the last failure on `db`.
std::string sqlite_error_message(sqlite3* db);

// Throws Error(kUsage, sqlite_error_message(db)).
[[noreturn]] void throw_sqlite_error(sqlite3* db);

// The same for a failure with no usable connection: `code` and the path the caller tried.
[[noreturn]] void throw_sqlite_error(int code, const std::string& path);

}  // namespace tagdrift::storage
