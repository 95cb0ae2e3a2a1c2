// A transaction with one owner, rolled back unless committed. A write transaction takes the write
// lock at once (BEGIN IMMEDIATE), so a busy database waits on the busy timeout instead of failing
// half-way; a read transaction gives several queries one consistent snapshot.
#pragma once

#include <sqlite3.h>

namespace tagdrift::storage {

class Transaction {
 public:
  enum class Kind { kWrite, kRead };

  explicit Transaction(sqlite3* db, Kind kind = Kind::kWrite);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();

 private:
  sqlite3* db_;
  bool open_ = true;
};

}  // namespace tagdrift::storage
