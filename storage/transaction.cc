#include "storage/transaction.h"

#include <memory>

#include "storage/statement.h"

namespace tagdrift::storage {

Transaction::Transaction(sqlite3* db, Kind kind) : db_(db) {
  Statement(db_, kind == Kind::kWrite ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED").run();
}

Transaction::~Transaction() {
  if (!open_ || sqlite3_get_autocommit(db_) != 0) return;
  // A destructor must not throw; a failed rollback leaves SQLite to roll back on close.
  sqlite3_stmt* raw = nullptr;
  sqlite3_prepare_v2(db_, "ROLLBACK", -1, &raw, nullptr);
  std::unique_ptr<sqlite3_stmt, StatementFinalizer> rollback(raw);
  if (rollback) sqlite3_step(rollback.get());
}

void Transaction::commit() {
  Statement(db_, "COMMIT").run();
  open_ = false;
}

}  // namespace tagdrift::storage
