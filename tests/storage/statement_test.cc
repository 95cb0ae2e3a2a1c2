#include "storage/statement.h"

#include <catch2/catch.hpp>
#include <string>

#include "storage/sqlite_handle.h"
#include "tests/support/temp_dir.h"

using tagdrift::storage::open_connection;
using tagdrift::storage::run_script;
using tagdrift::storage::Statement;
using tagdrift::testing::TempDir;

TEST_CASE("statement: text bound in place is written as it was, and the binding goes with run()") {
  TempDir dir;
  const std::string path = (dir.path() / "t.db").string();
  auto db = open_connection(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, path);
  run_script(db.get(), "CREATE TABLE t (n INTEGER, a TEXT, b TEXT)");
  Statement insert(db.get(), "INSERT INTO t VALUES (?1, ?2, ?3)");
  {
    std::string a = "https://www.clinic.test/ivf", b(1000, 'x');
    insert.bind_int(1, 1).bind_text_in_place(2, a).bind_text(3, b).run();
  }  // the texts are gone: a second run must not read them
  insert.bind_int(1, 2).run();
  Statement query(db.get(), "SELECT n, a, b, a IS NULL FROM t ORDER BY n");
  REQUIRE(query.step());
  CHECK(query.text_at(1) == "https://www.clinic.test/ivf");
  CHECK(query.text_at(2) == std::string(1000, 'x'));
  REQUIRE(query.step());
  CHECK(query.int_at(0) == 2);
  CHECK(query.bool_at(3));  // cleared, not a stale pointer
}
