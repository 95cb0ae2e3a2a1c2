#include "storage/transaction.h"

#include <catch2/catch.hpp>
#include <stdexcept>

#include "storage/sqlite_handle.h"
#include "storage/statement.h"
#include "tests/support/temp_dir.h"

using tagdrift::storage::open_connection;
using tagdrift::storage::run_script;
using tagdrift::storage::Statement;
using tagdrift::storage::Transaction;
using tagdrift::testing::TempDir;

namespace {

std::int64_t rows(sqlite3* db) {
  Statement count(db, "SELECT count(*) FROM t");
  return count.step() ? count.int_at(0) : -1;
}

}  // namespace

TEST_CASE("transaction: what is not committed is rolled back when the scope is left") {
  TempDir dir;
  std::string path = (dir.path() / "t.db").string();
  auto db = open_connection(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, path);
  run_script(db.get(), "CREATE TABLE t (x);");
  try {
    Transaction transaction(db.get());
    Statement(db.get(), "INSERT INTO t VALUES (1)").run();
    throw std::runtime_error("the batch failed half-way");
  } catch (const std::runtime_error&) {
  }
  CHECK(rows(db.get()) == 0);
  CHECK(sqlite3_get_autocommit(db.get()) == 1);
  {
    Transaction transaction(db.get());
    Statement(db.get(), "INSERT INTO t VALUES (1)").run();
    transaction.commit();
  }
  CHECK(rows(db.get()) == 1);
}
