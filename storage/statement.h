// A prepared SQLite statement with one owner: the only way storage passes values to SQL.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace tagdrift::storage {

struct StatementFinalizer {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};

class Statement {
 public:
  // Prepares one statement; throws a usage error naming the database when SQLite refuses it.
  Statement(sqlite3* db, std::string_view sql);

  // Parameters are numbered from 1, as in SQLite.
  Statement& bind_int(int index, std::int64_t value);
  Statement& bind_real(int index, double value);
  Statement& bind_text(int index, std::string_view value);
  // The same without a copy: SQLite reads `value` in place, so it must live until the statement
  // is reset. reset() and run() clear every binding of a statement bound this way.
  Statement& bind_text_in_place(int index, std::string_view value);
  Statement& bind_null(int index);

  // Steps once: true when a row is ready to read, false when the statement is done.
  bool step();
  // Steps to the end, then resets so that the statement can be bound and run again.
  void run();
  // Makes the statement ready to run again (bindings are kept until rebound).
  void reset();

  // Columns of the current row, numbered from 0. NULL reads as 0 or "".
  std::int64_t int_at(int column) const;
  double real_at(int column) const;
  bool bool_at(int column) const { return int_at(column) != 0; }
  std::string text_at(int column) const;
  // The same without a copy: valid until the next step() or reset().
  std::string_view text_view_at(int column) const;
  bool is_null(int column) const;

 private:
  sqlite3* db_;
  bool in_place_ = false;  // a binding points at the caller's text
  std::unique_ptr<sqlite3_stmt, StatementFinalizer> stmt_;
};

// Runs every statement of `script` (no parameters, no rows wanted), one prepared statement at a
// time: schema migrations and pragmas.
void run_script(sqlite3* db, std::string_view script);

}  // namespace tagdrift::storage
