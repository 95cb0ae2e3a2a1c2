// One owner for each SQLite connection: a unique_ptr that closes it, and the one way to open one.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <string>

namespace tagdrift::storage {

struct ConnectionCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using ConnectionHandle = std::unique_ptr<sqlite3, ConnectionCloser>;

// How long a connection waits for another process's write transaction before giving up.
inline constexpr int kBusyTimeoutMs = 10'000;

// Opens `filename` (a path, or a "file:" URI when `flags` has SQLITE_OPEN_URI) with extended
// result codes and the busy timeout on. Throws a usage error naming `path` when SQLite cannot open
// it.
ConnectionHandle open_connection(const std::string& filename, int flags, const std::string& path);

}  // namespace tagdrift::storage
