#include "storage/statement.h"

#include "storage/sqlite_error.h"
#include "util/error.h"

namespace tagdrift::storage {

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr) !=
      SQLITE_OK) {
    throw_sqlite_error(db);
  }
  stmt_.reset(raw);
}

Statement& Statement::bind_int(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_.get(), index, value) != SQLITE_OK) throw_sqlite_error(db_);
  return *this;
}

Statement& Statement::bind_real(int index, double value) {
  if (sqlite3_bind_double(stmt_.get(), index, value) != SQLITE_OK) throw_sqlite_error(db_);
  return *this;
}

Statement& Statement::bind_text_in_place(int index, std::string_view value) {
  in_place_ = true;
  if (sqlite3_bind_text64(stmt_.get(), index, value.data(), value.size(), SQLITE_STATIC,
                          SQLITE_UTF8) != SQLITE_OK) {
    throw_sqlite_error(db_);
  }
  return *this;
}

Statement& Statement::bind_text(int index, std::string_view value) {
  if (sqlite3_bind_text64(stmt_.get(), index, value.data(), value.size(), SQLITE_TRANSIENT,
                          SQLITE_UTF8) != SQLITE_OK) {
    throw_sqlite_error(db_);
  }
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (sqlite3_bind_null(stmt_.get(), index) != SQLITE_OK) throw_sqlite_error(db_);
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  // The error is read before the reset, which would otherwise report it a second time.
  std::string message = sqlite_error_message(db_);
  reset();
  throw usage_error(message);
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_.get());
  if (in_place_) {
    sqlite3_clear_bindings(stmt_.get());
    in_place_ = false;
  }
}

std::int64_t Statement::int_at(int column) const {
  return sqlite3_column_int64(stmt_.get(), column);
}

double Statement::real_at(int column) const { return sqlite3_column_double(stmt_.get(), column); }

std::string Statement::text_at(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_.get(), column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column)));
}

std::string_view Statement::text_view_at(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_.get(), column);
  if (text == nullptr) return {};
  return {reinterpret_cast<const char*>(text),
          static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column))};
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL;
}

void run_script(sqlite3* db, std::string_view script) {
  const char* next = script.data();
  const char* end = script.data() + script.size();
  while (next < end) {
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    if (sqlite3_prepare_v2(db, next, static_cast<int>(end - next), &raw, &tail) != SQLITE_OK) {
      throw_sqlite_error(db);
    }
    std::unique_ptr<sqlite3_stmt, StatementFinalizer> stmt(raw);
    next = tail;
    if (!stmt) continue;  // only whitespace or a comment was left
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) throw_sqlite_error(db);
  }
}

}  // namespace tagdrift::storage
